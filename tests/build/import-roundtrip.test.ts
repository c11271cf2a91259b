/** Importing the site's own data.csv into an empty report reproduces the same entries. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/core/load.ts';
import type { Entry } from '../../src/core/model.ts';
import { CONTENT, ROOT, SITES } from '../helpers/paths.ts';
import { EXPECTED_ROWS, REPORT } from '../helpers/expected.ts';

const comparable = ({ file: _file, lastUpdated: _updated, ...entry }: Entry) => entry;

describe('round trip through data.csv', () => {
  it('reproduces every entry of the shipped report', () => {
    const content = join(mkdtempSync(join(tmpdir(), 'roundtrip-')), 'content');
    cpSync(CONTENT, content, { recursive: true });
    const dir = join(content, 'reports', REPORT);
    // The entries go; the report's notes page (about_page:) is not an entry and stays.
    const notes = loadContent(CONTENT, { root: ROOT }).content!.reports[0]!.aboutPage?.file.split('/').at(-1);
    for (const f of readdirSync(dir)) if (f.endsWith('.md') && f !== notes) rmSync(join(dir, f));

    const result = spawnSync(process.execPath, ['src/cli/import.ts', join(SITES.root.dir, REPORT, 'data.csv'), '--report', REPORT, '--content', content], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`${EXPECTED_ROWS.length} entries written`);
    expect(result.stdout).toContain('0 to check');

    const original = loadContent(CONTENT, { root: ROOT }).content!.reports[0]!;
    const imported = loadContent(content, { root: content });
    expect(imported.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const report = imported.content!.reports[0]!;
    expect(report.entries.map(comparable)).toEqual(original.entries.map(comparable));
  });
});
