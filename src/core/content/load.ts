/**
 * Read the content folder into the typed model, collecting every problem on
 * the way instead of stopping at the first. `npm run check` prints the
 * diagnostics; the Astro content loader refuses to build when any is an error.
 * Each step is a module of this folder; this one puts them in order.
 */
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import type { MarkdownOptions } from '../markdown-render.ts';
import { sortReports, type Content } from '../model.ts';
import { warnUnexplained, type ProseFile } from './abbreviations.ts';
import { checkCrossReportValues, checkDuplicateOrders, checkDuplicateReferences, checkGlossaryReports } from './cross-refs.ts';
import { capRepeated } from '../diagnostics.ts';
import { listReports } from './files.ts';
import { createReader } from './read.ts';
import { readGlossary } from './glossary-file.ts';
import { setLastUpdated } from './last-updated.ts';
import { readReport, type ReadReport } from './report.ts';
import { readSite } from './site.ts';

export interface LoadOptions {
  /** Paths in messages are relative to this folder (default: the current directory). */
  root?: string;
  markdown?: MarkdownOptions;
  /**
   * Check only (`npm run check`): the same checks and messages, without the
   * entries' HTML and text and without their last-changed dates (content then
   * holds empty sections and dates; do not build from it).
   */
  checkOnly?: boolean;
}

export interface LoadResult {
  /** Present when there are no errors. */
  content?: Content;
  diagnostics: Diagnostic[];
  /** Every file read, relative to `root`, for watchers and summaries. */
  files: string[];
}

export function loadContent(contentDir: string, options: LoadOptions = {}): LoadResult {
  const root = options.root ?? process.cwd();
  const reader = createReader(root);
  const site = readSite(reader, contentDir);
  const glossary = readGlossary(reader, contentDir);
  const markdown: MarkdownOptions = { ...options.markdown, glossary: glossary.glossary, ...(options.checkOnly ? { render: false } : {}) };
  const prose: ProseFile[] = [];

  const reportsDir = join(contentDir, 'reports');
  const reportIds = listReports(reportsDir, reader.rel, reader.diagnostics);
  if (reportIds.length === 0) {
    reader.diagnostics.push({ severity: 'error', file: reader.rel(reportsDir), message: 'holds no report', hint: 'add a folder such as content/reports/my-plan/ with a report.yaml in it' });
  }
  const read: ReadReport[] = [];
  for (const id of reportIds) {
    const one = readReport(reader, reportsDir, id, glossary.glossary, markdown, prose);
    if (!one) continue;
    checkDuplicateOrders(reader, one);
    checkDuplicateReferences(reader, one);
    read.push(one);
  }
  checkCrossReportValues(reader, read);
  checkGlossaryReports(reader, glossary, reportIds);
  warnUnexplained(reader, prose, glossary.path);

  const reports = read.map((r) => r.report);
  const hasErrors = reader.diagnostics.some((d) => d.severity === 'error');
  if (!hasErrors && !options.checkOnly) setLastUpdated(reports, contentDir, root, reader.files);
  return {
    content: hasErrors || !site ? undefined : { site, reports: sortReports(reports), glossary: glossary.glossary },
    // Many problems of one kind in one file: the first ones, then a count.
    diagnostics: capRepeated(reader.diagnostics),
    files: reader.files,
  };
}
