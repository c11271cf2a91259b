import type { Examples } from '../examples.ts';

export default {
  'the search form, its results list and the tag template': ({ plan }) => ({ reports: [plan] }),
} satisfies Examples;
