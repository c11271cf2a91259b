/**
 * npm run build [-- --outDir dist] [-- --content content] [-- --verbose] [-- --times]
 *
 * --verbose lists every page Astro writes and what each step did; --times prints
 * how long each part of the build took (for profiling).
 *
 * 1. In a child process (src/build/build-pages.ts): checks the content with the
 *    same code as `npm run check`, in a worker thread (check-worker.ts) while
 *    Astro starts (any error stops here with the same messages, exit code 1),
 *    and builds the pages with Astro into a temporary folder beside the output
 *    folder. Astro's content loader (src/site/content-loader.ts) waits for the
 *    worker's result, and the Astro integration (src/site/report-site.ts) hands
 *    back the finished site instead of running the steps, both through
 *    globals.ts. The child exits when done, returning Astro's memory.
 *    The pages the search index reads are handed over as Astro renders them:
 *    here, Pagefind reads them beside the rendering (search-feed.ts), and
 *    writes the index as soon as the pages are built.
 * 2. Here, in a small process: the post-build steps over the new pages (steps.ts:
 *    the PDF, then the search index, unless made already), so their memory never
 *    adds to Astro's.
 * 3. Only when everything succeeded, swaps the new folder into place. A failed
 *    build leaves an existing dist/ exactly as it was.
 *
 * One build runs at a time in a project folder (they share Astro's working
 * files): a second one waits, saying so (src/build/build-lock.ts). Each build
 * first removes the hidden folders that builds killed outright left behind
 * (src/build/build-folders.ts).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runSteps, type StepLogger } from './post-build.ts';
import { clearLeftovers, buildFolders } from './build-folders.ts';
import { acquireLock, LockTimeout } from './build-lock.ts';
import { enableCompileCache } from './compile-cache.ts';
import { progressDone } from './progress.ts';
import type { PagesMessage } from './build-pages.ts';
import { SEARCH_INDEX_STEP, SearchFeed } from './search-feed.ts';
import type { Readable } from 'node:stream';

enableCompileCache();

const { values } = parseArgs({
  options: {
    outDir: { type: 'string', default: 'dist' },
    content: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    times: { type: 'boolean', default: false },
  },
});
const contentDir = resolve(values.content ?? process.env.CONTENT_DIR ?? 'content');
const outDir = resolve(values.outDir ?? 'dist');

const started = Date.now();
const { temp, old, cache } = buildFolders(outDir);
let child: ChildProcess | undefined;
const feed = new SearchFeed();
/** Set once the new site is in place. */
let swapped = false;

/** A folder as the editor can find it: relative to here, if it is below. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !rel.startsWith('/') ? rel : path;
}
const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

/** Removes a folder of this build; says in one line if it cannot. */
function remove(folder: string, what: string): void {
  try {
    rmSync(folder, { recursive: true, force: true });
  } catch (error) {
    console.warn(`${what} in ${shown(folder)} could not be removed (${errorCode(error)}): delete it by hand.`);
  }
}

/**
 * Leave no half-built or hidden folder behind, with the previous site back in
 * place if the swap was cut short between its two renames; then say what the
 * output folder holds and exit.
 */
function stop(message: string, exitCode: number): never {
  if (!swapped && !existsSync(outDir) && existsSync(old)) {
    try {
      renameSync(old, outDir);
    } catch (error) {
      console.error(`The previous site is in ${shown(old)} and could not be put back (${errorCode(error)}): rename it to ${basename(outDir)} by hand.`);
    }
  }
  feed.close();
  remove(temp, 'The unfinished new site');
  remove(cache, 'The build’s cache');
  if (existsSync(outDir)) remove(old, 'The old copy of the site');
  const state = swapped ? `the new site is in ${basename(outDir)}/` : existsSync(outDir) ? `${basename(outDir)}/ was left as it was` : 'nothing was written';
  console.error(`${message}\nThe build ${exitCode === 130 ? 'was stopped' : 'stopped'}; ${state}.`);
  process.exit(exitCode);
}
function fail(message: string): never {
  return stop(message, 1);
}

// Stopped with Ctrl+C (or by a CI timeout): end the page build first, since it writes into the temporary folder.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.once('exit', () => stop('', 130));
      child.kill('SIGKILL');
    } else stop('', 130);
  });
}

// 0. One build at a time in this project folder; then clear what builds killed outright left behind.
try {
  await acquireLock(join(process.cwd(), '.build.lock'), {
    onWait: (pid) => console.log(`Another build is running in this folder (pid ${pid}); waiting for it to finish…`),
  });
} catch (error) {
  if (!(error instanceof LockTimeout)) throw error;
  fail(`Another build (pid ${error.pid}) has been running in this folder for more than 10 minutes; wait for it to finish or stop it (kill ${error.pid}), then build again.`);
}
const left = clearLeftovers(outDir);
if (left.restored) console.log(`Put the previous site back into ${shown(outDir)}/ from ${shown(left.restored)}, where a build stopped during its swap had left it.`);
if (left.unrestored) console.warn(`The previous site is in ${shown(left.unrestored.path)} (a build was stopped during its swap) and could not be put back (${left.unrestored.code}): rename it to ${basename(outDir)} by hand.`);
if (left.removed.length) console.log(`Removed what earlier builds that did not finish left behind: ${left.removed.map(shown).join(', ')}.`);
for (const f of left.failed) console.warn(`${shown(f.path)}, left by an earlier build that did not finish, could not be removed (${f.code}): delete it by hand.`);
remove(temp, 'An unfinished site');
remove(cache, 'A build’s cache');

// 1. Check and pages, in a child process.
let steps: Promise<typeof import('./steps.ts')> | undefined;
/** The search index, written from the pages handed over, from the moment they are all built; and when that began. */
let searchIndex: ReturnType<SearchFeed['finish']> | undefined;
let pagesBuilt = 0;
const pages = await new Promise<PagesMessage>((resolvePages) => {
  let message: PagesMessage | undefined;
  child = fork(new URL('./build-pages.ts', import.meta.url), ['--outDir', temp, '--cacheDir', cache, '--content', contentDir, ...(values.verbose ? ['--verbose'] : [])], {
    // fd 4: the pages the search index reads, as they are rendered (search-feed.ts).
    stdio: ['ignore', 'inherit', 'inherit', 'ipc', 'pipe'],
    // V8's young generation kept to 16 MB a half (its default on this machine is larger): the
    // page process's peak is about 100 MB lower (1,000 entries: 640–655 MB against 745–765 MB)
    // at no measurable cost in time, and it is most of the build's peak (BENCHMARKS.md).
    execArgv: [...process.execArgv, '--max-semi-space-size=16'],
    env: { ...process.env, CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  feed.read(child.stdio[4] as Readable);
  child.on('message', (m: PagesMessage) => {
    message = m;
    if (m.type === 'built' && feed.started) {
      pagesBuilt = performance.now();
      searchIndex = feed.finish(temp);
      searchIndex.catch(() => {});
    }
  });
  // The steps' code loads here while the child builds the pages.
  steps = import('./steps.ts');
  child.on('exit', (code, signal) => {
    if (message && (message.type === 'failed' || code === 0)) resolvePages(message);
    else resolvePages({ type: 'failed', message: `the page build ended unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`})${signal === 'SIGKILL' ? '; the machine may have run out of memory' : ''}` });
  });
});
remove(cache, 'The build’s cache');
if (pages.type === 'failed') fail(pages.message);

// 2. The search index and the PDF.
const logger = (name: string): StepLogger => ({
  info: (m) => values.verbose && console.log(`[${name}] ${m}`),
  warn: (m) => console.warn(`[${name}] ${m}`),
});
let made: string[] = [];
let stepTimes: Record<string, number> = {};
try {
  const { postBuildSteps } = await steps!;
  let searchTimes: Record<string, number> = {};
  let searchMade = false;
  if (searchIndex) {
    const result = await searchIndex;
    feed.close();
    if ('pages' in result) {
      searchMade = true;
      searchTimes = { 'search index': performance.now() - pagesBuilt };
      logger(SEARCH_INDEX_STEP).info(`read ${result.pages} pages into the index as Astro wrote them; written ${Math.round(performance.now() - pagesBuilt)} ms after the last`);
    } else logger(SEARCH_INDEX_STEP).warn(`reading the pages again from disk (slower): ${result.reason}`);
  }
  const run = await runSteps(searchMade ? postBuildSteps.filter((s) => s.name !== SEARCH_INDEX_STEP) : postBuildSteps, pages.built, logger);
  made = [...run.made, ...(searchMade ? ['a search index'] : [])];
  stepTimes = { ...searchTimes, ...run.times };
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

// 3. Swap; the new site is published once it is in place, whatever happens to the old copy.
const swapStarted = performance.now();
try {
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(temp, outDir);
  swapped = true;
} catch (error) {
  fail(`could not move the new site into ${outDir}: ${(error as Error).message}`);
}
try {
  rmSync(old, { recursive: true, force: true });
} catch (error) {
  console.warn(`The new site is in ${shown(outDir)}/, but the old copy in ${shown(old)} could not be removed (${errorCode(error)}): delete it by hand.`);
}
if (values.times) {
  const times = { 'start': pages.times.start, 'check (beside Astro)': pages.times.check, 'history (beside Astro)': pages.times.history, pages: pages.times.pages, ...stepTimes, swap: performance.now() - swapStarted };
  console.log(`Times: ${Object.entries(times).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(2)} s`).join(', ')}`);
}
// Astro counts the HTML pages it wrote (not the CSV, JSON or CSS it also writes).
progressDone(`Built ${pages.entries} entries into ${pages.built.pages} pages${made.length ? ` with ${made.join(' and ')}` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${outDir}`);
