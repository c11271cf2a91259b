/** When each entry and report last changed: an editor's `updated`, else git, else the file's time. */
import { resolve } from 'node:path';
import { lastChanged } from '../dates.ts';
import type { Report } from '../model.ts';

export function setLastUpdated(reports: readonly Report[], contentDir: string, root: string, files: readonly string[]): void {
  const dates = lastChanged(contentDir, files.map((f) => resolve(root, f)));
  const dateOf = (file: string) => dates.get(resolve(root, file)) ?? new Date(0).toISOString();
  for (const report of reports) {
    for (const entry of report.entries) entry.lastUpdated = entry.updated ? `${entry.updated}T00:00:00.000Z` : dateOf(entry.file);
    report.lastUpdated = [dateOf(report.file), ...report.entries.map((e) => e.lastUpdated)].sort().at(-1)!;
  }
}
