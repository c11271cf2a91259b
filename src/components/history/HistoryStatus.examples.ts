import type { Examples } from '../examples.ts';

export default {
  'a status the legend has': ({ plan }) => ({ report: plan, status: 'moving' }),
  'a status the legend no longer has': ({ plan }) => ({ report: plan, status: 'retired' }),
  'no status in that edition': ({ plan }) => ({ report: plan }),
} satisfies Examples;
