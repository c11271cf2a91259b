/**
 * Where each kind of page and file of the site lives, relative to the site's
 * base: one function per kind, written once. The site's routes
 * (src/site/routes/) give each page its path with these, src/site/urls.ts
 * adds the base, and the search-index step (src/build/pagefind.ts) reads the
 * pages it indexes from INDEXED_PAGES.
 */
export const paths = {
  home: () => '',
  search: () => 'search/',
  glossary: () => 'glossary/',
  accessibility: () => 'accessibility/',
  notFound: () => '404.html',
  robots: () => 'robots.txt',
  feed: () => 'feed.xml',
  sitemap: () => 'sitemap.xml',
  /** The printed footer of pages outside a report. */
  printCss: () => 'print.css',
  report: (report: string) => `${report}/`,
  /** The site's own notes page of a report (report.yaml `about_page:`). */
  about: (report: string) => `${report}/about/`,
  entry: (report: string, entry: string) => `${report}/${entry}/`,
  /** A facet's page for one value, at the path its report.yaml declares. */
  facet: (report: string, facetPath: string, value: string) => `${report}/${facetPath}/${value}/`,
  /** What changed in an edition: the latest at `changes/`, each one also at `changes/<as_at>/`. */
  changes: (report: string, asAt?: string) => (asAt ? `${report}/changes/${asAt}/` : `${report}/changes/`),
  /** A past edition's table. */
  edition: (report: string, asAt: string) => `${report}/editions/${asAt}/`,
  /** A file of a report: an export (data.csv, …), its legend colours or its printed footer. */
  file: (report: string, name: string) => `${report}/${name}`,
} as const;

/** The built file of a path: a folder's index.html, or the file itself. */
export const fileOf = (path: string): string => (path === '' || path.endsWith('/') ? `${path}index.html` : path);

/**
 * The pages the search index reads, as a glob over the built site: those
 * marked data-pagefind-body, a report's table and its entries. The facet
 * pages would be read and then skipped, so they are left out: at 1,000
 * entries they are 3 MB of HTML and a third of the indexing time.
 */
export const INDEXED_PAGES = `{${[paths.report('*'), paths.entry('*', '*')].map(fileOf).join(',')}}`;
