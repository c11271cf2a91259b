/**
 * Editions and what changed between them: the types. Everything here is plain
 * data (arrays, records, strings), so it can be stored or serialised as it is.
 *
 * An edition is a report as it stood on one reporting date (`as_at` in its
 * report.yaml): the report folder at the last commit that carried that date,
 * or the working tree for the current date.
 */

// ---------------------------------------------------------------- the report's shape

/** One status of a report's legend, as history needs it. */
export interface LegendStatus {
  id: string;
  /** The status counts as done (complete): a move to it is "newly complete". */
  done?: boolean;
  /**
   * Higher is better. When no status of the legend declares a rank, ranks come
   * from the legend's order (see ReportShape.order).
   */
  rank?: number;
}

/**
 * What history needs to know about a report's entries, so that comparing
 * editions works for any report, not only one with these field names.
 */
export interface ReportShape {
  /** Frontmatter key of an entry's title, e.g. "title". */
  titleKey: string;
  /** Frontmatter key of an entry's status (an id from `legend`); omit when entries have none. */
  statusKey?: string;
  /** Frontmatter keys that hold dates (YYYY-MM-DD): a change is reported as a move, later or earlier. */
  dateKeys: readonly string[];
  /** Frontmatter keys whose changes are not worth reporting (e.g. "order", "updated"). */
  ignoreKeys?: readonly string[];
  /** The legend's statuses in the report's order. */
  legend: readonly LegendStatus[];
  /**
   * Which end of the legend is best, when no status declares a rank. Left out,
   * it follows from where the done statuses are: done statuses at the start
   * (Complete, On track, At risk) mean best first, otherwise worst first
   * (Not started, In progress, Complete). With neither ranks, order nor done
   * statuses, status changes are not called better or worse.
   */
  order?: 'best-first' | 'worst-first';
}

// ---------------------------------------------------------------- editions

/** A part of an entry's body: the text under one `## ` heading. */
export interface Section {
  /** The heading's text; "" for text before the first heading. */
  heading: string;
  text: string;
}

/** An entry as it stood in one edition, lightly parsed (no Markdown rendering). */
export interface EditionEntry {
  /** The file name without `.md`: the entry's address. */
  id: string;
  /** The file name in the report folder. */
  file: string;
  /** The git blob id of the file's content (also computed for working-tree files). */
  blob: string;
  /** The frontmatter; absent when the file could not be read (see `problem`). */
  data?: Record<string, unknown>;
  sections: Section[];
  /** Why the frontmatter could not be read, e.g. "line 3: the field "status" is written twice". */
  problem?: string;
}

export interface Edition {
  /** The reporting date, YYYY-MM-DD. */
  asAt: string;
  /** The commit the content comes from; absent when it comes from uncommitted files. */
  commit?: string;
  /** When that commit was made (ISO date-time, as git gives it). */
  committedAt?: string;
  /** The content is the working tree, with changes not yet committed. */
  uncommitted: boolean;
  /** The parsed report.yaml of this edition. */
  report: Record<string, unknown>;
  /** The entries, by id. */
  entries: EditionEntry[];
}

export interface ReportHistory {
  /** The report folder's name. */
  reportId: string;
  /** Oldest first (by as_at). Empty when report.yaml has no valid as_at now or in its history. */
  editions: Edition[];
  /** The as_at of the working tree's report.yaml (the current edition), when it has a valid one. */
  current?: string;
}

/** Counts of the work done, for tests and benchmarks. */
export interface HistoryStats {
  /** git processes started. */
  gitCalls: number;
  /** Commits read from the log. */
  commits: number;
  /** Blobs read from git (each at most once). */
  blobsRead: number;
  /** Files parsed (each distinct content once). */
  parses: number;
}

export interface History {
  reports: ReportHistory[];
  /**
   * One line to print when the build could not read history (no git, a
   * shallow clone, a copy outside git): each report then has one edition.
   */
  notice?: string;
  stats: HistoryStats;
}

// ---------------------------------------------------------------- changes

/** How a status move reads: to a done status, up or down the legend, or neither. */
export type StatusMoveKind = 'complete' | 'better' | 'worse' | 'changed';

export interface StatusMove {
  from?: string;
  to?: string;
  kind: StatusMoveKind;
}

export interface DateMove {
  /** The frontmatter key, e.g. "target_date". */
  field: string;
  from?: string;
  to?: string;
  /**
   * later/earlier: both are dates (later is slippage); set/cleared: one side
   * has no value; changed: a side is not a date (e.g. "TBC").
   */
  direction: 'later' | 'earlier' | 'set' | 'cleared' | 'changed';
  /** Days moved, positive when later; only for later/earlier. */
  days?: number;
}

export interface EntryRef {
  id: string;
  /** The entry's title (from the later edition, or the one it is in; the id when it has none). */
  title: string;
  /** Its status in that edition. */
  status?: string;
}

export interface EntryChange extends EntryRef {
  /** Absent when the status did not change. */
  statusMove?: StatusMove;
  dates: DateMove[];
  /** Other frontmatter keys whose values changed, added or removed, in key order. */
  fields: string[];
  /** Headings of body sections changed, added or removed ("" for text before the first heading). */
  sections: string[];
  /** The entry could not be read in one of the two editions, so what changed is unknown. */
  unreadable?: boolean;
}

/** What changed from one edition to the next. Lists are sorted by entry id. */
export interface EditionChanges {
  /** as_at of the earlier edition. */
  from: string;
  /** as_at of the later edition. */
  to: string;
  added: EntryRef[];
  removed: EntryRef[];
  changed: EntryChange[];
}

/** The groups of a changes page. An entry can be in more than one (better and slipped). */
export interface ChangeGroups {
  complete: EntryChange[];
  worse: EntryChange[];
  better: EntryChange[];
  /** Entries with a date moved later. */
  slipped: EntryChange[];
  added: EntryRef[];
  removed: EntryRef[];
  /** Changed entries in none of the groups above (fields or sections only, a date brought forward, …). */
  other: EntryChange[];
}

// ---------------------------------------------------------------- the site's view

/** One line of history.csv/json: a change of one entry in one edition. */
export interface HistoryRow {
  entry: string;
  /** The row's reference in that edition ("14", "CP-3": src/core/reference.ts); the previous edition's for a row removed. */
  reference: string;
  title: string;
  /** as_at of the edition the change is in. */
  edition: string;
  /** as_at of the edition before. */
  previous: string;
  /** "entry" (added or removed), a frontmatter key, or "section:<heading>". */
  field: string;
  from: string;
  to: string;
}

/** What the site keeps of a report's history: slim editions, the changes, and the export rows. */
export interface SiteHistory {
  /** Oldest first; entries carry only id, title, status, date and facet fields. */
  editions: Edition[];
  /** changes[i]: editions[i] → editions[i + 1]. */
  changes: EditionChanges[];
  rows: HistoryRow[];
  /** History could not be read (no git, a shallow clone, a copy): the one edition is the content as it is now. */
  unavailable?: boolean;
}
