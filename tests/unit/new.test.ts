import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/core/load.ts';
import { nextOrder } from '../../src/core/scaffold.ts';
import { CONTENT, ROOT } from '../helpers/paths.ts';

function run(args: string[]) {
  return spawnSync(process.execPath, ['src/cli/new.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
}

/** A copy of the shipped content of this test's own, and where `new` writes "Title of the action". */
function freshContent(): { content: string; file: string } {
  const content = join(mkdtempSync(join(tmpdir(), 'new-')), 'content');
  cpSync(CONTENT, content, { recursive: true });
  return { content, file: join(content, 'reports/phase-2-close-down/title-of-the-action.md') };
}

// Each case runs the command (a Node process): slow on a busy machine.
describe('npm run new', { timeout: 60_000 }, () => {
  it('writes a slug-named entry with the next free order that passes check', () => {
    const { content, file } = freshContent();
    const result = run(['--content', content, '--report', 'phase-2-close-down', '--theme', 'partnerships', '--status', 'move-to-phase-3', '--next', 'cultural-change', 'Title of the action']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^title: "Title of the action"$/m);
    expect(text).toMatch(/^theme: partnerships$/m);
    expect(text).toMatch(/^order: 21$/m);
    expect(text).toMatch(/^# {3}move-to-phase-3: Move to Improvement plan phase 3$/m);
    expect(text).toContain('## Activity undertaken\n\n## Activity outstanding\n');
    const { diagnostics, content: model } = loadContent(content, { root: content });
    expect(diagnostics.filter((d) => d.file !== 'site.yaml')).toEqual([]);
    expect(model!.reports[0]!.entries.find((e) => e.id === 'title-of-the-action')).toMatchObject({ order: 21, fields: { theme: 'partnerships', status: 'move-to-phase-3', next_phase: ['cultural-change'] } });
  });

  it('leaves a required value that is not given empty, and check asks for it', () => {
    const { content } = freshContent();
    const result = run(['--content', content, '--report', 'phase-2-close-down', '--theme', 'procurement', 'Left for later']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Fill in status, next_phase and the sections');
    const text = readFileSync(join(content, 'reports/phase-2-close-down/left-for-later.md'), 'utf8');
    expect(text).toMatch(/^status:$/m);
    expect(text).toMatch(/^next_phase:$/m);
    // The sections are their headings alone: no text is made up for them.
    expect(text.slice(text.indexOf('\n---\n') + 5).split('\n').filter((l) => l.trim() && !l.startsWith('## '))).toEqual([]);
    const messages = loadContent(content, { root: content }).diagnostics.filter((d) => d.file.endsWith('left-for-later.md')).map((d) => `${d.field}: ${d.message} (${d.hint})`);
    // Each names the ids to choose from (read from the report's report.yaml) and shows how to write one.
    const yaml = readFileSync(join(content, 'reports/phase-2-close-down/report.yaml'), 'utf8');
    const legendIds = [...yaml.slice(yaml.indexOf('\nlegend:')).matchAll(/^ {2}- id: (\S+)/gm)].map((m) => m[1]!);
    const nextPhase = yaml.slice(yaml.indexOf('- id: next_phase'));
    const nextIds = [...nextPhase.slice(0, nextPhase.indexOf('\n  - id:', 1)).matchAll(/^ {6}- id: (\S+)/gm)].map((m) => m[1]!);
    expect(legendIds.length).toBeGreaterThan(1);
    expect(nextIds.length).toBeGreaterThan(1);
    const some = (ids: string[]) => (ids.length > 6 ? `${ids.slice(0, 6).join(', ')} and ${ids.length - 6} more` : ids.join(', '));
    expect(messages).toEqual([
      `status: is empty but must be one of the ids of status (legend entry) (write one id, e.g. status: ${legendIds[0]}; the ids, listed under "legend:" in reports/phase-2-close-down/report.yaml: ${some(legendIds)})`,
      `next_phase: is empty but needs at least one new phase (write one id, e.g. next_phase: ${nextIds[0]}, or several as a list, e.g. next_phase: [${nextIds[0]}, ${nextIds[1]}]; the ids, listed under "values:" of next_phase in reports/phase-2-close-down/report.yaml: ${some(nextIds)})`,
    ]);
  });

  it('refuses to overwrite an existing entry', () => {
    const { content, file } = freshContent();
    writeFileSync(file, '---\ntitle: "Title of the action"\n---\nWritten by hand.\n');
    const before = readFileSync(file, 'utf8');
    const result = run(['--content', content, '--report', 'phase-2-close-down', '--theme', 'procurement', 'Title of the action']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/title-of-the-action\.md already exists: nothing was written/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('explains an unknown theme with the nearest one and writes nothing', () => {
    const { content } = freshContent();
    const result = run(['--content', content, '--report', 'phase-2-close-down', '--theme', 'partnership', 'Another action']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^"partnership" is not a theme: did you mean "partnerships"\?/);
    expect(run(['--content', content, '--report', 'phase-2-close-down', '--themse', 'x', 'Another action']).stderr).toMatch(/^--themse is not a field of phase-2-close-down: did you mean "theme"\?/);
    expect(existsSync(join(content, 'reports/phase-2-close-down/another-action.md'))).toBe(false);
  });

  it('finds the next free order', () => {
    expect(nextOrder([])).toBe(1);
    expect(nextOrder([3, 1, 7])).toBe(8);
  });
});
