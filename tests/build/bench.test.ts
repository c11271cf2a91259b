/** A small run of `npm run bench` proves it works: the shape of its table and JSON, not the timings. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BenchResult } from '../../src/cli/bench.ts';
import { ROOT } from '../helpers/paths.ts';
import { buildEnv } from '../helpers/build.ts';

describe('npm run bench', () => {
  it('times check, build (with the PDFs), the floor and the history case on 50 entries and writes the figures', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bench-test-')), 'result.json');
    const result = spawnSync(process.execPath, ['src/cli/bench.ts', '--entries', '50', '--runs', '1', '--history', '3', '--out', out], {
      cwd: ROOT,
      env: buildEnv(),
      encoding: 'utf8',
      timeout: 600_000,
    });
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('| step'))).toBe(
      '| step  | entries | wall s (median) | entries/s | peak MB | output MB (bytes) | output MB (disk) | largest HTML KB | time ratio to floor |',
    );
    for (const step of ['check', 'build', 'floor']) expect(lines.some((l) => l.startsWith(`| ${step} `)), step).toBe(true);
    expect(result.stdout).toMatch(/output size ratio to floor: [\d.]+× in bytes/);
    // The build is measured as a user runs it, with the PDFs, and the table says so.
    expect(result.stdout).toMatch(/^build: with the PDFs \(standard and large print\); the PDF step printed them in [\d.]+ s$/m);
    expect(result.stdout).toMatch(/^page weight \(gzip, with its CSS and JS\) of content: report page [\d.]+ KB \(target ≤ 60 KB\), heaviest entry page [\d.]+ KB \(≤ 14 KB\)$/m);
    // The sample shape is the bench's own, not the shipped report's.
    expect(result.stdout).toContain('(the shape of bench/sample/reports/plan/report.yaml)');
    // The history case: the generated repository built against its last edition without history, taking turns.
    expect(result.stdout).toMatch(/^history case: 50 entries over 3 editions \(\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}, 5 commits\), \d+ in the last edition$/m);
    for (const build of ['with history', 'without history']) expect(lines.some((l) => l.startsWith(`| ${build} `)), build).toBe(true);
    expect(result.stdout).toMatch(/^history added -?[\d.]+ s to the build \(median of the differences in each turn; ratio of the medians [\d.]+×\)$/m);
    expect(result.stdout).toMatch(/^past-edition pages: 2, [\d.]+ MB; heaviest [\d.]+ KB gzip; changes page [\d.]+ KB gzip$/m);

    const json = JSON.parse(readFileSync(out, 'utf8')) as BenchResult;
    expect(json.entries).toBe(50);
    expect(json.steps.map((s) => s.step)).toEqual(['check', 'build', 'floor']);
    for (const s of json.steps) {
      expect(s.runs).toHaveLength(1);
      expect(s.medianSeconds).toBeGreaterThan(0);
      expect(s.peakMB).toBeGreaterThan(0);
    }
    expect(json.steps[1]!.outputMB).toBeGreaterThan(0);
    expect(json.pdf).toBe(true);
    expect(json.steps[1]!.pdfRuns).toEqual([{ seconds: expect.any(Number), printed: true }]);
    expect(json.steps[1]!.ratioToFloor).toBeGreaterThan(0);
    expect(json.pageWeight!.scriptsOnOtherPages).toEqual([]);
    expect(json.sample).toBe('bench/sample');
    const h = json.historyCase!;
    expect(h.editions).toBe(3);
    expect(h.asAts).toHaveLength(3);
    expect(h.pastEditionPages).toBe(2);
    expect(h.entriesLastEdition).toBeGreaterThan(45);
    for (const b of [h.history, h.withoutHistory]) {
      expect(b.runs).toHaveLength(1);
      expect(b.runs[0]!.times['pages']).toBeGreaterThan(0);
      expect(b.weight.report.kb).toBeGreaterThan(0);
      expect(b.weight.entry.kb).toBeGreaterThan(0);
    }
    // History adds pages and the history exports: the output grows.
    expect(h.history.size.outputMB).toBeGreaterThan(h.withoutHistory.size.outputMB);
    expect(json.machine.cpus).toBeGreaterThan(0);
  }, 660_000);
});
