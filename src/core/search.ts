/**
 * Search and table-filter logic shared by the pages and the browser scripts.
 * Imports nothing: the scripts that use it run in the reader's browser, and
 * must not pull the content schema (zod) into the page's JavaScript.
 * What the index knows about each entry is in search-record.ts.
 */

/** The report page's filter: field id → the chosen value id. */
export type TableFilter = Record<string, string | undefined>;

/** Read the report-page filter from a query string, keeping only known ids (field id → allowed value ids). */
export function parseTableFilter(search: string, allowed: Record<string, readonly string[]>): TableFilter {
  const params = new URLSearchParams(search);
  return Object.fromEntries(
    Object.entries(allowed).map(([key, ids]) => {
      const value = params.get(key) ?? undefined;
      return [key, value && ids.includes(value) ? value : undefined];
    }),
  );
}

/** The query string for a filter ("" when nothing is chosen), in the order of its keys. */
export function tableFilterQuery(filter: TableFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Whether a row with these values (field id → its value ids) passes the filter. */
export function rowMatches(row: Record<string, readonly string[]>, filter: TableFilter): boolean {
  return Object.entries(filter).every(([key, value]) => !value || (row[key] ?? []).includes(value));
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

/** `Audit Committee` → `"Audit Committee"`: a phrase query, when the words are several and unquoted. */
export function phraseQuery(query: string): string | undefined {
  const q = query.trim();
  return /\s/.test(q) && !q.includes('"') ? `"${q}"` : undefined;
}
