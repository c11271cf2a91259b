/**
 * The history case: N generated entries over E editions in a git repository
 * (src/core/history/bench.ts writes it: statuses moved, dates slipped, sections
 * edited, entries added and removed, as_at raised each quarter), built as a user
 * builds it, against the build of the same last edition from a folder outside
 * git (the build's one-edition path). The two take turns; the added time is the
 * median over runs of the difference in the same turn.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchSample } from '../../core/history/bench.ts';
import { historyContent } from './content.ts';
import { buildTimes, childEnv, loadAverage, measure, median, outputSize, round, type Measurement } from './measure.ts';
import type { BenchOptions, HistoryBuild, HistoryResult } from './types.ts';
import { pageWeight, siteWeight } from './weight.ts';

type Run = Measurement & { times: Record<string, number> };

export async function historyCase(options: BenchOptions & { log: (s: string) => void }, sample: BenchSample, work: string): Promise<HistoryResult> {
  const { log } = options;
  const before = loadAverage();
  const started = performance.now();
  const made = historyContent(sample, work, options.entries, options.history, options.seed);
  const { bench } = made;
  try {
    log(`History case: ${options.entries} entries over ${bench.asAts.length} editions (${bench.asAts[0]} to ${bench.asAts.at(-1)}), ${made.entries} in the last, made in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const builds = {
      history: { content: bench.content, out: join(work, 'history-dist'), cache: join(work, 'history-pdf-cache'), parses: join(work, 'history-parse-cache'), runs: [] as Run[] },
      withoutHistory: { content: made.flat, out: join(work, 'flat-dist'), cache: join(work, 'flat-pdf-cache'), parses: join(work, 'flat-parse-cache'), runs: [] as Run[] },
    };
    for (let i = 0; i < options.runs; i++) {
      // Taking turns, the first of the two alternating.
      const order = i % 2 ? (['history', 'withoutHistory'] as const) : (['withoutHistory', 'history'] as const);
      for (const name of order) {
        const b = builds[name];
        rmSync(b.out, { recursive: true, force: true });
        if (options.coldPdf) rmSync(b.cache, { recursive: true, force: true });
        // Each build's own caches, empty for its first run (PDFs printed, history's parses made).
        const env = childEnv({ HISTORY_CACHE: b.parses, ...(options.pdf ? { PDF_CACHE: b.cache, REQUIRE_PDF: '1' } : { SKIP_PDF: '1' }) });
        const run = await measure(['src/cli/build.ts', '--outDir', b.out, '--content', b.content, '--times'], env);
        b.runs.push({ ...run, times: buildTimes(run.output) });
        const t = b.runs.at(-1)!.times;
        log(`  ${name === 'history' ? 'with history   ' : 'without history'} run ${i + 1}/${options.runs}: ${run.seconds.toFixed(2)} s, ${run.peakMB} MB (pages ${t['pages']?.toFixed(2) ?? '?'} s${t['pdf'] !== undefined ? `, PDF ${t['pdf'].toFixed(2)} s` : ''})`);
      }
    }
    // The two builds are what they say: past editions on one side, the one-edition notice on the other.
    const notice = /^History: the content is not in a git repository/m;
    if (builds.history.runs.some((r) => notice.test(r.output))) throw new Error('the history build found no history');
    if (!builds.withoutHistory.runs.every((r) => notice.test(r.output))) throw new Error('the build without history did not say it had one edition');
    const editionsDir = join(builds.history.out, sample.reportId, 'editions');
    const pastPages = existsSync(editionsDir) ? readdirSync(editionsDir).filter((d) => existsSync(join(editionsDir, d, 'index.html'))) : [];
    if (pastPages.length !== bench.asAts.length - 1) throw new Error(`expected ${bench.asAts.length - 1} past-edition pages, found ${pastPages.length}`);
    if (existsSync(join(builds.withoutHistory.out, sample.reportId, 'editions'))) throw new Error('the build without history made past-edition pages');

    const summary = (b: (typeof builds)['history']): HistoryBuild => {
      const parts = [...new Set(b.runs.flatMap((r) => Object.keys(r.times)))];
      return {
        runs: b.runs.map(({ seconds, peakMB, times }) => ({ seconds: round(seconds), peakMB, times })),
        medianSeconds: round(median(b.runs.map((r) => r.seconds))),
        peakMB: Math.max(...b.runs.map((r) => r.peakMB)),
        medianTimes: Object.fromEntries(parts.map((p) => [p, round(median(b.runs.map((r) => r.times[p] ?? 0)))])),
        size: outputSize(b.out),
        weight: siteWeight(b.content, b.out),
      };
    };
    const history = summary(builds.history);
    const withoutHistory = summary(builds.withoutHistory);
    const changesPage = `${sample.reportId}/changes/index.html`;
    const pastWeights = pastPages.map((d) => pageWeight(builds.history.out, `${sample.reportId}/editions/${d}/index.html`));
    return {
      entries: options.entries,
      entriesLastEdition: made.entries,
      editions: bench.asAts.length,
      commits: Number(bench.repo.git('rev-list', '--count', 'HEAD').trim()),
      asAts: bench.asAts,
      pastEditionPages: pastPages.length,
      pastEditionPagesMB: outputSize(editionsDir).outputMB,
      history,
      withoutHistory,
      addedSeconds: round(median(builds.history.runs.map((r, i) => r.seconds - builds.withoutHistory.runs[i]!.seconds))),
      ratio: round(history.medianSeconds / withoutHistory.medianSeconds),
      changesPageKB: pageWeight(builds.history.out, changesPage).kb,
      pastEditionPageKB: Math.max(...pastWeights.map((w) => w.kb)),
      loadAverage: { before, after: loadAverage() },
    };
  } finally {
    rmSync(bench.repo.dir, { recursive: true, force: true });
  }
}
