import type { Examples } from '../examples.ts';

export default {
  'a report page: legend, summary, browse links, filters and table': ({ plan }) => ({ report: plan }),
} satisfies Examples;
