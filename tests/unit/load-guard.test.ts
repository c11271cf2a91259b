/**
 * An unexpected failure while reading one file (a fault of this program, or
 * input beyond what a library copes with) becomes an error naming that file;
 * every other file is still checked and its messages kept.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.ts';
import { loadContent } from '../../src/core/load.ts';

// A body containing boom-marker makes the Markdown parser fail as a stack overflow would.
vi.mock('../../src/core/markdown.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/core/markdown.ts')>();
  return {
    ...real,
    parseBody: (body: string, ...rest: Parameters<typeof real.parseBody> extends [unknown, ...infer R] ? R : never) => {
      if (body.includes('boom-marker')) throw new RangeError('Maximum call stack size exceeded');
      return real.parseBody(body, ...rest);
    },
  };
});

describe('one file failing unexpectedly', () => {
  it('is named in an error, and the other files’ messages are kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'load-guard-'));
    cpSync(resolve(import.meta.dirname, '../fixtures/small'), dir, { recursive: true });
    const alpha = readFileSync(join(dir, 'reports/sample/alpha.md'), 'utf8');
    writeFileSync(join(dir, 'reports/sample/alpha.md'), alpha.replace('Did the first thing', 'boom-marker'));
    writeFileSync(join(dir, 'reports/sample/beta.md'), readFileSync(join(dir, 'reports/sample/beta.md'), 'utf8').replace(/^theme: .*$/m, 'theme: nope'));
    const { diagnostics, content } = loadContent(dir, { root: dir });
    expect(content).toBeUndefined();
    expect(diagnostics.map((d) => formatDiagnostic({ ...d, hint: undefined }))).toEqual([
      'reports/sample/alpha.md: could not be read: its text is nested or repeated too deeply',
      'reports/sample/beta.md:3: theme: "nope" is not a theme of this report',
    ]);
    expect(diagnostics[0]!.hint).toMatch(/simplify the file/);
  });
});
