/**
 * Opening and writing a Pagefind index, and what the build says when Pagefind
 * fails: shared by the search-index step (pagefind.ts, reading the pages from
 * disk) and the index fed as Astro renders them (search-feed.ts).
 */
import { join } from 'node:path';
import type * as Pagefind from 'pagefind';

export type Index = NonNullable<Awaited<ReturnType<typeof Pagefind.createIndex>>['index']>;

/** Pagefind's error, as the build says it: what it could not do, and its own words. */
export function pagefindError(what: 'start' | 'index the site' | 'write the index', errors: string[]): Error {
  return new Error(`Pagefind could not ${what}: ${errors.join('; ')}`);
}

/** A new index of the site's pages (their language set: the index is read by one search page). */
export async function openIndex(pagefind: typeof Pagefind): Promise<Index> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index || errors.length) throw pagefindError('start', errors);
  return index;
}

/** Writes the index into <dir>/pagefind. */
export async function writeIndex(index: Index, dir: string): Promise<void> {
  const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
  if (written.errors.length) throw pagefindError('write the index', written.errors);
}
