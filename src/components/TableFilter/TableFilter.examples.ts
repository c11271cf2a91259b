import type { Examples } from '../examples.ts';

export default {
  'a filter per facet': ({ plan }) => ({ report: plan }),
} satisfies Examples;
