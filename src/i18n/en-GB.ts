/**
 * Every word of the interface a reader sees, in British English. A second
 * language is a copy of this file and of its parts in en-GB/, translated (see README: "Add a language").
 *
 * `{name}` is a value filled in by the page; `{Name}` the same value with a
 * capital letter. `{unit}` and `{units}` are the word a report counts its rows
 * in ("action", "actions"). Plural forms follow Intl.PluralRules categories.
 */
import { plural, type PluralForms } from './plural.ts';
import { pages } from './en-GB/pages.ts';
import { records } from './en-GB/records.ts';

export type { PluralForms };

export const enGB = {
  /** The word a report counts its rows in, when its report.yaml does not say (`unit`). */
  unit: plural({ one: 'action', other: 'actions' }),
  /** A count of a report's rows: "30 actions". */
  counted: '{count} {unit}',

  ...pages,
  ...records,
};

/** The shape every translation has: the same keys, each a string or plural forms. */
export type Messages = typeof enGB;
