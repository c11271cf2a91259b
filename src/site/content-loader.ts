/**
 * The Astro content loader: a thin wrapper that runs src/core's loader (the
 * same code as `npm run check`) and puts the typed model in Astro's store.
 * Any error stops the build with the same one-line messages as `check`.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { resolve } from 'node:path';
import { ContentError, formatDiagnostic } from '../core/diagnostics.ts';
import { loadContent, type LoadResult } from '../core/load.ts';
// `npm run build` checks the content itself, in a worker thread while Astro starts: the loader waits for that result.
import { currentContentError, preloaded as preloadedCheck, setContentError } from '../build/globals.ts';

export const CONTENT_DIR = resolve(process.env.CONTENT_DIR ?? 'content');

/** Both collections read the same folder; read it once per change. */
let cached: { generation: number; result: LoadResult } | undefined;
let generation = 0;

/** The content, and whether `npm run build` has already printed its warnings. */
async function read(): Promise<{ result: LoadResult; preloaded: boolean }> {
  const preloaded = preloadedCheck();
  if (generation === 0 && preloaded?.dir === CONTENT_DIR) return { result: await preloaded.result, preloaded: true };
  if (cached?.generation !== generation) cached = { generation, result: loadContent(CONTENT_DIR) };
  return { result: cached.result, preloaded: false };
}

/**
 * In `npm run dev` the preview keeps its last good content when a file breaks;
 * pages then throw this error so Astro's overlay shows it in the browser.
 */
export { currentContentError };

async function sync(kind: 'site' | 'reports', { store, logger, generateDigest }: LoaderContext): Promise<void> {
  // `npm run build` has printed the warnings already when it checked the content.
  const { result, preloaded } = await read();
  if (kind === 'reports' && !preloaded) for (const d of result.diagnostics) if (d.severity === 'warning') logger.warn(formatDiagnostic(d));
  setContentError(result.content ? undefined : new ContentError(result.diagnostics));
  if (!result.content) throw new ContentError(result.diagnostics);
  store.clear();
  if (kind === 'site') {
    const data = { ...result.content.site } as Record<string, unknown>;
    store.set({ id: 'site', data, digest: generateDigest(data) });
    const glossary = { ...result.content.glossary } as unknown as Record<string, unknown>;
    store.set({ id: 'glossary', data: glossary, digest: generateDigest(glossary) });
    return;
  }
  for (const report of result.content.reports) {
    const data = report as unknown as Record<string, unknown>;
    store.set({ id: report.id, data, digest: generateDigest(data) });
  }
}

export function contentLoader(kind: 'site' | 'reports'): Loader {
  let watching = false;
  return {
    name: `improvement-report-${kind}`,
    async load(context) {
      await sync(kind, context);
      const { watcher, logger } = context;
      if (!watcher || watching) return;
      watching = true;
      watcher.add(CONTENT_DIR);
      watcher.on('all', async (_event, path) => {
        if (!resolve(path).startsWith(CONTENT_DIR)) return;
        generation++;
        try {
          await sync(kind, context);
          if (kind === 'reports') logger.info('Content is valid again; the preview shows it.');
        } catch (error) {
          // Both collections see the change; say it once.
          if (kind === 'reports') logger.error(`${error instanceof Error ? error.message : String(error)}\nThe preview keeps the last good content until this is fixed.`);
        }
      });
    },
  };
}
