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
import type { LoadResult } from '../core/load.ts';
import type { History } from '../core/history/index.ts';
import type { ParseCache } from '../core/history/parse.ts';
import { reportHistory } from '../core/history/site.ts';
import type { Report } from '../core/model.ts';
// `npm run build` checks the content itself, in a worker thread while Astro starts: the loader waits for that result.
import { currentContentError, keepHistory, preloaded as preloadedCheck, previewState } from '../build/globals.ts';
import { contentChecked, refreshContent } from './dev-preview.ts';

export const CONTENT_DIR = resolve(process.env.CONTENT_DIR ?? 'content');

/** Both collections read the same folder; read it once per change. */
let cached: { generation: number; result: LoadResult } | undefined;
let generation = 0;

/** The content, and whether `npm run build` has already printed its warnings. */
async function read(): Promise<{ result: LoadResult; preloaded: boolean }> {
  const preloaded = preloadedCheck();
  if (generation === 0 && preloaded?.dir === CONTENT_DIR) return { result: await preloaded.result, preloaded: true };
  // Loaded here only when needed: `npm run build` has checked the content in a worker thread, and
  // loading the reader (with its Markdown, YAML and schema code) would only delay Astro's start.
  if (cached?.generation !== generation) cached = { generation, result: (await import('../core/load.ts')).loadContent(CONTENT_DIR) };
  return { result: cached.result, preloaded: false };
}

/** Entry files already parsed by history, kept for the preview's next read. */
let parseCache: ParseCache | undefined;
let noticeShown = false;

/** The content's history: read by `npm run build` in a worker thread beside Astro's start, else here. */
async function readHistoryOnce(): Promise<History> {
  const preloaded = preloadedCheck();
  if (generation === 0 && preloaded?.dir === CONTENT_DIR && preloaded.history) {
    try {
      return await preloaded.history;
    } catch {
      /* read it here */
    }
  }
  const [{ readHistory }, { ParseCache }] = await Promise.all([import('../core/history/read.ts'), import('../core/history/parse.ts')]);
  return readHistory(CONTENT_DIR, { cache: (parseCache ??= new ParseCache()) });
}

/**
 * Each report with its editions from git and what changed between them: one
 * read of the history for all reports (three git calls), slim editions kept.
 */
async function withHistory(reports: Report[]): Promise<Report[]> {
  const history = await readHistoryOnce();
  // One line, once (not on every save of the preview), whatever Astro's log level: the build shows only warnings.
  if (history.notice && !noticeShown) console.log(history.notice);
  noticeShown ||= Boolean(history.notice);
  const histories = reports.map((report) => reportHistory(history.reports.find((r) => r.reportId === report.id), report, Boolean(history.notice)));
  // `npm run build`: the pages read history beside the store, not from it (src/build/globals.ts); the preview keeps it in the store.
  if (buildRun()) {
    keepHistory(new Map(reports.map((report, i) => [report.id, histories[i]!])));
    return reports.map((report) => ({ ...report, historyKept: true }));
  }
  return reports.map((report, i) => ({ ...report, history: histories[i] }));
}

/** Is this `npm run build`'s one reading of the content (not the preview, nor `astro build` run directly)? */
const buildRun = () => generation === 0 && preloadedCheck()?.dir === CONTENT_DIR;

type Kind = 'site' | 'reports';
const loaderName = (kind: Kind) => `improvement-report-${kind}`;

/** Puts one collection's part of the content in Astro's store, leaving entries whose digest is unchanged alone. */
function put(kind: Kind, content: Content, { store, generateDigest }: LoaderContext): void {
  const entries: { id: string; data: Record<string, unknown> }[] =
    kind === 'site'
      ? [
          { id: 'site', data: { ...content.site } as Record<string, unknown> },
          { id: 'glossary', data: { ...content.glossary } as unknown as Record<string, unknown> },
        ]
      : content.reports.map((report) => ({ id: report.id, data: report as unknown as Record<string, unknown> }));
  const ids = new Set(entries.map((e) => e.id));
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
  for (const { id, data } of entries) store.set({ id, data, digest: generateDigest(data) });
}

/** In the preview: the errors of the last reading, and whether a save is being taken in (the ones last printed are in previewState()). */
let latest: ContentError | undefined;
let refreshing = 0;

/**
 * Prints the content's warnings, and in the preview its errors, once: a save
 * that leaves the errors as they were (or an editor that writes a file in two
 * steps) does not repeat them. `npm run build` has printed the warnings already
 * when it checked the content.
 */
function report(result: LoadResult, preloaded: boolean, logger: LoaderContext['logger'], dev: boolean): ContentError | undefined {
  if (!preloaded) for (const d of result.diagnostics) if (d.severity === 'warning') logger.warn(formatDiagnostic(d));
  const error = result.content ? undefined : new ContentError(result.diagnostics);
  const state = previewState();
  if (dev && error && error.message !== state.printed) logger.error(`${error.message}\nThe preview shows these messages instead of its pages until they are fixed.`);
  state.printed = error?.message;
  return error;
}

/**
 * A save in the content folder: Astro runs both loaders again and writes its
 * store, and only then is the preview told (so a page reloaded after a fix
 * cannot get the content from before the fix).
 */
function watch(watcher: NonNullable<LoaderContext['watcher']>, logger: LoaderContext['logger']): void {
  watcher.add(CONTENT_DIR);
  watcher.on('all', async (_event, path) => {
    if (!resolve(path).startsWith(CONTENT_DIR)) return;
    generation++;
    const before = currentContentError();
    refreshing++;
    try {
      await reload();
    } finally {
      refreshing--;
    }
    contentChecked(latest);
    if (before && !latest) logger.info('Content is valid again; the preview shows it.');
  });
}

let watching = false;
const contexts = new Map<Kind, LoaderContext>();
/** How many times the content has been read for the reports collection. */
let fills = 0;

/**
 * Has Astro run both loaders again and store what they load. Astro reloads its
 * content configuration after a change to a .md or .yaml file and runs no
 * loader until that is done, so ask again until it has run ours (in a few
 * tenths of a second); failing that, fill the collections here.
 */
async function reload(): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const before = fills;
    if (!(await refreshContent([...contexts.keys()].map(loaderName)))) break;
    if (fills > before) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const [kind, context] of contexts) await fill(kind, context);
}

async function fill(kind: Kind, context: LoaderContext): Promise<void> {
  const { watcher, logger } = context;
  // Only the preview has a watcher: there, mistakes are shown, not thrown.
  const dev = watcher !== undefined;
  const { result, preloaded } = await read();
  // Both collections read the same content: one of them speaks.
  if (kind === 'reports') {
    fills++;
    latest = report(result, preloaded, logger, dev);
    if (dev && !watching) {
      watching = true;
      watch(watcher, logger);
    }
    // The preview's first reading; later ones are passed on once Astro has stored them (above).
    if (dev && refreshing === 0) contentChecked(latest);
  }
  if (result.content) put(kind, kind === 'reports' ? { ...result.content, reports: await withHistory(result.content.reports) } : result.content, context);
  else if (!dev) throw new ContentError(result.diagnostics);
}

export function contentLoader(kind: Kind): Loader {
  return {
    name: loaderName(kind),
    async load(context) {
      contexts.set(kind, context);
      await fill(kind, context);
    },
  };
}
