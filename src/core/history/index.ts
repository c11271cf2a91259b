/**
 * Editions and history of reports, from git: framework-free (no Astro).
 *
 *   const history = await readHistory(contentDir);         // every report's editions
 *   if (history.notice) log(history.notice);                 // no history: one edition each, and why
 *   const changes = historyChanges(report.editions, shape);  // changes[i]: editions[i] → editions[i + 1]
 *
 * An edition is each distinct `as_at` (YYYY-MM-DD) of a report.yaml: the
 * report folder at the last commit carrying it, or the working tree for the
 * current as_at when it differs from what is committed. Edits committed
 * before as_at is raised belong to the edition before: raise as_at first (or
 * in the same commit) when starting a new quarter's update.
 *
 * `shape` (ReportShape) says which frontmatter keys are the title, the status
 * and dates, and gives the legend (done statuses, ranks or order), so that the
 * comparison works for any report. Helpers for pages: groupChanges (the groups
 * of a changes page), entryHistory (an entry's story), statusCounts (counts
 * per status per edition).
 */
export { readHistory, type HistoryOptions } from './read.ts';
export { compareEditions, compareEntries, entryHistory, groupChanges, historyChanges, statusCounts, statusRanks, type EntryHistoryLine } from './changes.ts';
export { ParseCache, parseEntry, splitSections } from './parse.ts';
export type * from './types.ts';
