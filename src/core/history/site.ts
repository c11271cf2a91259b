/**
 * History as the site uses it: a report's ReportShape from its declarations,
 * slim editions for pages (id, title, status, date and facet fields only; no
 * sections), the changes between them, and the rows of history.csv/json.
 * Framework-free: the Astro loader calls `reportHistory` once per load.
 */
import { stringify } from 'csv-stringify/sync';
import { historyChanges, statusRanks } from './changes.ts';
import type { Edition, EditionChanges, EditionEntry, HistoryRow, ReportHistory, ReportShape, SiteHistory } from './types.ts';

export type { HistoryRow, SiteHistory };
import { CSV_OPTIONS, neutraliseFormula } from '../exports/csv.ts';
import { t } from '../../i18n/index.ts';
import type { ReportFile } from '../schema.ts';
import { statuses, statusField } from '../schema.ts';
import { referenceInData } from '../reference.ts';

type Declarations = Pick<ReportFile, 'fields' | 'legend' | 'facets' | 'reference'>;

/** Keys whose changes are not worth reporting: the row's position and the editor's own date. */
const IGNORED = ['order', 'updated'];

/** What history needs to know about a report, from its report.yaml's declarations. */
export function reportShape(report: Declarations): ReportShape {
  const status = statusField(report);
  // Better or worse follows the order of the legend's top level (done statuses say which end is
  // best). The colours inside a stage ("In progress": green, amber, red) share the stage's rank:
  // nothing says which of them is better, so a move between them is a change, not better or worse.
  const stages = statusRanks({ titleKey: 'title', dateKeys: [], legend: report.legend.map((l) => ({ id: l.id, done: l.done || Boolean(l.children?.length && l.children.every((c) => c.done)) })) });
  return {
    titleKey: 'title',
    ...(status ? { statusKey: status.id } : {}),
    dateKeys: report.fields.filter((f) => f.type === 'date').map((f) => f.id),
    ignoreKeys: IGNORED,
    legend: statuses(report).map((s) => {
      const rank = stages.get(s.stage?.id ?? s.id);
      return { id: s.id, done: s.done, ...(rank !== undefined ? { rank } : {}) };
    }),
  };
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(cell).join('\n');
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function slimEntry(entry: EditionEntry, keys: readonly string[]): EditionEntry {
  const data = entry.data ? Object.fromEntries(keys.filter((k) => entry.data![k] !== undefined).map((k) => [k, entry.data![k] instanceof Date ? cell(entry.data![k]) : entry.data![k]])) : undefined;
  return { id: entry.id, file: entry.file, blob: entry.blob, ...(data ? { data } : {}), sections: [], ...(entry.problem ? { problem: entry.problem } : {}) };
}

/** The export rows of one edition's changes, with the values from the full editions. */
function rowsOf(before: Edition, after: Edition, changes: EditionChanges, shape: ReportShape, report: Declarations): HistoryRow[] {
  const rows: HistoryRow[] = [];
  const base = { edition: changes.to, previous: changes.from };
  const old = new Map(before.entries.map((e) => [e.id, e]));
  const now = new Map(after.entries.map((e) => [e.id, e]));
  const ref = (editionEntries: Map<string, EditionEntry>, id: string) => referenceInData(report, editionEntries.get(id)?.data) ?? '';
  for (const e of changes.added) rows.push({ entry: e.id, reference: ref(now, e.id), title: e.title, ...base, field: 'entry', from: '', to: 'added' });
  for (const e of changes.removed) rows.push({ entry: e.id, reference: ref(old, e.id), title: e.title, ...base, field: 'entry', from: 'removed', to: '' });
  for (const c of changes.changed) {
    const a = old.get(c.id)?.data ?? {};
    const b = now.get(c.id)?.data ?? {};
    const line = { entry: c.id, reference: ref(now, c.id), title: c.title, ...base };
    const keys = [...(c.statusMove && shape.statusKey ? [shape.statusKey] : []), ...c.dates.map((d) => d.field), ...c.fields];
    for (const key of keys) rows.push({ ...line, field: key, from: cell(a[key]), to: cell(b[key]) });
    for (const heading of c.sections) rows.push({ ...line, field: `section:${heading}`, from: '', to: '' });
  }
  return rows;
}

/** A report's history for the site, from readHistory's editions of it. */
export function reportHistory(history: ReportHistory | undefined, report: Declarations, unavailable = false): SiteHistory {
  const editions = history?.editions ?? [];
  const shape = reportShape(report);
  const changes = historyChanges(editions, shape);
  const rows = changes.flatMap((c, i) => rowsOf(editions[i]!, editions[i + 1]!, c, shape, report));
  const keys = [...new Set(['title', 'order', ...(report.reference ? [report.reference] : []), ...(shape.statusKey ? [shape.statusKey] : []), ...shape.dateKeys, ...report.facets.map((f) => f.field)])];
  // An entry unchanged between editions is one object in all of them: the store Astro serialises
  // (devalue, which writes a repeated object once) then holds each version of an entry once, not
  // once per edition (at 1,146 entries over 12 editions, 1.3 MB instead of 3.3 MB).
  const slim = new Map<string, EditionEntry>();
  const slimOf = (entry: EditionEntry) => {
    const key = `${entry.file}\0${entry.blob}`;
    let found = slim.get(key);
    if (!found) slim.set(key, (found = slimEntry(entry, keys)));
    return found;
  };
  return {
    editions: editions.map((e) => ({ asAt: e.asAt, uncommitted: e.uncommitted, ...(e.commit ? { commit: e.commit } : {}), ...(e.committedAt ? { committedAt: e.committedAt } : {}), report: {}, entries: e.entries.map(slimOf) })),
    changes,
    rows,
    ...(unavailable ? { unavailable } : {}),
  };
}

const headers = () => t.messages.csv.history;

/** history.csv: RFC 4180 with a byte-order mark and CRLF, as data.csv; formulas neutralised. */
export function historyCsv(rows: readonly HistoryRow[]): string {
  const h = headers();
  const keys = ['entry', 'reference', 'title', 'edition', 'previous', 'field', 'from', 'to'] as const;
  return stringify([keys.map((k) => h[k]), ...rows.map((r) => keys.map((k) => neutraliseFormula(r[k])))], CSV_OPTIONS);
}

/** history.json: the same rows, with a schema version. */
export function historyJson(reportId: string, rows: readonly HistoryRow[], editions: readonly string[]): string {
  return `${JSON.stringify({ schemaVersion: 1, report: reportId, editions, changes: rows }, null, 2)}\n`;
}
