/**
 * Editions and history of reports, from git: framework-free (no Astro).
 *
 *   const history = await readHistory(contentDir);        // every report's editions
 *   if (history.notice) console.log(history.notice);        // no history: one edition each
 *   const changes = historyChanges(report.editions, shape); // what changed, edition to edition
 */
export { readHistory, type HistoryOptions } from './read.ts';
export { compareEditions, compareEntries, entryHistory, groupChanges, historyChanges, statusCounts, statusRanks, type EntryHistoryLine } from './changes.ts';
export { ParseCache, parseEntry, splitSections } from './parse.ts';
export type * from './types.ts';
