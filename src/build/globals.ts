/**
 * The build's hidden globals, all declared here with their types. Each joins
 * two copies of the code that share one Node process but not their modules:
 * the build's own modules, and those Astro loads again through Vite
 * (astro.config.mjs, the content loader, the pages). A module-level variable
 * would exist once per copy; a value on globalThis under a Symbol.for key is
 * seen by both.
 */
import type { ServerResponse } from 'node:http';
import type { ContentError } from '../core/diagnostics.ts';
import type { History, SiteHistory } from '../core/history/types.ts';
import type { LoadResult } from '../core/load.ts';
import type { BuiltSite } from './post-build.ts';

const PRELOADED = Symbol.for('improvement-report.preloaded');
const DEFERRED = Symbol.for('improvement-report.deferred-steps');
const PREVIEW = Symbol.for('improvement-report.preview');
const HISTORY = Symbol.for('improvement-report.site-history');
const PAGES = Symbol.for('improvement-report.search-pages');

/** The content check, and the reading of its history, that `npm run build` runs in worker threads while Astro starts. */
export type Preloaded = { dir: string; result: Promise<LoadResult>; history?: Promise<History> };
/** Where the Astro integration leaves the finished site when `npm run build` runs the post-build steps itself. */
export type Deferred = { built?: BuiltSite };
/**
 * `npm run build`: where the Astro integration hands the pages the search index
 * reads (INDEXED_PAGES) as Astro renders them, so that the index reads them
 * beside the rendering rather than from disk afterwards (src/build/search-feed.ts).
 * Files are paths relative to the output folder, e.g. "plan/index.html".
 */
export interface PageSink {
  /** The files to come, in the order Astro lists its pages: the order the index adds them in. */
  expect(files: string[]): void;
  /** One of them, as Astro writes it (UTF-8). */
  page(file: string, html: Uint8Array): void;
}

interface Globals {
  /** Set by src/build/build-pages.ts before Astro starts; read by src/site/content-loader.ts. */
  [PRELOADED]?: Preloaded;
  /** Set by src/build/build-pages.ts before Astro starts; filled in by src/site/report-site.ts. */
  [DEFERRED]?: Deferred;
  /** `npm run dev`: shared by src/site/content-loader.ts and the preview's server middleware (src/site/dev-preview.ts); read by src/site/data.ts. */
  [PREVIEW]?: PreviewState;
  /** `npm run build`: set by src/site/content-loader.ts; read by src/site/data.ts. */
  [HISTORY]?: Map<string, SiteHistory>;
  /** Set by src/build/build-pages.ts before Astro starts; fed by src/site/search-pages.ts. */
  [PAGES]?: PageSink;
}

/** What the preview's content loader and its server middleware share (src/site/dev-preview.ts). */
export interface PreviewState {
  /** The content's errors, while it has any. */
  error?: ContentError;
  /** The errors last printed in the terminal, so that each is printed once even when Astro loads the content loader again. */
  printed?: string;
  /** Has Astro run the named loaders again; resolves once it has stored what they loaded. */
  refresh?: (loaders: string[]) => Promise<void>;
  /** Reloads every site page open on Vite's HMR channel. */
  reloadSitePages?: () => void;
  /** The error pages' event streams, each with the messages its page shows. */
  errorPages: Map<ServerResponse, string>;
}

const globals = globalThis as typeof globalThis & Globals;

/** `npm run build` checks the content and reads its history itself: the content loader waits for those results rather than read it all again. */
export function preload(dir: string, result: Promise<LoadResult>, history?: Promise<History>): void {
  globals[PRELOADED] = { dir, result, ...(history ? { history } : {}) };
}

export function preloaded(): Preloaded | undefined {
  return globals[PRELOADED];
}

/**
 * `npm run build` runs the post-build steps in a process of its own: the page
 * process calls this before Astro's build and reads the finished site from
 * the slot. Without it (`astro build`), the integration runs the steps itself.
 */
export function deferSteps(): Deferred {
  const slot: Deferred = {};
  globals[DEFERRED] = slot;
  return slot;
}

export function deferred(): Deferred | undefined {
  return globals[DEFERRED];
}

export function previewState(): PreviewState {
  return (globals[PREVIEW] ??= { errorPages: new Map() });
}

/** In `npm run dev`, the content's errors, which pages show instead of themselves; undefined when the content is valid. */
export function currentContentError(): ContentError | undefined {
  return globals[PREVIEW]?.error;
}

/**
 * `npm run build`: each report's history (its slim editions, changes and
 * export rows), kept here by the content loader rather than in Astro's content
 * store, which Astro serialises, bundles into a module and reads back (at 1,000
 * entries over 12 editions, 2 MB more of it); the pages, built in the same
 * process, read it here (src/site/data.ts). The preview keeps it in the store.
 */
export function keepHistory(history: Map<string, SiteHistory>): void {
  globals[HISTORY] = history;
}

export function keptHistory(): Map<string, SiteHistory> | undefined {
  return globals[HISTORY];
}

/** `npm run build` reads the search index's pages as Astro renders them (src/site/search-pages.ts hands them over). */
export function feedSearchPages(sink: PageSink): void {
  globals[PAGES] = sink;
}

export function searchPageSink(): PageSink | undefined {
  return globals[PAGES];
}
