/**
 * The small building blocks every content schema uses: ids, dates, links,
 * colours and non-empty text, each with the message an editor reads.
 */
import { z } from 'zod';

/**
 * How to write a value, kept with its schema: for a field left empty or
 * given the wrong kind of value, the messages (content/validate.ts) give
 * this hint, e.g. a choice's ids with an example. Not part of the JSON Schema.
 */
export const valueHints = z.registry<{ hint: string }>();

/** Ids become URLs: lower-case letters, digits and single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const idSchema = z
  .string({ error: 'must be text, an id such as "in-progress"' })
  .regex(ID_PATTERN, {
    error: 'must be an id: lower-case letters, digits and hyphens, e.g. "governance-and-decision-making"',
  });

/** Field and section ids are frontmatter keys: lower-case letters, digits and underscores. */
export const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;
export const keySchema = z
  .string({ error: 'must be text, a name such as "due_date"' })
  .regex(KEY_PATTERN, { error: 'must be a name of lower-case letters, digits and underscores, starting with a letter, e.g. "due_date"' });

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

/** Non-empty text; `what` says what it is for, in the message. */
export const text = (what: string) => z.string({ error: `must be text (${what})` }).trim().min(1, { error: `must not be empty (${what})` });

export const evidenceSchema = z.strictObject({
  title: text('what the evidence is'),
  date: dateSchema.optional(),
  url: hrefSchema.optional(),
  note: text('a short note').optional(),
});
