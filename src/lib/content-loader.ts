/**
 * The Astro content loader: a thin wrapper that runs src/core's loader (the
 * same code as `npm run check`) and puts the typed model in Astro's store.
 * Any error stops the build with the same one-line messages as `check`; in
 * `npm run dev` the preview shows them instead of the pages (see dev-preview.ts).
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { resolve } from 'node:path';
import { ContentError, formatDiagnostic } from '../core/diagnostics.ts';
import type { Content } from '../core/model.ts';
import { loadContent, type LoadResult } from '../core/load.ts';
import { contentChecked, currentContentError } from './dev-preview.ts';

export const CONTENT_DIR = resolve(process.env.CONTENT_DIR ?? 'content');

/** Both collections read the same folder; read it once per change. */
let cached: { generation: number; result: LoadResult } | undefined;
let generation = 0;

/**
 * `npm run build` checks the content itself, in a worker thread while Astro starts:
 * the loader waits for that result rather than read it all again.
 */
const PRELOADED = Symbol.for('improvement-report.preloaded');
type Preloaded = { dir: string; result: Promise<LoadResult> };
export function preload(dir: string, result: Promise<LoadResult>): void {
  (globalThis as { [PRELOADED]?: Preloaded })[PRELOADED] = { dir, result };
}

/** The content, and whether `npm run build` has already printed its warnings. */
async function read(): Promise<{ result: LoadResult; preloaded: boolean }> {
  const preloaded = (globalThis as { [PRELOADED]?: Preloaded })[PRELOADED];
  if (generation === 0 && preloaded?.dir === CONTENT_DIR) return { result: await preloaded.result, preloaded: true };
  if (cached?.generation !== generation) cached = { generation, result: loadContent(CONTENT_DIR) };
  return { result: cached.result, preloaded: false };
}

type Kind = 'site' | 'reports';

/** Puts one collection's part of the content in Astro's store; true when anything in it changed. */
function put(kind: Kind, content: Content, { store, generateDigest }: LoaderContext): boolean {
  const entries: { id: string; data: Record<string, unknown> }[] =
    kind === 'site'
      ? [
          { id: 'site', data: { ...content.site } as Record<string, unknown> },
          { id: 'glossary', data: { ...content.glossary } as unknown as Record<string, unknown> },
        ]
      : content.reports.map((report) => ({ id: report.id, data: report as unknown as Record<string, unknown> }));
  const ids = new Set(entries.map((e) => e.id));
  let changed = false;
  for (const id of store.keys()) {
    if (!ids.has(id)) {
      store.delete(id);
      changed = true;
    }
  }
  // `set` skips an entry whose digest is unchanged (and says so): the store is only rewritten when the content changed.
  for (const { id, data } of entries) if (store.set({ id, data, digest: generateDigest(data) })) changed = true;
  return changed;
}

/** Both collections' loader contexts: in the preview, one watcher refreshes both and reports once. */
const contexts = new Map<Kind, LoaderContext>();
let watching = false;

/**
 * Prints the content's warnings, and in the preview its errors, each once: the
 * preview keeps running and shows the errors in the browser (dev-preview.ts).
 * `npm run build` has printed the warnings already when it checked the content.
 */
function report(result: LoadResult, preloaded: boolean, logger: LoaderContext['logger'], dev: boolean): ContentError | undefined {
  if (!preloaded) for (const d of result.diagnostics) if (d.severity === 'warning') logger.warn(formatDiagnostic(d));
  const error = result.content ? undefined : new ContentError(result.diagnostics);
  // A save that changes nothing in the errors (or an editor that writes a file in two steps) does not repeat them.
  if (dev && error && error.message !== currentContentError()?.message) {
    logger.error(`${error.message}\nThe preview shows these messages instead of its pages until they are fixed.`);
  }
  return error;
}

function watch(watcher: NonNullable<LoaderContext['watcher']>): void {
  watching = true;
  watcher.add(CONTENT_DIR);
  watcher.on('all', async (_event, path) => {
    if (!resolve(path).startsWith(CONTENT_DIR)) return;
    generation++;
    const { result } = await read();
    const logger = contexts.get('reports')!.logger;
    const wasBroken = currentContentError() !== undefined;
    const error = report(result, false, logger, true);
    let changed = false;
    if (result.content) for (const [kind, context] of contexts) changed = put(kind, result.content, context) || changed;
    contentChecked(error, changed);
    if (wasBroken && !error) logger.info('Content is valid again; the preview shows it.');
  });
}

export function contentLoader(kind: Kind): Loader {
  return {
    name: `improvement-report-${kind}`,
    async load(context) {
      contexts.set(kind, context);
      const dev = context.watcher !== undefined;
      if (context.watcher && !watching) watch(context.watcher);
      const { result, preloaded } = await read();
      // Both collections read the same content: one of them speaks.
      if (kind === 'reports') contentChecked(report(result, preloaded, context.logger, dev), false);
      if (result.content) put(kind, result.content, context);
      else if (!dev) throw new ContentError(result.diagnostics);
    },
  };
}
