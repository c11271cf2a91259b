import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellToMarkdown, importCsv, mapColumns, parseEvidence } from '../../src/core/import.ts';
import { loadContent } from '../../src/core/load.ts';
import { reportSchema } from '../../src/core/schema.ts';
import { parseYaml } from '../../src/core/yaml.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/import');
const SMALL = join(ROOT, 'tests/fixtures/small');
const report = reportSchema.parse(parseYaml(readFileSync(join(SMALL, 'reports/sample/report.yaml'), 'utf8')).data);

/** A copy of the small fixture with an empty report folder (report.yaml only). */
function emptyReport(): string {
  const dir = mkdtempSync(join(tmpdir(), 'import-'));
  cpSync(SMALL, dir, { recursive: true });
  for (const f of readdirSync(join(dir, 'reports/sample'))) if (f.endsWith('.md')) rmSync(join(dir, 'reports/sample', f));
  return dir;
}
const run = (args: string[]) => spawnSync(process.execPath, ['src/cli/import.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

describe('import: reading the CSV', () => {
  it('reads UTF-8 with a byte-order mark, semicolons and quoted multi-line cells', () => {
    const result = importCsv(readFileSync(join(FIXTURES, 'semicolon-bom.csv'), 'utf8'), report);
    expect(result.problems).toEqual([]);
    expect(result.mapping).toMatchObject({ Theme: 'theme', 'Phase 2 Tasks/Actions': 'title', 'New Phase': 'next_phase', Status: 'status' });
    expect(result.entries.map((e) => e.id)).toEqual(['agree-the-plan-with-partners', 'review-the-register']);
    expect(result.entries[0]!.markdown).toBe(
      '---\ntitle: "Agree the plan; with partners"\ntheme: first-theme\nstatus: done\nnext_phase: later\norder: 1\n---\n\n## Activity undertaken\n\n- Board paper agreed\n- Café consultation held\n\n## Activity outstanding\n\n- Publish it\n',
    );
    expect(result.entries[1]!.markdown).toContain('status: moving\nnext_phase: nowhere\norder: 2');
  });

  it('lists values it cannot map with the nearest id, and skips empty rows', () => {
    const result = importCsv(readFileSync(join(FIXTURES, 'unknown-values.csv'), 'utf8'), report);
    expect(result.entries.map((e) => e.row)).toEqual([2, 3]);
    expect(result.problems).toEqual([
      { row: 2, field: 'theme', message: '"Frist theme" is not a theme of the report: did you mean "first-theme"? themes: second-theme, first-theme' },
      { row: 2, field: 'status', message: '"Complete" is not a status of the report: statuses: done, moving' },
      { row: 3, field: 'next_phase', message: '"Phase 3" is not a destination of the report: destinations: later, nowhere' },
    ]);
    expect(result.entries[0]!.markdown).toContain('title: "An action with a\\ntitle over two lines"');
    expect(result.entries[1]!.markdown).toContain('## Activity outstanding\n\nLine one\nLine two\n');
  });

  it('maps other header names with --map', () => {
    const text = readFileSync(join(FIXTURES, 'custom-headers.csv'), 'utf8');
    expect(importCsv(text, report).problems[0]).toMatchObject({ field: 'title', message: expect.stringContaining('no column for the title') });
    const mapped = importCsv(text, report, { map: { workstream: 'theme', whatwewilldo: 'title', whereitgoes: 'next_phase' } });
    expect(mapped.problems).toEqual([]);
    expect(mapped.entries[0]!.markdown).toContain('title: "Custom headers action"\ntheme: first-theme\nstatus: moving\nnext_phase: nowhere');
  });

  it('turns cells into list items and evidence', () => {
    expect(cellToMarkdown('• a\r\n  • b\n\n* c\n1. d\nplain')).toBe('- a\n  - b\n- c\n- d\nplain');
    expect(parseEvidence('Board paper (2023-03-23) https://example.org/p — attached\nOther')).toEqual([
      { title: 'Board paper', date: '2023-03-23', url: 'https://example.org/p', note: 'attached' },
      { title: 'Other' },
    ]);
    expect(mapColumns(['Theme', 'Theme id']).mapping).toEqual({ 'Theme id': 'theme' });
  });
});

describe('npm run import', () => {
  it('writes entries that pass check, and never overwrites without --force', () => {
    const content = emptyReport();
    const first = run([join(FIXTURES, 'semicolon-bom.csv'), '--report', 'sample', '--content', content]);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('2 entries written');
    const loaded = loadContent(content, { root: content });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.content!.reports[0]!.entries.map((e) => e.title)).toEqual(['Agree the plan; with partners', 'Review the register']);

    const path = join(content, 'reports/sample/review-the-register.md');
    const before = readFileSync(path, 'utf8');
    const again = run([join(FIXTURES, 'semicolon-bom.csv'), '--report', 'sample', '--content', content]);
    expect(again.stdout).toContain('review-the-register.md already exists (use --force to overwrite it)');
    expect(again.stdout).toContain('0 entries written');
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(run([join(FIXTURES, 'semicolon-bom.csv'), '--report', 'sample', '--content', content, '--force']).stdout).toContain('2 entries written');
    // Three runs of the command: each starts Node, over 1.5 s on a loaded 2-core machine (the default 5 s was missed in npm test).
  }, 30_000);

  it('says clearly when the report does not exist', () => {
    const result = run([join(FIXTURES, 'semicolon-bom.csv'), '--report', 'nope', '--content', SMALL]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/reports\/nope\/report\.yaml does not exist/);
    expect(existsSync(join(SMALL, 'reports/nope'))).toBe(false);
  });
});
