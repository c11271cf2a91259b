/** One search: the words as typed and as a phrase (exact matches first), with the chosen filters. */
import { orderResults, phraseQuery } from '../../core/search.ts';
import type { Pagefind, PagefindResultData } from './pagefind.ts';

/** At most this many results are shown. */
export const RESULT_LIMIT = 50;

export interface Found {
  /** The results to show, in order. */
  results: PagefindResultData[];
  /** How many pages matched in all. */
  total: number;
  /** How many matches each filter value has. */
  counts: Record<string, Record<string, number>>;
}

/** Search; undefined when Pagefind gives no answer or a newer search has started (`stale`). */
export async function runQuery(pagefind: Pagefind, query: string, filters: Record<string, string[]>, stale: () => boolean): Promise<Found | undefined> {
  const phrase = phraseQuery(query);
  const [response, exact] = await Promise.all([
    pagefind.search(query || null, { filters, sort: query ? undefined : { order: 'asc' } }),
    phrase ? pagefind.search(phrase, { filters }) : null,
  ]);
  if (!response || stale()) return undefined;
  const exactIds = new Set((exact?.results ?? []).map((r) => r.id));
  const merged = [...(exact?.results ?? []), ...response.results.filter((r) => !exactIds.has(r.id))].slice(0, RESULT_LIMIT);
  const loaded = await Promise.all(merged.map(async (r) => ({ data: await r.data(), exact: exactIds.has(r.id) })));
  if (stale()) return undefined;
  const results = orderResults(loaded.map((l) => ({ ...l, isEntry: l.data.meta.entry === '1' }))).map((l) => l.data);
  return { results, total: response.results.length, counts: response.filters };
}
