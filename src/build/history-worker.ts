/**
 * A worker thread for `npm run build`: reads the content's editions from git
 * (src/core/history: three git calls, then each version of an entry parsed
 * once) while the main thread starts Astro and the check runs in its own
 * worker, and posts them back; Astro's content loader uses them rather than
 * read git itself. On two cores this takes reading history, most of what
 * history costs a build, off the critical path. (Without a history to read,
 * the check's worker reads the one edition instead: check-worker.ts.)
 *
 * The parses are kept between builds (history-cache.ts): a version of an entry
 * is known by its git blob id, which changes with its content, so a rebuild
 * parses only the versions it has not seen.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { enableCompileCache, flushCompileCache } from './compile-cache.ts';

enableCompileCache();
const { readHistoryCached } = await import('./history-cache.ts');
const read = await readHistoryCached((workerData as { dir: string }).dir);
parentPort!.postMessage(read.history);
// After the history is posted: Astro does not wait for this.
read.keep();
flushCompileCache();
