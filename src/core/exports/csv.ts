/**
 * The report as CSV for spreadsheets: RFC 4180 (csv-stringify), UTF-8 with a
 * byte-order mark so Excel reads accents correctly, CRLF between records, one
 * row per entry, and cells a spreadsheet would run as formulas neutralised.
 * The columns are the report's own: its declared fields and sections, with
 * the plan's headings. Pure functions: the pages and the importer share them.
 */
import { stringify } from 'csv-stringify/sync';
import { t } from '../../i18n/index.ts';
import { referenceField, referenceLabel, rowReference, sectionLabel, valuesOf, type Entry, type Evidence, type FieldDecl, type Report } from '../model.ts';
import { fieldType, statusField, valueContext } from '../schema.ts';

export interface CsvColumn {
  /** What the column holds: a built-in key, `<field>`, `<field>_id` or `section:<id>`. */
  key: string;
  header: string;
  value(entry: Entry, pageUrl: string): string;
}

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

/** The headings of the columns every report has, from the locale file. */
const heading = t.messages.csv;

/** Several values of one field share a cell, one per line. */
const MULTI = '\n';

function fieldColumns(report: Report, field: FieldDecl): CsvColumn[] {
  const type = fieldType(field);
  const context = valueContext(report, field);
  const values = (entry: Entry) => valuesOf(entry, field.id);
  const typed = (entry: Entry) => {
    const v = entry.fields[field.id];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  return [
    ...(type.idColumn ? [{ key: `${field.id}_id`, header: t.format(heading.idColumn, { label: field.label }), value: (e: Entry) => values(e).join(MULTI) }] : []),
    { key: field.id, header: field.label, value: (e: Entry) => typed(e).map((v) => type.cell(v, context)).join(MULTI) },
  ];
}

/**
 * The columns, in the order of the plan's table: the row's reference (the
 * declared reference field, else the row number), the grouping field, the
 * title, the status, the sections, then the other fields as declared.
 */
const columnCache = new WeakMap<object, CsvColumn[]>();
export function csvColumns(report: Report): CsvColumn[] {
  const cached = columnCache.get(report.fields);
  if (cached) return cached;
  const group = report.fields.find((f) => f.id === report.group_by);
  const status = statusField(report);
  const reference = referenceField(report);
  const rest = report.fields.filter((f) => f !== group && f !== status && f !== reference);
  const columns: CsvColumn[] = [
    { key: 'report', header: heading.report, value: (e) => e.report },
    ...(reference ? fieldColumns(report, reference) : [{ key: 'reference:row', header: referenceLabel(report), value: (e: Entry) => rowReference(report, e) }]),
    { key: 'id', header: heading.id, value: (e) => e.id },
    { key: 'order', header: heading.order, value: (e) => String(e.order) },
    ...(group ? fieldColumns(report, group) : []),
    { key: 'title', header: report.title_label, value: (e) => e.title },
    ...(status ? fieldColumns(report, status) : []),
    ...report.sections.map((s) => ({ key: `section:${s.id}`, header: sectionLabel(s), value: (e: Entry) => bulletText(e.sections[s.id]?.text ?? '') })),
    ...rest.flatMap((f) => fieldColumns(report, f)),
    { key: 'evidence', header: heading.evidence, value: (e) => evidenceText(e.evidence) },
    { key: 'updated', header: heading.updated, value: (e) => e.lastUpdated.slice(0, 10) },
    { key: 'url', header: heading.url, value: (_e, url) => url },
  ];
  columnCache.set(report.fields, columns);
  return columns;
}

export function csvRecord(report: Report, entry: Entry, pageUrl: string): Record<string, string> {
  return Object.fromEntries(csvColumns(report).map((c) => [c.key, c.value(entry, pageUrl)]));
}

/**
 * csv-stringify's options for every CSV the site writes: a byte-order mark, CRLF between records,
 * and any cell holding a line break quoted. csv-stringify quotes a cell holding the record
 * delimiter (CRLF), not one holding a bare LF, which a strict reader then takes as a new record.
 */
export const CSV_OPTIONS = { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

/** The whole report as CSV text, starting with a byte-order mark. */
export function reportCsv(report: Report, pageUrl: (entry: Entry) => string): string {
  const columns = csvColumns(report);
  const rows = report.entries.map((entry) => {
    const url = pageUrl(entry);
    return columns.map((c) => neutraliseFormula(c.value(entry, url)));
  });
  return stringify([columns.map((c) => c.header), ...rows], CSV_OPTIONS);
}
