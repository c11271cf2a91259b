/**
 * One temporary folder for the whole test run. Tests copy content and build
 * sites into the system's temporary folder (mkdtempSync(tmpdir())), and so do
 * the builds, browsers and typesetters they start; most never removed theirs,
 * so every `npm test` left hundreds of folders and about a gigabyte behind.
 *
 * TMPDIR points into this folder before any test worker starts (workers and
 * the processes they start inherit it; os.tmpdir() reads it), and the folder
 * is removed when the run ends, whatever the tests left in it. Every project
 * lists this file first; the first to set up makes the folder, the first to
 * tear down removes it (Vitest sets all projects up before any test runs and
 * tears them all down after the last).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MARK = 'IMPROVEMENT_REPORT_TEST_TMP';

export function setup(): void {
  if (process.env[MARK]) return;
  const root = mkdtempSync(join(tmpdir(), 'improvement-report-tests-'));
  process.env[MARK] = JSON.stringify({ root, outer: process.env.TMPDIR ?? null });
  process.env.TMPDIR = root;
}

export function teardown(): void {
  const mark = process.env[MARK];
  if (!mark) return;
  const { root, outer } = JSON.parse(mark) as { root: string; outer: string | null };
  delete process.env[MARK];
  if (outer === null) delete process.env.TMPDIR;
  else process.env.TMPDIR = outer;
  rmSync(root, { recursive: true, force: true, maxRetries: 3 });
}
