/** The search in the page's address (?q=…&theme=…), so a search can be bookmarked, shared and reloaded. */

/** Replace the address with this search (no new history entry per keystroke). */
export function writeState(query: string, filters: Record<string, string[]>): void {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const [key, values] of Object.entries(filters)) for (const v of values) params.append(key, v);
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
}

/** The search the address asks for. */
export function readState(): { query: string; values: (key: string) => string[] } {
  const params = new URLSearchParams(location.search);
  return { query: params.get('q') ?? '', values: (key) => params.getAll(key) };
}
