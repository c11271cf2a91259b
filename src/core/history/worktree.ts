/**
 * The files of a report folder as history sees them: which files are entries,
 * the working tree read from disk as the current edition (each file's blob id
 * computed as git would, so that content already committed is not read or
 * parsed again), and the entries of an edition.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { blobId } from './git.ts';
import type { ParseCache } from './parse.ts';
import type { Edition, EditionEntry } from './types.ts';

/** An entry file, as the loader reads them: a .md or .markdown file directly in the report folder. */
export const ENTRY_FILE = /\.(md|markdown)$/i;
export const REPORT_FILE = 'report.yaml';

/** The notes page a report.yaml declares (`about_page: file:`): a file of its folder that is not an entry. */
export function aboutPageFile(report: Record<string, unknown>): string | undefined {
  const page = report['about_page'];
  const file = page && typeof page === 'object' ? (page as Record<string, unknown>)['file'] : undefined;
  return typeof file === 'string' ? file : undefined;
}

/** A report folder's files at one moment: file name → blob id. */
export type Files = Map<string, string>;

/** The blob of each edition's report.yaml, to tell a clean working tree from a changed one. */
export const reportBlobs = new WeakMap<Edition, string>();

export interface WorkingReport {
  report: Buffer;
  /** Entry file name → content. */
  entries: Map<string, Buffer>;
}

/** Each report folder of the working tree with a report.yaml, read as the loader reads it. */
export function readWorkingTree(contentDir: string): Map<string, WorkingReport> {
  const reports = new Map<string, WorkingReport>();
  const reportsDir = join(contentDir, 'reports');
  for (const reportId of listDir(reportsDir).sort()) {
    const dir = join(reportsDir, reportId);
    if (!isDir(dir)) continue;
    let report: Buffer;
    try {
      report = readFileSync(join(dir, REPORT_FILE));
    } catch {
      continue;
    }
    const entries = new Map<string, Buffer>();
    for (const name of listDir(dir)) {
      if (!ENTRY_FILE.test(name)) continue;
      try {
        entries.set(name, readFileSync(join(dir, name)));
      } catch {
        /* a folder named *.md, or unreadable: the loader reports it */
      }
    }
    reports.set(reportId, { report, entries });
  }
  return reports;
}

export function workingTreeEdition(tree: WorkingReport, format: 'sha1' | 'sha256', cache: ParseCache): Edition | undefined {
  const reportBlob = blobId(tree.report, format);
  const report = cache.report(reportBlob, tree.report);
  if (!report.asAt) return undefined;
  const notes = aboutPageFile(report.data);
  const entries = [...tree.entries].filter(([file]) => file !== notes).map(([file, content]) => {
    const blob = blobId(content, format);
    return editionEntry(file, blob, cache.entry(blob, content));
  });
  const edition: Edition = { asAt: report.asAt, uncommitted: true, report: report.data, entries: sortById(entries) };
  reportBlobs.set(edition, reportBlob);
  return edition;
}

/** The working tree holds exactly the committed files of this edition. */
export function sameFiles(committed: Edition, now: Edition): boolean {
  if (committed.entries.length !== now.entries.length) return false;
  if (reportBlobs.get(committed) !== reportBlobs.get(now)) return false;
  return committed.entries.every((e, i) => e.file === now.entries[i]!.file && e.blob === now.entries[i]!.blob);
}

export function editionEntry(file: string, blob: string, parsed: { data?: Record<string, unknown>; sections: EditionEntry['sections']; problem?: string }): EditionEntry {
  return {
    id: file.replace(ENTRY_FILE, ''),
    file,
    blob,
    ...(parsed.data ? { data: parsed.data } : {}),
    sections: parsed.sections,
    ...(parsed.problem ? { problem: parsed.problem } : {}),
  };
}

export function sortById(entries: EditionEntry[]): EditionEntry[] {
  return entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

