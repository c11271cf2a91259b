/**
 * A worker thread for `npm run build`: checks the content (src/core's loader,
 * the same code as `npm run check`) while the main thread starts Astro, and
 * posts the result back. On two cores this takes the check off the build's
 * critical path.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { enableCompileCache, flushCompileCache } from './compile-cache.ts';

enableCompileCache();
const { loadContent } = await import('../core/load.ts');
parentPort!.postMessage(loadContent((workerData as { dir: string }).dir));
flushCompileCache();
