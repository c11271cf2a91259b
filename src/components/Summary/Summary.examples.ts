import type { Examples } from '../examples.ts';

export default {
  'progress and a bar chart per summary facet': ({ plan }) => ({ report: plan }),
  'colours inside stages': ({ staged }) => ({ report: staged }),
} satisfies Examples;
