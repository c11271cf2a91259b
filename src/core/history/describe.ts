/**
 * The words of one entry's change in one edition, shared by the changes and
 * entry pages (src/components/history/ChangeLine.astro) and the PDF's "What
 * changed" part (src/core/print/document.ts): each date moved, as a sentence,
 * and the labels of the other fields and sections that changed.
 */
import { formatDate } from '../format.ts';
import { sectionLabel, type Report } from '../model.ts';
import type { I18n } from '../../i18n/index.ts';
import type { EntryChange } from './types.ts';

export interface ChangeWords {
  /** One sentence per date field moved ("Target date: 31 March 2025 → 30 September 2025"). */
  dates: { direction: EntryChange['dates'][number]['direction']; text: string }[];
  /** "Owner and Update changed", when other fields or sections changed. */
  others?: string;
}

export function changeWords(report: Report, change: EntryChange, t: I18n): ChangeWords {
  const h = t.messages.history;
  const label = (key: string) => report.fields.find((f) => f.id === key)?.label ?? key;
  const heading = (text: string) => {
    const s = report.sections.find((s) => s.heading === text || s.aliases?.includes(text));
    return s ? sectionLabel(s) : text;
  };
  const date = (d?: string) => (d ? (/^\d{4}-\d{2}-\d{2}$/.test(d) ? formatDate(d) : d) : h.noValue);
  const others = [...change.fields.map(label), ...change.sections.filter(Boolean).map(heading)];
  return {
    dates: change.dates.map((d) => ({ direction: d.direction, text: t.format(h.dateMove, { label: label(d.field), from: date(d.from), to: date(d.to) }) })),
    others: others.length ? t.format(h.fieldsChanged, { fields: t.list(others) }) : undefined,
  };
}
