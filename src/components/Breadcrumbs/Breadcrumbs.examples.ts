import type { Examples } from '../examples.ts';

export default {
  'the report and a theme': ({ plan }) => ({
    items: [
      { href: '/sample/', label: plan.title },
      { href: '/sample/themes/first-theme/', label: 'First theme' },
    ],
  }),
} satisfies Examples;
