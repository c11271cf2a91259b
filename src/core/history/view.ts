/**
 * Small pure helpers the pages use to read a report's history (no Astro).
 */
import type { Report } from '../model.ts';
import type { EditionChanges } from './types.ts';

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
