import type { Examples } from '../examples.ts';

export default {
  'every facet of a report': ({ plan }) => ({ report: plan }),
} satisfies Examples;
