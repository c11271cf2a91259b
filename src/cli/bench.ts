/**
 * npm run bench [-- --entries 1000] [--runs 3] [--seed 1] [--no-pdf] [--cold-pdf] [--no-floor] [--no-weight] [--out file.json]
 *
 * Generates N synthetic entries (the real report's themes, statuses and
 * destinations) in a temporary content folder and times, in one run:
 *   check   `npm run check` on them
 *   build   the full build as a user runs it: pages, views, exports, search index
 *           and the PDFs (standard and large print); --no-pdf leaves the PDFs out
 *   floor   a bare Astro page-per-entry build of the same Markdown plus a Pagefind
 *           index (bench/floor/), the framework's floor
 * Each is run --runs times, the three taking turns; the table shows medians. The
 * build keeps its PDF cache from run to run, as the floor keeps Astro's content
 * cache: the first run prints the PDFs, later runs of the same content reuse them
 * (the table says how long printing took); --cold-pdf empties the cache before
 * every build. Also measures the page weight (gzip) of the real content's report
 * and entry pages. Writes the figures as JSON.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateEntries } from '../core/bench-data.ts';
import { reportSchema } from '../core/schema.ts';
import { parseYaml } from '../core/yaml.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const REPORT_YAML = join(ROOT, 'content/reports/phase-2-close-down/report.yaml');

export interface Measurement {
  seconds: number;
  peakMB: number;
  /** What the command printed. */
  output: string;
}

export interface StepResult {
  step: 'check' | 'build' | 'floor';
  runs: Measurement[];
  medianSeconds: number;
  /** The build: how long its PDF step took in each run (from `--times`), and whether it printed or reused the PDFs. */
  pdfRuns?: { seconds: number; printed: boolean }[];
  entriesPerSecond: number;
  peakMB: number;
  /** Bytes of all files (apparent size). */
  outputMB?: number;
  /** Space on disk (du), as a host stores it: every file takes whole blocks. */
  diskMB?: number;
  largestHtmlKB?: number;
  ratioToFloor?: number;
}

export interface BenchResult {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGB: number; node: string };
  entries: number;
  runs: number;
  /** Whether the build made the PDFs; coldPdf: whether it printed them in every run (cache emptied). */
  pdf: boolean;
  coldPdf: boolean;
  steps: StepResult[];
  pageWeight?: { reportPageKB: number; entryPageKB: number; reportPageFiles: string[]; entryPageFiles: string[]; scriptsOnOtherPages: string[] };
}

/** Sum of the resident memory of a process and its descendants (Linux /proc), in MB. */
function treeRssMB(pid: number): number {
  let total = 0;
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      /* the process ended */
    }
  }
  const visit = (p: number) => {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1];
      total += Number(rss ?? 0) / 1024;
    } catch {
      /* the process ended */
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return total;
}

/** Run a command, timing it and sampling its memory; fail loudly with its output. */
function measure(args: string[], env: NodeJS.ProcessEnv): Promise<Measurement> {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRssMB(child.pid!))), 50);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) reject(new Error(`${args.join(' ')} failed (exit ${code}):\n${output.slice(-3000)}`));
      else resolvePromise({ seconds, peakMB: Math.round(peak), output });
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function dirSize(dir: string): { bytes: number; largestHtml: number } {
  let bytes = 0;
  let largestHtml = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const size = statSync(p).size;
        bytes += size;
        if (e.name.endsWith('.html')) largestHtml = Math.max(largestHtml, size);
      }
    }
  };
  walk(dir);
  return { bytes, largestHtml };
}

function diskUsageMB(dir: string): number | undefined {
  const du = spawnSync('du', ['-sk', dir], { encoding: 'utf8' });
  return du.status === 0 ? round(Number(du.stdout.split(/\s/)[0]) / 1024) : undefined;
}

/** A clean environment for child builds: quiet, no telemetry, nothing from a test runner. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^(VITEST|VITE_|NODE_ENV$|BASE_URL$|MODE$|DEV$|PROD$|SSR$)/.test(key)) delete env[key];
  // CI is left as it is: in CI neither Astro's CLI (the floor) nor this project's writes a compile cache.
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/** gzip size of a built page and of every stylesheet and script it loads. */
function pageWeight(dist: string, page: string): { kb: number; files: string[] } {
  const html = readFileSync(join(dist, page), 'utf8');
  const assets = [...html.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]*href|script[^>]+src)="\/([^"]+)"/g)].map((m) => m[1]!);
  const files = [page, ...assets];
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f))).length, 0);
  return { kb: Math.round((bytes / 1024) * 10) / 10, files };
}

export async function bench(options: { entries: number; runs: number; seed: number; pdf: boolean; coldPdf?: boolean; floor: boolean; weight: boolean; log?: (s: string) => void }): Promise<BenchResult> {
  const log = options.log ?? ((s: string) => console.log(s));
  const work = mkdtempSync(join(tmpdir(), 'bench-'));
  try {
    // Content: the real site settings and report, N generated entries.
    const reportText = readFileSync(REPORT_YAML, 'utf8');
    const report = reportSchema.parse(parseYaml(reportText).data);
    const content = join(work, 'content');
    const reportDir = join(content, 'reports', 'phase-2-close-down');
    mkdirSync(reportDir, { recursive: true });
    writeFileSync(join(content, 'site.yaml'), readFileSync(join(ROOT, 'content/site.yaml')));
    writeFileSync(join(content, 'glossary.yaml'), readFileSync(join(ROOT, 'content/glossary.yaml')));
    writeFileSync(join(reportDir, 'report.yaml'), reportText);
    // Its notes page (about_page:), which the report.yaml names.
    if (report.about_page) writeFileSync(join(reportDir, report.about_page.file), readFileSync(join(dirname(REPORT_YAML), report.about_page.file)));
    for (const e of generateEntries(report, options.entries, options.seed)) writeFileSync(join(reportDir, e.name), e.text);
    log(`Generated ${options.entries} entries in ${content}`);

    // Each step's runs, taken in turns (check, build, floor, check, build, floor, …) so
    // that a busy spell on a shared machine falls on every step rather than on one.
    type Plan = { step: StepResult['step']; args: string[]; env: NodeJS.ProcessEnv; out?: string; runs: Measurement[] };
    const out = join(work, 'dist');
    const floorOut = join(work, 'floor-dist');
    // The build's PDF cache, in the work folder: empty for the first run, so that run prints the PDFs.
    const pdfCache = join(work, 'pdf-cache');
    const buildEnv = childEnv(options.pdf ? { PDF_CACHE: pdfCache, REQUIRE_PDF: '1' } : { SKIP_PDF: '1' });
    const plans: Plan[] = [
      { step: 'check', args: ['src/cli/check.ts', '--content', content], env: childEnv({}), runs: [] },
      { step: 'build', args: ['src/cli/build.ts', '--outDir', out, '--content', content, '--times'], env: buildEnv, out, runs: [] },
    ];
    if (options.floor) {
      plans.push({ step: 'floor', args: ['node_modules/astro/bin/astro.mjs', 'build', '--root', 'bench/floor', '--outDir', floorOut], env: childEnv({ FLOOR_CONTENT: reportDir }), out: floorOut, runs: [] });
    }
    for (let i = 0; i < options.runs; i++) {
      for (const plan of plans) {
        if (plan.out) rmSync(plan.out, { recursive: true, force: true });
        if (plan.step === 'build' && options.coldPdf) rmSync(pdfCache, { recursive: true, force: true });
        plan.runs.push(await measure(plan.args, plan.env));
        const pdf = plan.step === 'build' && options.pdf ? pdfTime(plan.runs.at(-1)!.output) : undefined;
        log(`  ${plan.step} run ${i + 1}/${options.runs}: ${plan.runs.at(-1)!.seconds.toFixed(2)} s, ${plan.runs.at(-1)!.peakMB} MB${pdf ? `, PDF ${pdf.seconds.toFixed(2)} s (${pdf.printed ? 'printed' : 'unchanged, from the cache'})` : ''}`);
      }
    }
    const steps: StepResult[] = plans.map(({ step, out: dir, runs }) => {
      const seconds = median(runs.map((r) => r.seconds));
      const result: StepResult = { step, runs: runs.map(({ seconds, peakMB }) => ({ seconds, peakMB }) as Measurement), medianSeconds: round(seconds), entriesPerSecond: Math.round(options.entries / seconds), peakMB: Math.max(...runs.map((r) => r.peakMB)) };
      if (step === 'build' && options.pdf) result.pdfRuns = runs.map((r) => pdfTime(r.output)!);
      if (dir) {
        const size = dirSize(dir);
        result.outputMB = round(size.bytes / 1024 / 1024);
        result.diskMB = diskUsageMB(dir);
        result.largestHtmlKB = round(size.largestHtml / 1024);
      }
      return result;
    });
    const floor = steps.find((s) => s.step === 'floor');
    if (floor) for (const s of steps) if (s.step !== 'check') s.ratioToFloor = round(s.medianSeconds / floor.medianSeconds);

    let weight: BenchResult['pageWeight'];
    if (options.weight) {
      // Page weight of the real content.
      const real = join(work, 'real-dist');
      await measure(['src/cli/build.ts', '--outDir', real], childEnv({ SKIP_PDF: '1' }));
      const reportPage = pageWeight(real, 'phase-2-close-down/index.html');
      const entryPage = pageWeight(real, 'phase-2-close-down/leadership/index.html');
      const scriptsOnOtherPages: string[] = [];
      const walk = (d: string) => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
          const p = join(d, e.name);
          if (e.isDirectory()) walk(p);
          else if (e.name.endsWith('.html') && /<script/.test(readFileSync(p, 'utf8'))) {
            const rel = p.slice(real.length + 1);
            if (!['phase-2-close-down/index.html', 'search/index.html'].includes(rel)) scriptsOnOtherPages.push(rel);
          }
        }
      };
      walk(real);
      weight = { reportPageKB: reportPage.kb, entryPageKB: entryPage.kb, reportPageFiles: reportPage.files, entryPageFiles: entryPage.files, scriptsOnOtherPages };
    }

    return {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGB: Math.round(totalmem() / 1024 ** 3), node: process.version },
      entries: options.entries,
      runs: options.runs,
      pdf: options.pdf,
      coldPdf: Boolean(options.pdf && options.coldPdf),
      steps,
      pageWeight: weight,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The PDF step's time in a build's `--times` line, and whether it printed (its summary says when the PDFs came from the cache). */
function pdfTime(output: string): { seconds: number; printed: boolean } | undefined {
  const seconds = /^Times: .*\bpdf ([\d.]+) s/m.exec(output)?.[1];
  if (seconds === undefined) return undefined;
  return { seconds: Number(seconds), printed: !/PDFs \(all unchanged, from the cache\)/.test(output) };
}

export function table(result: BenchResult): string {
  const header = ['step', 'entries', 'wall s (median)', 'entries/s', 'peak MB', 'output MB (bytes)', 'output MB (disk)', 'largest HTML KB', 'time ratio to floor'];
  const rows = result.steps.map((s) => [
    s.step,
    String(result.entries),
    s.medianSeconds.toFixed(2),
    String(s.entriesPerSecond),
    String(s.peakMB),
    s.outputMB === undefined ? '' : s.outputMB.toFixed(2),
    s.diskMB === undefined ? '' : s.diskMB.toFixed(2),
    s.largestHtmlKB === undefined ? '' : s.largestHtmlKB.toFixed(1),
    s.ratioToFloor === undefined ? '' : `${s.ratioToFloor.toFixed(2)}×`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const out = [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)];
  const build = result.steps.find((s) => s.step === 'build');
  const floor = result.steps.find((s) => s.step === 'floor');
  if (!result.pdf) out.push('build: without the PDFs (--no-pdf)');
  else if (build?.pdfRuns) {
    const printed = build.pdfRuns.filter((r) => r.printed);
    const reused = build.pdfRuns.filter((r) => !r.printed);
    const runsOf = (rs: { seconds: number }[]) => rs.map((r) => `${r.seconds.toFixed(2)} s`).join(', ');
    out.push(
      `build: with the PDFs (standard and large print); the PDF step ${printed.length ? `printed them in ${runsOf(printed)}` : 'printed none'}${reused.length ? `, reused them unchanged from the cache in ${runsOf(reused)}` : ''}`,
    );
    const printedRuns = build.runs.filter((_, i) => build.pdfRuns![i]!.printed);
    if (floor && printedRuns.length && reused.length) {
      const m = median(printedRuns.map((r) => r.seconds));
      out.push(`build with the PDFs printed (cache empty): ${m.toFixed(2)} s${printedRuns.length > 1 ? ' median' : ''}, ${(m / floor.medianSeconds).toFixed(2)}× the floor`);
    }
  }
  if (build?.outputMB !== undefined && floor?.outputMB) {
    out.push(`output size ratio to floor: ${(build.outputMB / floor.outputMB).toFixed(2)}× in bytes, ${build.diskMB && floor.diskMB ? (build.diskMB / floor.diskMB).toFixed(2) : '?'}× on disk`);
  }
  if (result.pageWeight) {
    out.push(`page weight (gzip, with its CSS and JS): report page ${result.pageWeight.reportPageKB} KB, entry page ${result.pageWeight.entryPageKB} KB`);
    out.push(`pages other than search and the table that load JavaScript: ${result.pageWeight.scriptsOnOtherPages.length || 'none'}`);
  }
  return out.join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      entries: { type: 'string', default: '1000' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      'no-pdf': { type: 'boolean', default: false },
      'cold-pdf': { type: 'boolean', default: false },
      'no-floor': { type: 'boolean', default: false },
      'no-weight': { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(`npm run bench -- [options]
  --entries N    entries to generate (default 1000)
  --runs N       runs of each step, taken in turns; the table shows medians (default 3)
  --seed N       seed of the generated entries (default 1)
  --no-pdf       build without the PDFs (by default the build makes them, as \`npm run build\` does)
  --cold-pdf     empty the PDF cache before every build, so every run prints the PDFs
                 (by default only the first run prints them; later runs reuse them, as a rebuild of unchanged content does)
  --no-floor     do not build the bare-Astro floor
  --no-weight    do not measure the page weight of the real content
  --out FILE     where to write the figures as JSON (default bench/results/<date>-<entries>.json)`);
    process.exit(0);
  }
  const entries = Number(values.entries);
  const runs = Number(values.runs);
  if (!Number.isInteger(entries) || entries < 1 || !Number.isInteger(runs) || runs < 1) {
    console.error('usage: npm run bench -- [--entries N] [--runs N] [--seed N] [--no-pdf] [--cold-pdf] [--no-floor] [--no-weight] [--out file.json]');
    process.exit(2);
  }
  try {
    const result = await bench({ entries, runs, seed: Number(values.seed), pdf: !values['no-pdf'], coldPdf: values['cold-pdf'] ?? false, floor: !values['no-floor'], weight: !values['no-weight'] });
    console.log(`\n${table(result)}`);
    const out = resolve(values.out ?? join(ROOT, 'bench/results', `${result.date.slice(0, 10)}-${entries}.json`));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nFigures written to ${out}`);
  } catch (error) {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
