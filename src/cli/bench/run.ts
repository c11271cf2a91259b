/**
 * The bench's runs: check, build and floor on N generated entries, taking
 * turns; the page weight of a real content folder; then the history case
 * (history.ts). Returns the figures; table.ts prints them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { readSample, SAMPLE_CONTENT, writeGenerated } from './content.ts';
import { historyCase } from './history.ts';
import { childEnv, loadAverage, measure, median, outputSize, pdfTime, ROOT, round, type Measurement } from './measure.ts';
import type { BenchOptions, BenchResult, StepResult } from './types.ts';
import { siteWeight } from './weight.ts';

export async function bench(options: BenchOptions): Promise<BenchResult> {
  const log = options.log ?? ((s: string) => console.log(s));
  const loadBefore = loadAverage();
  const work = mkdtempSync(join(tmpdir(), 'bench-'));
  try {
    // Content: the sample's site and report, N generated entries.
    const sampleDir = resolve(options.content ?? SAMPLE_CONTENT);
    const sample = readSample(sampleDir);
    const content = join(work, 'content');
    writeGenerated(sample, content, options.entries, options.seed);
    log(`Generated ${options.entries} entries in ${content} (the shape of ${relative(ROOT, sampleDir) || '.'}/reports/${sample.reportId}/report.yaml)`);

    // Each step's runs, taken in turns (check, build, floor, check, build, floor, …) so
    // that a busy spell on a shared machine falls on every step rather than on one.
    type Plan = { step: StepResult['step']; args: string[]; env: NodeJS.ProcessEnv; out?: string; runs: Measurement[] };
    const out = join(work, 'dist');
    const floorOut = join(work, 'floor-dist');
    // The build's PDF cache, in the work folder: empty for the first run, so that run prints the PDFs.
    const pdfCache = join(work, 'pdf-cache');
    // So is the cache of history's parses (src/build/history-cache.ts): the first run parses every entry.
    const buildEnv = childEnv({ HISTORY_CACHE: join(work, 'history-cache'), ...(options.pdf ? { PDF_CACHE: pdfCache, REQUIRE_PDF: '1' } : { SKIP_PDF: '1' }) });
    const plans: Plan[] = [
      { step: 'check', args: ['src/cli/check.ts', '--content', content], env: childEnv({}), runs: [] },
      { step: 'build', args: ['src/cli/build.ts', '--outDir', out, '--content', content, '--times'], env: buildEnv, out, runs: [] },
    ];
    if (options.floor) {
      plans.push({ step: 'floor', args: ['node_modules/astro/bin/astro.mjs', 'build', '--root', 'bench/floor', '--outDir', floorOut], env: childEnv({ FLOOR_CONTENT: join(content, 'reports', sample.reportId) }), out: floorOut, runs: [] });
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
      const result: StepResult = { step, runs: runs.map(({ seconds, peakMB }) => ({ seconds, peakMB })), medianSeconds: round(seconds), entriesPerSecond: Math.round(options.entries / seconds), peakMB: Math.max(...runs.map((r) => r.peakMB)) };
      if (step === 'build' && options.pdf) result.pdfRuns = runs.map((r) => pdfTime(r.output)!);
      if (dir) Object.assign(result, outputSize(dir));
      return result;
    });
    const floor = steps.find((s) => s.step === 'floor');
    if (floor) for (const s of steps) if (s.step !== 'check') s.ratioToFloor = round(s.medianSeconds / floor.medianSeconds);

    let weight: BenchResult['pageWeight'];
    if (options.weight) {
      // Page weight of real content: the folder `npm run build` builds, or the one given.
      const real = resolve(options.content ?? join(ROOT, 'content'));
      const realOut = join(work, 'real-dist');
      await measure(['src/cli/build.ts', '--outDir', realOut, '--content', real], childEnv({ SKIP_PDF: '1' }));
      const w = siteWeight(real, realOut);
      weight = { content: relative(ROOT, real) || '.', reportPageKB: w.report.kb, entryPageKB: w.entry.kb, entryPage: w.entry.page, reportPageFiles: w.report.files, entryPageFiles: w.entry.files, scriptsOnOtherPages: w.scriptsOnOtherPages };
    }

    const history = options.history > 0 ? await historyCase({ ...options, log }, sample, work) : undefined;

    return {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGB: Math.round(totalmem() / 1024 ** 3), node: process.version },
      sample: relative(ROOT, sampleDir) || '.',
      entries: options.entries,
      runs: options.runs,
      pdf: options.pdf,
      coldPdf: Boolean(options.pdf && options.coldPdf),
      loadAverage: { before: loadBefore, after: loadAverage() },
      steps,
      ...(weight ? { pageWeight: weight } : {}),
      ...(history ? { historyCase: history } : {}),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
