/**
 * Open data: the report as CSV (RFC 4180, UTF-8 with a byte-order mark so
 * Excel reads accents correctly, CRLF line ends) and as JSON (the typed model
 * with a schemaVersion). Pure functions; the pages and the importer share them.
 */
import { stringify } from 'csv-stringify/sync';
import { destination, legendItem, theme, type Entry, type Evidence, type Report } from './model.ts';

export const JSON_SCHEMA_VERSION = 1;

export const CSV_COLUMNS = [
  ['report', 'Report'],
  ['id', 'Id'],
  ['order', 'Order'],
  ['theme_id', 'Theme id'],
  ['theme', 'Theme'],
  ['title', 'Task/action'],
  ['status_id', 'Status id'],
  ['status', 'Status'],
  ['activity_undertaken', 'Activity undertaken / evidence'],
  ['activity_outstanding', 'Activity outstanding'],
  ['next_phase_id', 'New phase id'],
  ['next_phase', 'New phase'],
  ['next_phase_text', 'New phase (as worded in the plan)'],
  ['evidence', 'Evidence'],
  ['updated', 'Last updated'],
  ['url', 'Page'],
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number][0];

/**
 * A spreadsheet runs a cell that starts with =, +, -, @, tab or carriage return
 * as a formula. Prefix such cells with an apostrophe (OWASP's advice) so they
 * stay text.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** "- item" lines become "• item": readable in a cell, and not mistaken for a formula. */
export function bulletText(text: string): string {
  return text.replace(/^(\s*)- /gm, '$1• ');
}

/** `title (date) url`, one per line, and ` — note` when there is one. */
export function evidenceText(evidence: readonly Evidence[]): string {
  return evidence.map((e) => [e.title, e.date && `(${e.date})`, e.url, e.note && `— ${e.note}`].filter(Boolean).join(' ')).join('\n');
}

export function csvRecord(report: Report, entry: Entry, pageUrl: string): Record<CsvColumn, string> {
  return {
    report: report.id,
    id: entry.id,
    order: String(entry.order),
    theme_id: entry.theme,
    theme: theme(report, entry.theme).title,
    title: entry.title,
    status_id: entry.status,
    status: legendItem(report, entry.status).label,
    activity_undertaken: bulletText(entry.sections.undertaken.text),
    activity_outstanding: bulletText(entry.sections.outstanding.text),
    next_phase_id: entry.nextPhase,
    next_phase: destination(report, entry.nextPhase).title,
    next_phase_text: entry.nextPhaseText ?? '',
    evidence: evidenceText(entry.evidence),
    updated: entry.lastUpdated.slice(0, 10),
    url: pageUrl,
  };
}

/** The whole report as CSV text, starting with a byte-order mark. */
export function reportCsv(report: Report, pageUrl: (entry: Entry) => string): string {
  const rows = report.entries.map((entry) => {
    const record = csvRecord(report, entry, pageUrl(entry));
    return CSV_COLUMNS.map(([key]) => neutraliseFormula(record[key]));
  });
  return stringify([CSV_COLUMNS.map(([, header]) => header), ...rows], { bom: true, record_delimiter: 'windows' });
}

/** The report as JSON: the model, with page addresses and a schema version. */
export function reportJson(report: Report, pageUrl: (entry: Entry) => string): string {
  const { entries, file: _file, introductionHtml: _intro, ...meta } = report;
  return `${JSON.stringify(
    {
      schemaVersion: JSON_SCHEMA_VERSION,
      report: meta,
      entries: entries.map(({ file: _f, sections, ...entry }) => ({
        ...entry,
        url: pageUrl({ ...entry, sections, file: _f }),
        sections: { undertaken: sections.undertaken.text, outstanding: sections.outstanding.text },
      })),
    },
    // Compact: open data is read by programs, and indentation would add a third to its size.
  )}\n`;
}

/** "12 KB", "980 bytes". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
