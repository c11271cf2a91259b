import type { Examples } from '../examples.ts';

export default {
  'every column, rows grouped': ({ plan }) => ({ report: plan, caption: plan.title }),
  'a facet page’s table, without group rows': ({ plan }) => ({ report: plan, caption: 'Moving on', columns: 'facet', groupHeadings: false, entries: plan.entries.filter((e) => e.fields.status === 'moving') }),
} satisfies Examples;
