/**
 * npm run build [-- --outDir dist] [-- --content content]
 *
 * 1. Checks the content with the same code as `npm run check`; any error stops
 *    here with the same messages, exit code 1.
 * 2. Builds with Astro into a temporary folder beside the output folder.
 * 3. Only when everything succeeded (pages, search index, PDF…), swaps the new
 *    folder into place. A failed build leaves an existing dist/ exactly as it was.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic, sortDiagnostics, summarise } from '../core/diagnostics.ts';
import { loadContent } from '../core/load.ts';
import { indexedPages } from '../integrations/pagefind.ts';
import { deferSteps } from '../integrations/report-site.ts';
import { pdfsWritten } from '../integrations/pdf.ts';
import { progress, progressDone } from '../lib/progress.ts';

const { values } = parseArgs({
  options: {
    outDir: { type: 'string', default: 'dist' },
    content: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});
if (values.content) process.env.CONTENT_DIR = resolve(values.content);
const contentDir = resolve(process.env.CONTENT_DIR ?? 'content');
const outDir = resolve(values.outDir ?? 'dist');
process.env.ASTRO_TELEMETRY_DISABLED = '1';

function fail(message: string): never {
  console.error(message);
  console.error(`The build stopped; ${existsSync(outDir) ? `${basename(outDir)}/ was left as it was` : 'nothing was written'}.`);
  process.exit(1);
}

// 1. Check.
const started = Date.now();
progress('Checking content…');
const checked = loadContent(contentDir);
const entryCount = checked.content?.reports.reduce((n, r) => n + r.entries.length, 0) ?? 0;
progress(`Entries loaded: ${entryCount}`);
const diagnostics = sortDiagnostics(checked.diagnostics);
for (const d of diagnostics) console.log(formatDiagnostic(d));
if (diagnostics.some((d) => d.severity === 'error')) {
  fail(`${summarise(diagnostics, checked.files.length)}. Fix the content, then run the build again (npm run check lists the same problems).`);
}

// The Astro loader uses this result instead of reading the content a second time.
const { preload } = await import('../lib/content-loader.ts');
preload(contentDir, checked);

// 2. Build into a temporary sibling folder (same file system, so the swap is a rename).
const temp = join(dirname(outDir), `.${basename(outDir)}.building-${process.pid}`);
const old = join(dirname(outDir), `.${basename(outDir)}.old-${process.pid}`);
rmSync(temp, { recursive: true, force: true });
try {
  const { build } = await import('astro');
  const steps = deferSteps();
  // Astro lists every page it writes; keep the log short unless asked (--verbose).
  await build({ root: process.cwd(), outDir: temp, logLevel: values.verbose ? 'info' : 'warn' });
  // The search index and the PDF, after Astro has let go of its pages.
  (globalThis as { gc?: () => void }).gc?.();
  await steps.run?.();
} catch (error) {
  rmSync(temp, { recursive: true, force: true });
  fail(error instanceof Error ? error.message : String(error));
}

// 3. Swap.
try {
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(temp, outDir);
  rmSync(old, { recursive: true, force: true });
} catch (error) {
  if (!existsSync(outDir) && existsSync(old)) renameSync(old, outDir);
  rmSync(temp, { recursive: true, force: true });
  fail(`could not move the new site into ${outDir}: ${(error as Error).message}`);
}
const pages = countPages(outDir);
const extras = [indexedPages ? 'a search index' : '', pdfsWritten ? `${pdfsWritten} PDF${pdfsWritten === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');
progressDone(`Built ${entryCount} entries into ${pages} pages${extras ? ` with ${extras}` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${outDir}`);

function countPages(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile() && e.name.endsWith('.html')) n++;
  return n;
}
