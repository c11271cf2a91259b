/**
 * The rows of a past edition's table (PastEditionView.astro) as markup, each
 * made once: an entry unchanged between editions is one object in all of them
 * (the slim editions share it, src/core/history/site.ts), so its row is made
 * once for all the past editions that hold it. Eleven tables of ~1,000 rows
 * rendered cell by cell as Astro components were the largest part of what
 * history added to a build.
 */
import { escapeHTML } from 'astro/runtime/server/escape.js';
import type { EditionEntry } from '../../core/history/types.ts';
import { displayValue, referenceInData, referenceLabel, type Report } from '../../core/model.ts';
import { statusField } from '../../core/schema.ts';
import type { I18n } from '../../i18n/index.ts';
import { entryUrl } from '../../site/urls.ts';
import { attr, historyStatusHtml } from './status-html.ts';

type Field = Report['fields'][number];

/** What the table shows of a report: its columns, and the entries of the current edition (linked). */
export interface PastTable {
  refLabel: string;
  status: Field | undefined;
  /** The date and facet fields, after the reference, title and status. */
  fields: Field[];
  current: Set<string>;
  rows: WeakMap<EditionEntry, string>;
}

const tables = new WeakMap<Report, PastTable>();

/** The columns of a report's past-edition tables (the same for each edition). */
export function pastTable(report: Report, t: I18n): PastTable {
  let table = tables.get(report);
  if (!table) {
    const status = statusField(report);
    const facetIds = new Set(report.facets.map((f) => f.field));
    const fields = report.fields.filter((f) => f !== status && f.id !== report.reference && (f.type === 'date' || facetIds.has(f.id)));
    // The row's reference as it stood in that edition ("14", "CP-3"): the first column, as in the current table.
    table = { refLabel: referenceLabel(report, t.messages), status, fields, current: new Set(report.entries.map((e) => e.id)), rows: new WeakMap() };
    tables.set(report, table);
  }
  return table;
}

/**
 * A field's value as it stood, as its field type shows it today (displayValue: a date formatted, a
 * choice by its label, a percentage with %). A past value need not be valid now: a date not written
 * YYYY-MM-DD is shown as written, a choice no longer declared by its id.
 */
function text(report: Report, field: Field, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(value)) return value.map((v) => text(report, field, v)).join(', ');
  if (typeof value !== 'string' && typeof value !== 'number') return String(value);
  if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(String(value))) return String(value);
  return displayValue(report, field, value);
}

/** One entry's row, as it stood in an edition. */
export function pastRowHtml(report: Report, table: PastTable, entry: EditionEntry, t: I18n): string {
  let html = table.rows.get(entry);
  if (html !== undefined) return html;
  const { refLabel, status, fields, current } = table;
  const data = entry.data;
  const title = escapeHTML(String(data?.title ?? entry.id));
  html =
    `<tr data-entry="${attr(entry.id)}">` +
    `<td class="col-ref" data-label="${attr(refLabel)}" data-reference>${escapeHTML(referenceInData(report, data) ?? '')}</td>` +
    `<th scope="row" data-label="${attr(report.title_label)}">${current.has(entry.id) ? `<a href="${attr(entryUrl(report.id, entry.id))}">${title}</a>` : title}</th>` +
    (status ? `<td data-label="${attr(status.label)}">${historyStatusHtml(report, data?.[status.id] === undefined ? undefined : String(data[status.id]), t)}</td>` : '') +
    fields.map((f) => `<td data-label="${attr(f.label)}">${escapeHTML(text(report, f, data?.[f.id]))}</td>`).join('') +
    '</tr>';
  table.rows.set(entry, html);
  return html;
}
