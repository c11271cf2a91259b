/** Invalid content stops the build with a line naming the file and the field. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT, ROOT } from '../helpers/paths.ts';
import { buildEnv } from '../setup/build-sites.ts';

describe('a malformed entry', () => {
  it('fails the build with the file, line and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bad-content-'));
    const content = join(dir, 'content');
    cpSync(CONTENT, content, { recursive: true });
    const file = join(content, 'reports/phase-2-close-down/recruitment.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('theme: governance-and-decision-making', 'theme: governence'));
    const out = join(dir, 'dist');
    const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], {
      cwd: ROOT,
      env: buildEnv({ CONTENT_DIR: content }),
      encoding: 'utf8',
    });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}\n${result.stderr}`).toMatch(
      /reports\/phase-2-close-down\/recruitment\.md:3: theme: "governence" is not a theme of this report \(did you mean "governance-and-decision-making"\?/,
    );
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  });
});
