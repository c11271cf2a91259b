import type { Examples } from '../examples.ts';

export default {
  'an entry with a status, evidence and neighbours': ({ plan }) => ({ report: plan, entry: plan.entries.find((e) => e.id === 'alpha')! }),
} satisfies Examples;
