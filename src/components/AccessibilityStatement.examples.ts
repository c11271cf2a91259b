import type { Site } from '../core/model.ts';
import type { Examples } from './examples.ts';

/** The statement's settings as the model holds them: nothing given unless an example gives it. */
const site = (accessibility: Partial<Site['accessibility']> = {}) => ({
  title: 'Sample plan',
  organisation: 'Sample Council',
  accessibility: { compliance: 'partial', knownIssues: [], ...accessibility },
});

export default {
  // The shipped content's case: no contact, no review, no issue listed; the glossary lists two as not explained.
  'nothing provided yet, some abbreviations not explained': () => ({ site: site(), unexplained: ['BC', 'CMT'] }),
  'partially compliant with its known issues, a contact and dates, every abbreviation explained': () => ({
    site: site({
      contactEmail: 'accessibility@example.org',
      responseDays: 10,
      knownIssues: ['Some evidence documents are scanned PDFs without text.'],
      prepared: '2024-09-01',
      lastReviewed: '2025-03-01',
    }),
    address: 'https://plan.example.org/',
    unexplained: [],
  }),
  'fully compliant after its review': () => ({ site: site({ compliance: 'full', contactPhone: '01234 567890', lastReviewed: '2025-03-01' }), unexplained: [] }),
} satisfies Examples;
