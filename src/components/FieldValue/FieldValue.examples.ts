import type { Examples } from '../examples.ts';

const entry = (report: Parameters<Examples[string]>[0]['plan'], id: string) => report.entries.find((e) => e.id === id)!;

export default {
  'a choice in a table cell, with the plan’s own words': ({ plan }) => ({ report: plan, reports: [plan], entry: entry(plan, 'beta'), field: plan.fields.find((f) => f.id === 'next_phase')! }),
  'a status in a table cell: a tag': ({ plan }) => ({ report: plan, reports: [plan], entry: entry(plan, 'alpha'), field: plan.fields.find((f) => f.id === 'status')! }),
  'a status on an entry page: words (the page’s status panel has the tag)': ({ plan }) => ({ report: plan, reports: [plan], entry: entry(plan, 'alpha'), field: plan.fields.find((f) => f.id === 'status')!, mode: 'page' }),
} satisfies Examples;
