/**
 * The report as CSV for spreadsheets: RFC 4180 (csv-stringify), UTF-8 with a
 * byte-order mark so Excel reads accents correctly, CRLF between records, one
 * row per entry, and cells a spreadsheet would run as formulas neutralised.
 * Pure functions: the pages and the importer share them.
 */
import { stringify } from 'csv-stringify/sync';
import { t } from '../../i18n/index.ts';
import { destination, legendItem, theme, type Entry, type Evidence, type Report } from '../model.ts';

const heading = t.messages.csv;
const legacy = t.messages.legacy.csv;

export const CSV_COLUMNS = [
  ['report', heading.report],
  ['id', heading.id],
  ['order', heading.order],
  ['theme_id', heading.themeId],
  ['theme', heading.theme],
  ['title', legacy.title],
  ['status_id', heading.statusId],
  ['status', heading.status],
  ['activity_undertaken', legacy.undertaken],
  ['activity_outstanding', legacy.outstanding],
  ['next_phase_id', legacy.nextPhaseId],
  ['next_phase', legacy.nextPhase],
  ['next_phase_text', legacy.nextPhaseText],
  ['evidence', heading.evidence],
  ['updated', heading.updated],
  ['url', heading.url],
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number][0];

/**
 * A spreadsheet runs a cell that starts with =, +, -, @, tab or carriage return
 * as a formula. Prefix such cells with an apostrophe (OWASP's advice) so they
 * stay text. Every line of a cell gets the same treatment: a reader that splits
 * records at line breaks (or a cell pasted line by line) would otherwise meet a
 * later line such as `=cmd|' /C calc'!A0` as a cell of its own.
 */
export function neutraliseFormula(cell: string): string {
  return cell.replace(/^[=+\-@\t\r]/gm, "'$&");
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
    // Several new phases: one per line, in the same order in the three columns.
    next_phase_id: entry.nextPhase.join('\n'),
    next_phase: entry.nextPhase.map((id) => destination(report, id).title).join('\n'),
    next_phase_text: (entry.nextPhaseText ?? []).join('\n'),
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
  // csv-stringify quotes a cell holding its record delimiter (CRLF) but not a
  // bare line feed, so without quoted_match a multi-line cell would be cut into
  // several records by every strict reader (RFC 4180, Excel, Python's csv).
  return stringify([CSV_COLUMNS.map(([, header]) => header), ...rows], { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
