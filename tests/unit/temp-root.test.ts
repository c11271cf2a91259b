/** The run's temporary folder (tests/setup/temp-root.ts): what tests and their processes write there goes when the run ends. */
import { spawnSync } from 'node:child_process';
import { basename, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { expect, it } from 'vitest';

it('gives tests, and the processes they start, a temporary folder of the run', () => {
  expect(basename(tmpdir())).toMatch(/^improvement-report-tests-/);
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("node:os").tmpdir())'], { encoding: 'utf8' });
  expect(child.stdout).toBe(tmpdir());
  expect(dirname(tmpdir())).not.toBe(tmpdir());
});
