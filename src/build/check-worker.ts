/**
 * A worker thread for `npm run build`: checks the content (src/core's loader,
 * the same code as `npm run check`) while the main thread starts Astro, and
 * posts the result back. On two cores this takes the check off the build's
 * critical path.
 *
 * When the content has no history to read (no git, not in a repository, a
 * shallow clone), it then reads the one edition history gives it, the content
 * as it is now (history-cache.ts, as history-worker.ts would), and posts that
 * too: the build then starts no thread of its own for history, whose start
 * and modules cost as much as that edition.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { enableCompileCache, flushCompileCache } from './compile-cache.ts';

/** What this worker posts: the check's result, then, when asked, the history. */
export type CheckWorkerMessage = { kind: 'checked'; result: import('../core/load.ts').LoadResult } | { kind: 'history'; history: import('../core/history/types.ts').History };

enableCompileCache();
const { dir, history } = workerData as { dir: string; history?: boolean };
const { loadContent } = await import('../core/load.ts');
const result = loadContent(dir);
parentPort!.postMessage({ kind: 'checked', result } satisfies CheckWorkerMessage);
if (history && result.content) {
  const { readHistoryCached } = await import('./history-cache.ts');
  const read = await readHistoryCached(dir);
  parentPort!.postMessage({ kind: 'history', history: read.history } satisfies CheckWorkerMessage);
  read.keep();
}
flushCompileCache();
