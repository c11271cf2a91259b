/**
 * What the search index knows about each entry: Pagefind filters (report,
 * theme, status, destination), metadata for the result list (title, status
 * label, id and colour, theme) and a sort key (the row's order in the table).
 */
import type { Messages } from '../i18n/index.ts';
import { destination, legendItem, statusSymbol, theme, type Entry, type Report } from './model.ts';

export interface SearchRecord {
  /** A filter may have several values (an entry with several new phases is found under each). */
  filters: Record<'report' | 'theme' | 'status' | 'destination', string | string[]>;
  meta: Record<'title' | 'status' | 'status_id' | 'status_colour' | 'status_symbol' | 'theme', string>;
  sort: Record<'order', string>;
}

export function searchRecord(report: Report, entry: Entry): SearchRecord {
  const status = legendItem(report, entry.status);
  return {
    filters: {
      report: report.title,
      theme: theme(report, entry.theme).title,
      status: status.label,
      destination: entry.nextPhase.map((id) => destination(report, id).title),
    },
    meta: {
      title: entry.title,
      status: status.label,
      status_id: status.id,
      status_colour: status.colour,
      status_symbol: statusSymbol(report, status.id),
      theme: theme(report, entry.theme).title,
    },
    // Zero-padded so that a text sort is also the table order.
    sort: { order: String(entry.order).padStart(6, '0') },
  };
}

/** The filters shown on the search page, in this order, with their labels (from the locale file). */
export const SEARCH_FILTERS = [
  { key: 'theme', label: (m: Messages) => m.facets.theme },
  { key: 'status', label: (m: Messages) => m.facets.status },
  { key: 'destination', label: (m: Messages) => m.legacy.nextPhase },
] as const;

export type TableFilter = { theme?: string; status?: string; next?: string };

/** Read the report-page filter from a query string, keeping only known ids. */
export function parseTableFilter(search: string, report: { themes: string[]; statuses: string[]; destinations: string[] }): TableFilter {
  const params = new URLSearchParams(search);
  const pick = (key: string, allowed: string[]) => {
    const value = params.get(key) ?? undefined;
    return value && allowed.includes(value) ? value : undefined;
  };
  return { theme: pick('theme', report.themes), status: pick('status', report.statuses), next: pick('next', report.destinations) };
}

/** The query string for a filter ("" when nothing is chosen), in a stable order. */
export function tableFilterQuery(filter: TableFilter): string {
  const params = new URLSearchParams();
  for (const key of ['theme', 'status', 'next'] as const) if (filter[key]) params.set(key, filter[key]!);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Whether a row with these values passes the filter; `next` may hold several ids, separated by spaces. */
export function rowMatches(row: { theme: string; status: string; next: string }, filter: TableFilter): boolean {
  return (!filter.theme || row.theme === filter.theme) && (!filter.status || row.status === filter.status) && (!filter.next || row.next.split(' ').includes(filter.next));
}

/**
 * The order readers expect: entries before whole-table pages, and among each,
 * pages with the exact phrase before pages with the words apart; otherwise
 * Pagefind's own ranking (the order given).
 */
export function orderResults<T extends { isEntry: boolean; exact: boolean }>(results: T[]): T[] {
  const rank = (r: T) => (r.isEntry ? 0 : 2) + (r.exact ? 0 : 1);
  return results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map(({ r }) => r);
}

/** `risk register` → `"risk register"`: a phrase query, when the words are several and unquoted. */
export function phraseQuery(query: string): string | undefined {
  const q = query.trim();
  return /\s/.test(q) && !q.includes('"') ? `"${q}"` : undefined;
}
