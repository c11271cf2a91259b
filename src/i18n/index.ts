/**
 * Interface wording: the locale files (one per language, en-GB first) and the
 * few helpers that fill them in. Framework-free, so pages, src/core, the CLI
 * and the browser scripts can all use it.
 *
 * A message is a plain string with `{name}` placeholders, or, where a number
 * changes the words, plural forms keyed by Intl.PluralRules categories
 * (`one`, `other`, and `zero`, `two`, `few`, `many` where a language has them).
 * `{Name}` (capitalised) puts the value of `name` in with a capital letter.
 */
import { enGB, type Messages, type PluralForms } from './en-GB.ts';
import { format, formatParts, pluralForm, type Params } from './format.ts';

export type { Messages, Params, PluralForms };
export { format, formatParts, pluralForm };

export const DEFAULT_LANGUAGE = 'en-GB';

/** Every language the site can speak. Add a translation here (see README: "Add a language"). */
export const LOCALES: Record<string, Messages> = {
  'en-GB': enGB,
};

/** The locale file for a BCP 47 tag: exact, then its base language ("cy" for "cy-GB"), then en-GB. */
export function messagesFor(language: string | undefined): { language: string; messages: Messages } {
  const tag = language ?? DEFAULT_LANGUAGE;
  if (LOCALES[tag]) return { language: tag, messages: LOCALES[tag] };
  const base = tag.split('-')[0]!.toLowerCase();
  const match = Object.keys(LOCALES).find((key) => key.toLowerCase() === base || key.split('-')[0]!.toLowerCase() === base);
  return match ? { language: match, messages: LOCALES[match]! } : { language: DEFAULT_LANGUAGE, messages: enGB };
}

/**
 * What a report counts its rows in ("action", "actions"). One place, so that a
 * report's own unit word (from its report.yaml) replaces the default here alone.
 */
export function unitForms(report: UnitOf | undefined, messages: Messages): PluralForms {
  return report?.unit ? { one: report.unit.singular, other: report.unit.plural } : messages.unit;
}

/** A report, as far as its unit word goes (report.yaml `unit`). */
export type UnitOf = { id: string; unit?: { singular: string; plural: string } };

/** The interface in one language: its messages and the helpers bound to it. */
export interface I18n {
  language: string;
  messages: Messages;
  format(template: string, params?: Params): string;
  parts<T>(template: string, params: Record<string, T | string | number>): (T | string)[];
  plural(forms: PluralForms, count: number, params?: Params): string;
  /** "1 action", "30 actions": a count of a report's rows. */
  units(report: UnitOf | undefined, count: number): string;
  /** The unit word that goes with a count ("action" for 1, "actions" for 30), without the count. */
  unitWord(report: UnitOf | undefined, count: number): string;
  /** The unit word for sentences: `unit` (singular), `units` (plural), to pass as params. */
  unitWords(report: UnitOf | undefined): { unit: string; units: string };
  /** Several values as one phrase in the language's own way ("A and B"). */
  list(values: string[]): string;
}

export function i18n(language?: string): I18n {
  const { language: lang, messages } = messagesFor(language);
  let listFormat: Intl.ListFormat | undefined;
  const words = (report: UnitOf | undefined) => {
    const forms = unitForms(report, messages);
    return { unit: pluralForm(lang, forms, 1), units: forms.other };
  };
  const self: I18n = {
    language: lang,
    messages,
    format,
    parts: formatParts,
    plural: (forms, count, params = {}) => format(pluralForm(lang, forms, count), { count, ...params }),
    units: (report, count) => format(messages.counted, { count, unit: pluralForm(lang, unitForms(report, messages), count) }),
    unitWords: words,
    unitWord: (report, count) => pluralForm(lang, unitForms(report, messages), count),
    list: (values) => (listFormat ??= new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' })).format(values),
  };
  return self;
}

/** The default (en-GB) interface, for code that does not know the site's language. */
export const t = i18n(DEFAULT_LANGUAGE);
