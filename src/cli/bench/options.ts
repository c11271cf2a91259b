/** `npm run bench`'s command line: its options, their help, and their checks. */
import { parseArgs } from 'node:util';
import type { BenchOptions } from './types.ts';

export const USAGE = 'usage: npm run bench -- [--entries N] [--runs N] [--seed N] [--history E] [--content DIR] [--no-pdf] [--cold-pdf] [--no-floor] [--no-weight] [--out file.json]';

export const HELP = `npm run bench -- [options]
  --entries N    entries to generate (default 1000)
  --runs N       runs of each step, taken in turns; the table shows medians (default 3)
  --seed N       seed of the generated entries, dates and edits (default 1)
  --history E    the history case: the entries over E editions in a git repository, built against
                 the same last edition without history (default 12; 0 leaves it out)
  --content DIR  take the sample shape (site.yaml, the first report's report.yaml) from DIR and
                 weigh DIR's pages (default: bench/sample for the shape, content/ for the weight)
  --no-pdf       build without the PDFs (by default the build makes them, as \`npm run build\` does)
  --cold-pdf     empty the PDF cache before every build, so every run prints the PDFs
                 (by default only the first run prints them; later runs reuse them, as a rebuild of unchanged content does)
  --no-floor     do not build the bare-Astro floor
  --no-weight    do not measure the page weight of the real content
  --out FILE     where to write the figures as JSON (default bench/results/<date>-<entries>.json)`;

/** The options, or a message saying what is wrong; `help` when asked for. */
export function benchOptions(args: string[]): { options: BenchOptions; out?: string } | { help: true } | { error: string } {
  const { values } = parseArgs({
    args,
    options: {
      entries: { type: 'string', default: '1000' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      history: { type: 'string', default: '12' },
      content: { type: 'string' },
      'no-pdf': { type: 'boolean', default: false },
      'cold-pdf': { type: 'boolean', default: false },
      'no-floor': { type: 'boolean', default: false },
      'no-weight': { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return { help: true };
  const [entries, runs, seed, history] = [values.entries, values.runs, values.seed, values.history].map(Number) as [number, number, number, number];
  if (!Number.isInteger(entries) || entries < 1 || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed) || !Number.isInteger(history) || history < 0 || history === 1) {
    return { error: `${USAGE}\n(--entries and --runs are whole numbers from 1, --history 0 or from 2)` };
  }
  return {
    options: {
      entries,
      runs,
      seed,
      history,
      pdf: !values['no-pdf'],
      coldPdf: values['cold-pdf'] ?? false,
      floor: !values['no-floor'],
      weight: !values['no-weight'],
      ...(values.content ? { content: values.content } : {}),
    },
    ...(values.out ? { out: values.out } : {}),
  };
}
