/** site.yaml: the site's own name and its accessibility statement. */
import { z } from 'zod';
import { dateSchema, text } from './primitives.ts';

/**
 * What the accessibility statement needs from the organisation. Every field is
 * optional so that nothing has to be made up: the statement says plainly what
 * has not been provided, and `npm run check` warns about it.
 */
export const accessibilitySchema = z.strictObject({
  contact_email: z.email({ error: 'must be an email address, e.g. accessibility@council.gov.uk' }).optional(),
  contact_phone: text('a telephone number').optional(),
  contact_address: text('a postal address').optional(),
  response_days: z.number({ error: 'must be a number of working days' }).int().positive().optional(),
  compliance: z.enum(['full', 'partial', 'not'], { error: 'must be one of: full, partial, not' }).default('partial'),
  known_issues: z.array(text('a problem readers may meet')).optional(),
  prepared: dateSchema.optional(),
  last_reviewed: dateSchema.optional(),
});

export const siteSchema = z.strictObject({
  title: text('the site’s name'),
  organisation: text('the public body that publishes the site'),
  description: text('one sentence for search engines').optional(),
  language: z.string().default('en-GB'),
  accessibility: accessibilitySchema.optional(),
});
export type SiteFile = z.infer<typeof siteSchema>;

/** site.yaml as the model holds it: the same settings, named as the code names things. */
export const siteModelSchema = siteSchema.transform(({ accessibility: a, ...site }) => ({
  ...site,
  accessibility: {
    contactEmail: a?.contact_email,
    contactPhone: a?.contact_phone,
    contactAddress: a?.contact_address,
    responseDays: a?.response_days,
    compliance: a?.compliance ?? 'partial',
    knownIssues: a?.known_issues ?? [],
    prepared: a?.prepared,
    lastReviewed: a?.last_reviewed,
  },
}));
export type Site = z.output<typeof siteModelSchema>;
