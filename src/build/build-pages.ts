/**
 * The page-building half of `npm run build`, which src/build/build.ts runs in a
 * child process: checks the content (printing the same messages as `npm run
 * check`) in a worker thread while Astro starts, builds the pages with Astro
 * into the folder it is given, handing the parent each page the search index
 * reads as it is rendered, tells the parent what it built, and exits, so that
 * all of Astro's memory is returned before the PDF is made.
 *
 * Not meant to be run by hand: it talks to its parent over Node's IPC channel.
 */
import { rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { formatDiagnostic, sortDiagnostics, summarise } from '../core/diagnostics.ts';
import { gitRunner, repository } from '../core/history/git.ts';
import type { History } from '../core/history/types.ts';
import type { LoadResult } from '../core/load.ts';
import { deferSteps, feedSearchPages, preload } from './globals.ts';
import type { BuiltSite } from './post-build.ts';
import type { CheckWorkerMessage } from './check-worker.ts';
import { searchFrames } from './search-feed.ts';
import { enableCompileCache, flushCompileCache } from './compile-cache.ts';
import { progress } from './progress.ts';

enableCompileCache();

/** Times in ms: this process's start, the check and reading history (each beside Astro's start) and Astro's build. */
export type PagesTimes = { start: number; check: number; history: number; pages: number };
export type PagesMessage = { type: 'built'; entries: number; built: BuiltSite; times: PagesTimes } | { type: 'failed'; message: string };

const send = (message: PagesMessage): Promise<void> =>
  new Promise((resolve) => {
    if (!process.send) {
      console.error('build-pages.ts is run by `npm run build`; run that instead.');
      process.exit(2);
    }
    process.send(message, () => resolve());
  });

const { values } = parseArgs({
  options: {
    outDir: { type: 'string' },
    cacheDir: { type: 'string' },
    content: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});
if (!values.outDir || !values.content) {
  await send({ type: 'failed', message: 'build-pages.ts needs --outDir and --content' });
  process.exit(1);
}
process.env.CONTENT_DIR = values.content;

// If the build that started this process dies (kill -9, out of memory), stop at
// once and remove the unfinished site, rather than write on for nobody: the IPC
// channel closes with it, and, should that go unnoticed, this process gets a new parent.
const outDir = values.outDir;
const parent = process.ppid;
const orphaned = () => {
  try {
    rmSync(outDir, { recursive: true, force: true });
  } finally {
    process.exit(1);
  }
};
process.once('disconnect', orphaned);
setInterval(() => process.ppid !== parent && orphaned(), 500).unref();
process.env.ASTRO_TELEMETRY_DISABLED = '1';

// 1. The check, in a worker thread, while Astro starts here: Astro's loader waits for it.
progress('Checking content…');
const checkStarted = performance.now();
let checkDone = 0;
let entries = 0;
// History from git, in a worker thread of its own beside the check and Astro's start; without a
// history to read (no git, not a repository, a shallow clone: one edition, the content as it is
// now), the check's worker reads that edition once it has checked the content (check-worker.ts).
const repo = repository(gitRunner(), values.content);
const ownHistoryWorker = repo.ok && !repo.repository.shallow;
let historyFromCheck: { resolve: (history: History) => void; reject: (error: Error) => void } | undefined;
const checked = new Promise<LoadResult>((resolve, reject) => {
  const worker = new Worker(new URL('./check-worker.ts', import.meta.url), { workerData: { dir: values.content, history: !ownHistoryWorker } });
  worker.on('message', (message: CheckWorkerMessage) => (message.kind === 'checked' ? resolve(message.result) : historyFromCheck?.resolve(message.history)));
  worker.once('error', (error) => {
    reject(error);
    historyFromCheck?.reject(error);
  });
  worker.once('exit', (code) => {
    const error = new Error(`the content check stopped unexpectedly (exit code ${code})`);
    reject(error);
    historyFromCheck?.reject(error);
  });
}).then(async (result) => {
  checkDone = performance.now();
  entries = result.content?.reports.reduce((n, r) => n + r.entries.length, 0) ?? 0;
  progress(`Entries loaded: ${entries}`);
  const diagnostics = sortDiagnostics(result.diagnostics);
  for (const d of diagnostics) console.log(formatDiagnostic(d));
  if (diagnostics.some((d) => d.severity === 'error')) {
    await send({ type: 'failed', message: `${summarise(diagnostics, result.files.length)}. Fix the content, then run the build again (npm run check lists the same problems).` });
    process.exit(1);
  }
  return result;
});
checked.catch(async (error: unknown) => {
  await send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});

// Should reading history fail, the loader reads it itself (and says what went wrong, as it would have without this).
let historyDone = 0;
const history = new Promise<History>((resolve, reject) => {
  if (!ownHistoryWorker) return void (historyFromCheck = { resolve, reject });
  const worker = new Worker(new URL('./history-worker.ts', import.meta.url), { workerData: { dir: values.content } });
  worker.once('message', (result: History) => resolve(result));
  worker.once('error', reject);
  worker.once('exit', (code) => reject(new Error(`reading history stopped unexpectedly (exit code ${code})`)));
}).finally(() => (historyDone = performance.now()));
history.catch(() => {});

// 2. Pages; those the search index reads go to the parent as they are rendered, through
// the pipe it opened as fd 4 (src/build/search-feed.ts).
const pipe = new Socket({ fd: 4, readable: false, writable: true });
// A parent that is gone makes writes fail (EPIPE): this process then stops on its own ('disconnect' above).
pipe.on('error', () => {});
// Written a few hundred KB at a time: a write per page would wake the parent a thousand times.
let batch: Buffer[] = [];
let batched = 0;
const flush = () => {
  if (batch.length) pipe.write(batch.length === 1 ? batch[0]! : Buffer.concat(batch, batched));
  batch = [];
  batched = 0;
};
const write = (frame: Buffer) => {
  batch.push(frame);
  batched += frame.length;
  if (batched >= 256 * 1024) flush();
};
try {
  preload(values.content, checked, history);
  feedSearchPages({ expect: (files) => write(searchFrames.list(files)), page: (file, html) => write(searchFrames.page(file, html)) });
  const astroStarted = performance.now();
  const { build } = await import('astro');
  const slot = deferSteps();
  // Astro lists every page it writes; keep the log short unless asked (--verbose).
  // Astro's cache folder (where it keeps the content it bundles) is this build's own, not the
  // project's node_modules/.astro, which `astro sync` also writes (src/build/build-folders.ts).
  await build({ root: process.cwd(), outDir: values.outDir, ...(values.cacheDir ? { cacheDir: values.cacheDir } : {}), logLevel: values.verbose ? 'info' : 'warn' });
  if (!slot.built) throw new Error('Astro finished without reporting the pages it wrote');
  flush();
  await new Promise<void>((resolve) => pipe.end(resolve));
  await send({ type: 'built', entries, built: slot.built, times: { start: checkStarted, check: checkDone - checkStarted, history: historyDone - checkStarted, pages: performance.now() - astroStarted } });
  flushCompileCache();
  process.exit(0);
} catch (error) {
  await send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
