/**
 * Filling in messages: placeholders and plural forms. No messages of its own,
 * so the browser scripts can use it without bundling a locale file.
 */
import type { PluralForms } from './plural.ts';

export type Params = Record<string, string | number>;

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/**
 * `format('{count} of {total}', { count: 3, total: 9 })` → "3 of 9". A
 * placeholder with no value is left as it is (so a browser script can fill it later).
 */
export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (name in params) return String(params[name]);
    const lower = name.charAt(0).toLowerCase() + name.slice(1);
    if (lower !== name && lower in params) return capitalise(String(params[lower]));
    return whole;
  });
}

/**
 * The same, for a page template: the text split at its placeholders, with the
 * given values (links, <time> elements…) in their places, to render in order.
 */
export function formatParts<T>(template: string, params: Record<string, T | string | number>): (T | string)[] {
  return template
    .split(/(\{\w+\})/)
    .filter((part) => part !== '')
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name === undefined || !(name in params)) return part;
      const value = params[name]!;
      return typeof value === 'number' ? String(value) : value;
    });
}

/** Each language's plural rules, made once: pages ask for a plural form per row of a table, and making the rules is most of the cost. */
const pluralRules = new Map<string, Intl.PluralRules>();

/** The plural form for a count, in a language's own rules ("other" when a form is missing). */
export function pluralForm(language: string, forms: PluralForms, count: number): string {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  const category = rules.select(count) as keyof PluralForms;
  return forms[category] ?? forms.other;
}
