import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { BENCH_SHAPE, historyBenchRepo } from '../../src/core/history/bench.ts';
import { historyChanges, readHistory } from '../../src/core/history/index.ts';

/**
 * A realistic history at a size the suite can afford (the full benchmark,
 * 1,000 entries × 12 editions, is `node src/core/history/bench.ts`): every
 * change the generator made is found, nothing else, with three git calls and
 * well within the time budget.
 */
describe('history of 200 entries over 4 editions', () => {
  const bench = historyBenchRepo({ entries: 200, editions: 4, seed: 7 });
  afterAll(() => rmSync(bench.repo.dir, { recursive: true, force: true }));

  it('finds exactly the changes made, quickly', async () => {
    const started = performance.now();
    const history = await readHistory(bench.content);
    const report = history.reports.find((r) => r.reportId === bench.reportId)!;
    const changes = historyChanges(report.editions, BENCH_SHAPE);
    const seconds = (performance.now() - started) / 1000;

    expect(report.editions.map((e) => [e.asAt, e.uncommitted])).toEqual(bench.asAts.map((a) => [a, false]));
    expect(history.stats).toMatchObject({ gitCalls: 3, commits: 1 + 3 * 2 });
    // Each blob read once: the entries of past editions that the working tree does not hold
    // (it is read from disk), and each past edition's report.yaml.
    const now = new Set(report.editions.at(-1)!.entries.map((e) => e.blob));
    const past = new Set(report.editions.slice(0, -1).flatMap((e) => e.entries.map((x) => x.blob)).filter((b) => !now.has(b)));
    expect(history.stats.blobsRead).toBe(past.size + bench.asAts.length - 1);
    // Many, yet far fewer than the 600 entries of the three past editions.
    expect(past.size).toBeGreaterThan(100);
    expect(past.size).toBeLessThan(300);
    const found = changes.map((c) => ({
      added: c.added.map((e) => e.id),
      removed: c.removed.map((e) => e.id),
      status: c.changed.filter((e) => e.statusMove).map((e) => e.id),
      slipped: c.changed.filter((e) => e.dates.some((d) => d.direction === 'later')).map((e) => e.id),
      sections: c.changed.filter((e) => e.sections.length).map((e) => e.id),
    }));
    expect(found).toEqual(bench.expected);
    // Each change is of one kind only, and nothing else is reported.
    for (const c of changes) for (const e of c.changed) expect(e.fields).toEqual([]);
    expect(bench.expected.every((e) => e.status.length > 10 && e.slipped.length > 3 && e.sections.length > 5 && e.added.length > 0)).toBe(true);
    // The budget is 2 s for 1,000 entries × 12 editions; this is a sixth of that work.
    expect(seconds).toBeLessThan(2);
  });
});
