/**
 * Small pure helpers the pages use to read a report's history (no Astro).
 */
import { referenceInData, referenceText, type Report } from '../model.ts';
import type { Messages } from '../../i18n/index.ts';
import type { EditionChanges, EditionEntry } from './types.ts';

/** The latest changes (current edition against the one before), if the report has two editions or more. */
export function latestChanges(report: Pick<Report, 'history'>): EditionChanges | undefined {
  return report.history?.changes.at(-1);
}

/** Ids of the entries added or changed in the latest edition. */
export function changedIds(report: Pick<Report, 'history'>): Set<string> {
  const c = latestChanges(report);
  return new Set(c ? [...c.added, ...c.changed].map((e) => e.id) : []);
}

/** The number of entries touched by one edition's changes. */
export function changeCount(changes: EditionChanges): number {
  return changes.added.length + changes.removed.length + changes.changed.length;
}

/** Each edition's entries by id, made once per edition. */
const entriesById = new WeakMap<object, Map<string, EditionEntry>>();

/**
 * The reference a line of an edition's changes starts with ("Row 14"): the
 * row's in that edition, a removed row's in the edition before. Shared by the
 * changes page and the PDF's "What changed" part.
 */
export function changeReference(report: Report, changes: EditionChanges, group: string, id: string, messages: Messages): string | undefined {
  const asAt = group === 'removed' ? changes.from : changes.to;
  const edition = report.history?.editions.find((e) => e.asAt === asAt);
  if (!edition) return undefined;
  let byId = entriesById.get(edition);
  if (!byId) entriesById.set(edition, (byId = new Map(edition.entries.map((e) => [e.id, e] as const).reverse())));
  const value = referenceInData(report, byId.get(id)?.data);
  return value === undefined ? undefined : referenceText(report, value, messages);
}
