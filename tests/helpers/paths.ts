import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const OUTPUT = resolve(ROOT, 'tests/.output');
export const CONTENT = resolve(ROOT, 'content');

export interface SiteBuild {
  dir: string;
  base: string;
  content: string;
  /** SITE: the public address, for canonical URLs, the feed and the sitemap. */
  site?: string;
  /** More of the build's environment. */
  env?: Record<string, string>;
}

/** The real content, built at the root and under a sub-path. */
export const SITES = {
  // example.org is reserved for examples: no real site is named.
  // Its PDFs typeset in parts of at most 4 rows of the table (the report has 20, in themes of 1 to 6): themes cut into chunks, joined.
  root: { dir: resolve(OUTPUT, 'dist'), base: '/', content: CONTENT, site: 'https://plan.example.org', env: { PDF_PART_ROWS: '4' } },
  base: { dir: resolve(OUTPUT, 'dist-base'), base: '/plan', content: CONTENT },
} satisfies Record<string, SiteBuild>;
