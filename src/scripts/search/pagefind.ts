/** Pagefind's JS API, as far as the search page uses it, loaded from the site's own /pagefind/. */

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
export interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
export interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options?: { filters?: Record<string, string[]>; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindResponse | null>;
}

/** The site's index, or undefined when it cannot load (no index, or scripts blocked). */
export async function loadPagefind(base: string): Promise<Pagefind | undefined> {
  try {
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: base, excerptLength: 24 });
    await pagefind.init();
    return pagefind;
  } catch {
    return undefined;
  }
}
