/**
 * npm run bench [-- --entries 1000] [--runs 3] [--seed 1] [--history 12] [--content DIR] [--no-pdf] [--cold-pdf] [--no-floor] [--no-weight] [--out file.json]
 *
 * Generates N synthetic entries in the shape of the bench's own sample plan
 * (bench/sample/, or the first report of --content DIR) in a temporary content
 * folder and times, in one run:
 *   check   `npm run check` on them
 *   build   the full build as a user runs it: pages, views, exports, search index
 *           and the PDFs (standard and large print); --no-pdf leaves the PDFs out
 *   floor   a bare Astro page-per-entry build of the same Markdown plus a Pagefind
 *           index (bench/floor/), the framework's floor
 * Each is run --runs times, the three taking turns; the table shows medians. The
 * build keeps its PDF cache from run to run, as the floor keeps Astro's content
 * cache: the first run prints the PDFs, later runs of the same content reuse them
 * (the table says how long printing took); --cold-pdf empties the cache before
 * every build. Also measures the page weight (gzip) of real content's report
 * and entry pages, and (--history E, default 12) the history case: the entries
 * over E editions in git, built against the same last edition without history.
 * Writes the figures as JSON.
 *
 * The parts, by job: bench/options.ts (command line), bench/content.ts (the
 * sample and the generated content), bench/measure.ts (timing and sizes),
 * bench/run.ts and bench/history.ts (the runs), bench/weight.ts (page weight),
 * bench/table.ts (the printed table).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { HELP, benchOptions } from './bench/options.ts';
import { ROOT } from './bench/measure.ts';
import { bench } from './bench/run.ts';
import { table } from './bench/table.ts';

export type { BenchResult, HistoryResult, StepResult } from './bench/types.ts';
export { bench, table };

if (import.meta.main) {
  const parsed = benchOptions(process.argv.slice(2));
  if ('help' in parsed) {
    console.log(HELP);
    process.exit(0);
  }
  if ('error' in parsed) {
    console.error(parsed.error);
    process.exit(2);
  }
  try {
    const result = await bench(parsed.options);
    console.log(`\n${table(result)}`);
    const out = resolve(parsed.out ?? join(ROOT, 'bench/results', `${result.date.slice(0, 10)}-${result.entries}.json`));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nFigures written to ${out}`);
  } catch (error) {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
