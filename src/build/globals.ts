/**
 * The build's hidden globals, all declared here with their types. Each joins
 * two copies of the code that share one Node process but not their modules:
 * the build's own modules, and those Astro loads again through Vite
 * (astro.config.mjs, the content loader, the pages). A module-level variable
 * would exist once per copy; a value on globalThis under a Symbol.for key is
 * seen by both.
 */
import type { ContentError } from '../core/diagnostics.ts';
import type { LoadResult } from '../core/load.ts';
import type { BuiltSite } from './post-build.ts';

const PRELOADED = Symbol.for('improvement-report.preloaded');
const DEFERRED = Symbol.for('improvement-report.deferred-steps');
const CONTENT_ERROR = Symbol.for('improvement-report.content-error');

/** The content check that `npm run build` runs in a worker thread while Astro starts. */
export type Preloaded = { dir: string; result: Promise<LoadResult> };
/** Where the Astro integration leaves the finished site when `npm run build` runs the post-build steps itself. */
export type Deferred = { built?: BuiltSite };

interface Globals {
  /** Set by src/build/build-pages.ts before Astro starts; read by src/site/content-loader.ts. */
  [PRELOADED]?: Preloaded;
  /** Set by src/build/build-pages.ts before Astro starts; filled in by src/site/report-site.ts. */
  [DEFERRED]?: Deferred;
  /** Set by src/site/content-loader.ts in `npm run dev` while the content is broken; read by src/site/data.ts. */
  [CONTENT_ERROR]?: ContentError;
}

const globals = globalThis as typeof globalThis & Globals;

/** `npm run build` checks the content itself: the content loader waits for that result rather than read it all again. */
export function preload(dir: string, result: Promise<LoadResult>): void {
  globals[PRELOADED] = { dir, result };
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

/** In `npm run dev`, the content error that pages throw so that Astro's overlay shows it; undefined when the content is valid. */
export function setContentError(error: ContentError | undefined): void {
  globals[CONTENT_ERROR] = error;
}

export function currentContentError(): ContentError | undefined {
  return globals[CONTENT_ERROR];
}
