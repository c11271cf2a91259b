/**
 * The single source of truth for what content may say. `npm run check`, the
 * Astro content loader and the JSON Schema files are all derived from these.
 * Framework-free: imports zod itself, never Astro.
 */
import { z } from 'zod';

/** Ids become URLs: lower-case letters, digits and single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const idSchema = z
  .string({ error: 'must be text, an id such as "in-progress"' })
  .regex(ID_PATTERN, {
    error: 'must be an id: lower-case letters, digits and hyphens, e.g. "governance-and-decision-making"',
  });

/** A calendar date written YYYY-MM-DD that really exists (no 2023-02-30). */
export const dateSchema = z
  .string({ error: 'must be a date written YYYY-MM-DD, e.g. 2024-03-01' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD, e.g. 2024-03-01', abort: true })
  .refine(isRealDate, { error: 'is not a date that exists in the calendar' });

export function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** An origin no real site has, to see where a browser would take a site-relative link. */
const THIS_SITE = 'https://origin.invalid';

/**
 * Links may go to the web (http, https), to an email address, or to a page of
 * this site. Never with spaces, control characters or backslashes: browsers
 * drop tabs and line breaks from addresses and read "\" as "/", so
 * "/\evil.example/x" or "/<tab>/evil.example" would leave the site.
 */
export function isSafeHref(value: string): boolean {
  if (/[\s\\\u0000-\u001f\u007f-\u009f]/.test(value)) return false;
  if (/^https?:\/\//i.test(value)) return URL.canParse(value);
  if (/^mailto:./i.test(value)) return true;
  // Site-relative: "/..." that a browser resolves on this site, so not "//host".
  return /^\/(?!\/)/.test(value) && URL.canParse(value, `${THIS_SITE}/`) && new URL(value, `${THIS_SITE}/`).origin === THIS_SITE;
}

/** Why a backslash is refused, for messages about evidence urls and links in Markdown. */
export const BACKSLASH_IN_LINK = 'contains a backslash (\\), which browsers read as "/" and which could take readers to another site';

export const hrefSchema = z
  .string({ error: 'must be a web address as text' })
  .refine((value) => !value.includes('\\'), { error: BACKSLASH_IN_LINK, abort: true })
  .refine(isSafeHref, {
    error: 'must start with https://, http://, mailto: or / (a page of this site); other kinds of link are not allowed',
  });

export const colourSchema = z
  .string({ error: 'must be a colour written as "#rrggbb" in quotes' })
  .regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour written as "#rrggbb" (in quotes, because # starts a comment in YAML)' });

const text = (what: string) => z.string({ error: `must be text (${what})` }).trim().min(1, { error: `must not be empty (${what})` });

export const evidenceSchema = z.strictObject({
  title: text('what the evidence is'),
  date: dateSchema.optional(),
  url: hrefSchema.optional(),
  note: text('a short note').optional(),
});

/**
 * One value, or a list of them for a field that may hold several (a row with
 * two New Phase cells). The model always holds a list.
 */
function oneOrMore<T extends z.ZodType>(item: T, what: string) {
  return z.union([item, z.array(item).min(1, { error: `needs at least one item (${what})` })], { error: `must be ${what}` });
}

/** Entry ids that would clash with a report's own routes. */
export const RESERVED_ENTRY_IDS = ['themes', 'status', 'next', 'data', 'feed', 'index'] as const;
/** Report ids that would clash with site-wide routes. */
export const RESERVED_REPORT_IDS = ['search', 'glossary', 'accessibility', 'pagefind', '_astro', '404', 'feed', 'index'] as const;

export const entrySchema = z.strictObject({
  title: text('the task or action, as the plan words it').describe('The Task/action column, as the plan words it.'),
  theme: idSchema.describe('The id of one of the report’s themes (report.yaml, themes).'),
  status: idSchema.describe('The colour code: the id of one of the report’s legend entries (report.yaml, legend).'),
  next_phase: oneOrMore(idSchema, 'a destination id, or a list of them when the row has several New Phase cells').describe(
    'Where the work goes next: the id of one of the report’s destinations (report.yaml, destinations), or a list of ids when the row has several.',
  ),
  next_phase_text: oneOrMore(text('the New Phase column in the plan’s own words'), 'text, or a list with one text per next_phase id')
    .optional()
    .describe('Optional: the New Phase column in the plan’s own words; with several next_phase ids, a list in the same order.'),
  order: z
    .number({ error: 'must be a whole number (the row’s position in the table)' })
    .int({ error: 'must be a whole number (the row’s position in the table)' })
    .positive({ error: 'must be 1 or more' })
    .describe('The row’s position in the table: 1, 2, 3…'),
  evidence: z
    .array(evidenceSchema, { error: 'must be a list of items, each starting with "- title:"' })
    .optional()
    .describe('Optional: documents that show the work. A url only when the real address is known.'),
  updated: dateSchema.optional().describe('Optional: when this entry last changed, YYYY-MM-DD.'),
});
export type EntryFrontmatter = z.infer<typeof entrySchema>;

export const legendItemSchema = z.strictObject({
  id: idSchema,
  label: text('what the colour means'),
  colour: colourSchema,
  text_colour: colourSchema.default('#0b0c0c'),
  description: text('a longer explanation').optional(),
});

export const themeSchema = z.strictObject({
  id: idSchema,
  title: text('the theme’s name'),
  description: text('a longer explanation').optional(),
});

export const destinationSchema = z.strictObject({
  id: idSchema,
  title: text('where the work goes next'),
  group: text('e.g. "Phase 3 Improvement Plan theme 1"').optional(),
  description: text('a longer explanation').optional(),
  /** A theme of another report of this site that this destination is, e.g. a Phase 3 theme. */
  report: idSchema.optional().describe('Optional: the id (folder) of another report of this site whose theme this destination is.'),
  theme: idSchema.optional().describe('With report: the id of that report’s theme.'),
});

export const reportSchema = z.strictObject({
  title: text('the report’s title'),
  subtitle: text('a line under the title').optional(),
  organisation: text('the public body').optional(),
  date: dateSchema.optional(),
  introduction: text('Markdown shown above the table').optional(),
  about: text('Markdown: this site’s own note about the page, shown apart from the document’s words').optional(),
  notes: z.array(text('a note shown with the legend')).optional(),
  legend: z.array(legendItemSchema).min(1, { error: 'needs at least one colour code' }),
  themes: z.array(themeSchema).min(1, { error: 'needs at least one theme' }),
  destinations: z.array(destinationSchema).min(1, { error: 'needs at least one destination' }),
});
export type ReportFile = z.infer<typeof reportSchema>;

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

/** Every field name an entry may have, for "did you mean" hints. */
export const ENTRY_FIELDS = Object.keys(entrySchema.shape);
