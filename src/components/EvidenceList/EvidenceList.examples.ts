import type { Examples } from '../examples.ts';

export default {
  'a document with a link and a date': ({ plan }) => ({ evidence: plan.entries.find((e) => e.id === 'alpha')!.evidence }),
  'a document without a link': () => ({ evidence: [{ title: 'Minutes of the March meeting', note: 'held by the clerk' }] }),
} satisfies Examples;
