/**
 * Invalid content stops `npm run build` with the same one-line messages as
 * `npm run check`, exit code 1, no stack trace, and a prior dist/ untouched;
 * a build stopped part-way leaves no temporary folder and dist/ untouched too.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT, ROOT, SITES } from '../helpers/paths.ts';
import { buildEnv } from '../helpers/build.ts';

/** A digest of every file's path and bytes under `dir`. */
function digest(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else hash.update(relative(dir, p)).update(readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

describe('a malformed entry', () => {
  it('fails the build with the file, line and field and leaves the previous dist/ byte-identical', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bad-content-'));
    const content = join(dir, 'content');
    cpSync(CONTENT, content, { recursive: true });
    const file = join(content, 'reports/phase-2-close-down/recruitment.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('theme: governance-and-decision-making', 'theme: governence'));
    const out = join(dir, 'dist');
    cpSync(SITES.root.dir, out, { recursive: true });
    const before = digest(out);

    const result = spawnSync(process.execPath, ['src/cli/build.ts', '--outDir', out, '--content', content], {
      cwd: ROOT,
      env: buildEnv(),
      encoding: 'utf8',
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status).toBe(1);
    expect(output).toMatch(
      /reports\/phase-2-close-down\/recruitment\.md:3: theme: "governence" is not a theme of this report \(did you mean "governance-and-decision-making"\?/,
    );
    expect(output).toContain('The build stopped; dist/ was left as it was.');
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(digest(out)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['content', 'dist']);
  });
});

describe('a build stopped part-way (Ctrl+C, a CI timeout)', () => {
  it('exits 130, leaves no temporary folder and the previous dist/ byte-identical', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stopped-build-'));
    const out = join(dir, 'dist');
    cpSync(SITES.root.dir, out, { recursive: true });
    const before = digest(out);

    const build = spawn(process.execPath, ['src/cli/build.ts', '--outDir', out], { cwd: ROOT, env: buildEnv({ SKIP_PDF: '1' }) });
    let output = '';
    build.stdout.on('data', (d) => (output += d));
    build.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => build.on('exit', (code) => resolve(code)));
    // Stop it once Astro has started writing pages into the temporary folder.
    await expect.poll(() => readdirSync(dir).some((name) => name.startsWith('.dist.building-') && readdirSync(join(dir, name)).length > 0), { timeout: 60_000, interval: 20 }).toBe(true);
    build.kill('SIGTERM');

    expect(await exited).toBe(130);
    expect(output).toContain('The build was stopped; dist/ was left as it was.');
    expect(readdirSync(dir)).toEqual(['dist']);
    expect(digest(out)).toBe(before);
  });
});
