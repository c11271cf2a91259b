/**
 * The parses of history kept between builds (src/build/history-cache.ts): a
 * rebuild reads the same editions and parses nothing it has seen; a changed
 * entry is parsed again; a damaged cache file means parsing everything.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadParses, saveParses } from '../../src/build/history-cache.ts';
import { readHistory } from '../../src/core/history/index.ts';
import { tempRepo } from '../../src/core/history/repo.ts';

const repo = tempRepo('history-cache-');
const cacheDir = mkdtempSync(join(tmpdir(), 'history-cache-file-'));
const file = join(cacheDir, 'parses.bin');
afterAll(() => {
  rmSync(repo.dir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

const report = (asAt: string) => `title: Plan\nas_at: ${asAt}\nfields:\n  - { id: status, label: Status, type: status }\n  - { id: due, label: Due, type: date }\n`;
const entry = (status: string, due: string) => `---\ntitle: Mend the roof\nstatus: ${status}\ndue: ${due}\norder: 1\n---\n\n## Update\n\nScaffolding up.\n`;

describe('history parses kept between builds', () => {
  repo.write('content/reports/plan/report.yaml', report('2025-03-31'));
  repo.write('content/reports/plan/roof.md', entry('amber', '2025-06-30'));
  repo.write('content/reports/plan/doors.md', entry('green', '2025-09-30').replace('Mend the roof', 'Paint the doors'));
  repo.commit('First edition');
  repo.write('content/reports/plan/report.yaml', report('2025-06-30'));
  repo.write('content/reports/plan/roof.md', entry('red', '2025-12-31'));
  repo.commit('Second edition');
  const content = join(repo.dir, 'content');

  it('reads the same editions again, parsing nothing it has seen, dates kept as dates', async () => {
    const first = loadParses(file);
    const cold = await readHistory(content, { cache: first });
    expect(cold.stats.parses).toBe(5);
    saveParses(first, file);

    const warm = await readHistory(content, { cache: loadParses(file) });
    expect(warm.stats.parses).toBe(0);
    expect(warm.reports).toEqual(cold.reports);
    expect(warm.reports[0]!.editions.map((e) => e.asAt)).toEqual(['2025-03-31', '2025-06-30']);
  });

  it('parses a version it has not seen (an edited entry), and keeps it for the next build', async () => {
    repo.write('content/reports/plan/doors.md', entry('complete', '2025-09-30').replace('Mend the roof', 'Paint the doors'));
    const cache = loadParses(file);
    const history = await readHistory(content, { cache });
    expect(history.stats.parses).toBe(1);
    expect(history.reports[0]!.editions.at(-1)!.entries.find((e) => e.id === 'doors')!.data!['status']).toBe('complete');
    saveParses(cache, file);
    expect((await readHistory(content, { cache: loadParses(file) })).stats.parses).toBe(0);
  });

  it('parses everything when the cache file is damaged', async () => {
    writeFileSync(file, 'not a cache');
    expect((await readHistory(content, { cache: loadParses(file) })).stats.parses).toBe(6);
  });
});
