import type { Examples } from '../examples.ts';

export default {
  'each colour with its count': ({ plan }) => ({ report: plan }),
  'stages holding colours, under a smaller heading': ({ staged }) => ({ report: staged, headingLevel: 3 }),
} satisfies Examples;
