import type { Examples } from '../examples.ts';

export default {
  'a status': ({ plan }) => ({ report: plan, status: 'moving' }),
  'linked to the page of its entries': ({ plan }) => ({ report: plan, status: 'panel', link: true }),
  'a colour inside a stage': ({ staged }) => ({ report: staged, status: 'amber' }),
  'the empty tag the search script clones': () => ({ template: true }),
} satisfies Examples;
