/**
 * What is read from the content folder, and what is refused or ignored with
 * a word: symbolic links (made here, in a temporary copy: never committed),
 * hidden files, folders inside a report, files beside the reports; and
 * repeated warnings capped per file.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.ts';
import { loadContent } from '../../src/core/load.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SMALL = resolve(ROOT, 'tests/fixtures/small');

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-files-'));
  cpSync(SMALL, join(dir, 'content'), { recursive: true });
  return dir;
}
const load = (dir: string) => loadContent(join(dir, 'content'), { root: dir });
const lines = (dir: string) => load(dir).diagnostics.map((d) => formatDiagnostic({ ...d, hint: undefined }));
const ENTRY = readFileSync(join(SMALL, 'reports/sample/alpha.md'), 'utf8').replace('order: 2', 'order: 9');
const LINK = ': is a symbolic link, which is not allowed in the content folder';

describe('symbolic links are refused, never followed', () => {
  it('an entry linking to a file outside the project, or to /proc/self/environ', () => {
    const dir = copy();
    writeFileSync(join(dir, 'outside.md'), ENTRY.replace('Alpha', 'SECRET_OUTSIDE_TEXT'));
    symlinkSync(join(dir, 'outside.md'), join(dir, 'content/reports/sample/linked.md'));
    symlinkSync('/proc/self/environ', join(dir, 'content/reports/sample/environ.md'));
    const result = load(dir);
    expect(result.diagnostics.map((d) => formatDiagnostic({ ...d, hint: undefined }))).toEqual([
      `content/reports/sample/environ.md${LINK}`,
      `content/reports/sample/linked.md${LINK}`,
    ]);
    expect(result.diagnostics[0]!.hint).toMatch(/replace the link with a real file/);
    expect(result.content).toBeUndefined();
    // `check` prints neither the environment nor the outside file's text.
    const check = spawnSync(process.execPath, ['src/cli/check.ts', '--content', join(dir, 'content')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CANARY_VARIABLE: 'CANARY_VALUE_123' },
    });
    expect(check.status).toBe(1);
    expect(check.stdout).not.toMatch(/CANARY_VALUE_123|SECRET_OUTSIDE_TEXT/);
    expect(check.stdout).toContain(`linked.md${LINK}`);
  });

  it('site.yaml, report.yaml, a report folder, the reports folder and a folder inside a report', () => {
    const dir = copy();
    const c = join(dir, 'content');
    cpSync(join(c, 'site.yaml'), join(dir, 'site.yaml'));
    cpSync(join(c, 'reports/sample'), join(dir, 'other'), { recursive: true });
    rmSync(join(c, 'site.yaml'));
    symlinkSync(join(dir, 'site.yaml'), join(c, 'site.yaml'));
    symlinkSync(join(dir, 'other'), join(c, 'reports/other'));
    symlinkSync(join(dir, 'other'), join(c, 'reports/sample/sub'));
    mkdirSync(join(c, 'reports/second'));
    symlinkSync(join(dir, 'other/report.yaml'), join(c, 'reports/second/report.yaml'));
    expect(lines(dir)).toEqual([
      `content/site.yaml${LINK}`,
      `content/reports/other${LINK}`,
      `content/reports/sample/sub${LINK}`,
      `content/reports/second/report.yaml${LINK}`,
    ]);

    const whole = copy();
    cpSync(join(whole, 'content/reports'), join(whole, 'reports'), { recursive: true });
    rmSync(join(whole, 'content/reports'), { recursive: true });
    symlinkSync(join(whole, 'reports'), join(whole, 'content/reports'));
    expect(lines(whole)).toEqual([`content/reports${LINK}`, 'content/reports: holds no report']);
  });
});

describe('files that are not read are named', () => {
  it('hidden Markdown files, a folder inside a report and a file beside the reports each get one warning; tool files none', () => {
    const dir = copy();
    const sample = join(dir, 'content/reports/sample');
    writeFileSync(join(sample, '.hidden.md'), ENTRY);
    writeFileSync(join(sample, '..bad.md'), ENTRY);
    writeFileSync(join(sample, '.gitkeep'), '');
    writeFileSync(join(sample, '.DS_Store'), 'binary');
    mkdirSync(join(sample, 'drafts'));
    writeFileSync(join(sample, 'drafts/draft.md'), ENTRY);
    mkdirSync(join(sample, '.obsidian'));
    writeFileSync(join(dir, 'content/reports/stray.md'), ENTRY);
    const result = load(dir);
    expect(result.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'content/reports/stray.md: warning: is ignored: content/reports holds one folder per report, and files only inside them (move it into a report’s folder, or out of the content folder)',
      'content/reports/sample/..bad.md: warning: is ignored because its name starts with a dot (a hidden file) (rename it without the leading dot (e.g. "bad.md") if it should be read, or delete it)',
      'content/reports/sample/.hidden.md: warning: is ignored because its name starts with a dot (a hidden file) (rename it without the leading dot (e.g. "hidden.md") if it should be read, or delete it)',
      'content/reports/sample/drafts: warning: is a folder inside a report; the files in it are ignored (a report’s entries must sit directly in its folder: move them up one level, or move this folder out of content/)',
    ]);
    // Warnings only: the site still builds from the rest.
    expect(result.content?.reports[0]!.entries.map((e) => e.id)).toEqual(['gamma', 'alpha', 'beta']);
  });
});

describe('repeated warnings are capped per file', () => {
  it('twenty of one kind, then one line with the count', () => {
    const dir = copy();
    const words = Array.from({ length: 500 }, (_, i) => `QX${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`);
    const body = Array.from({ length: 50 }, (_, i) => `- ${words.slice(i * 10, i * 10 + 10).join(' ')}`).join('\n');
    writeFileSync(join(dir, 'content/reports/sample/many.md'), ENTRY.replace('## Activity outstanding', `${body}\n\n## Activity outstanding`));
    const diagnostics = load(dir).diagnostics.filter((d) => d.file.endsWith('many.md'));
    expect(diagnostics).toHaveLength(21);
    expect(diagnostics.slice(0, 20).every((d) => /looks like an abbreviation/.test(d.message))).toBe(true);
    expect(diagnostics[20]!.message).toBe('… and 480 more like this in content/reports/sample/many.md');
    expect(diagnostics[20]!.severity).toBe('warning');
  });
});

describe('nesting and line length are limited before parsing', () => {
  it('100,000 ">" on one line, and deeply indented lists, are refused quickly with the file named', () => {
    const dir = copy();
    const sample = join(dir, 'content/reports/sample');
    writeFileSync(join(sample, 'quotes.md'), ENTRY.replace('## Activity outstanding', `${'>'.repeat(100_000)}\n\n## Activity outstanding`));
    const lists = Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}- level`).join('\n');
    writeFileSync(join(sample, 'lists.md'), ENTRY.replace('order: 9', 'order: 8').replace('## Activity outstanding', `${lists}\n\n## Activity outstanding`));
    const start = Date.now();
    expect(lines(dir)).toEqual([
      'content/reports/sample/lists.md:32: body: block quotes or lists are nested more than 15 levels deep here',
      'content/reports/sample/quotes.md:17: this line is 100,000 characters long, more than the 5,000 allowed',
    ]);
    expect(Date.now() - start).toBeLessThan(5000);
  });
});
