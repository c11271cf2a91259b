/**
 * `npm run build` under faults: two builds started together (one waits, and
 * each output folder holds only its own site), a build killed outright (its
 * page process stops with it; the next build removes what it left), and an old
 * copy of the site that cannot be removed after the swap (one line, exit 0).
 * Small fixture sites without the PDF, to keep it quick.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlFiles } from '../helpers/html.ts';
import { OUTPUT, ROOT } from '../helpers/paths.ts';
import { buildEnv } from '../helpers/build.ts';

const SMALL = { content: join(ROOT, 'tests/fixtures/small'), title: 'Sample plan', reports: ['sample'] };
const TWO = { content: join(ROOT, 'tests/fixtures/two-reports'), title: 'Two-report test site', reports: ['phase-2', 'phase-3'] };

mkdirSync(OUTPUT, { recursive: true });
/** A fresh folder on the project's disk (chattr needs a file system that has it; /tmp may be tmpfs). */
const scratch = (name: string) => mkdtempSync(join(OUTPUT, `${name}-`));

function start(content: string, out: string) {
  const child = spawn(process.execPath, ['src/cli/build.ts', '--outDir', out, '--content', content], { cwd: ROOT, env: buildEnv({ SKIP_PDF: '1' }) });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const done = new Promise<{ code: number | null; output: string }>((resolve) => child.on('exit', (code) => resolve({ code, output })));
  return { child, done };
}

/** Linux: a process is gone when /proc has no entry for it, or only a zombie waiting to be reaped. */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return new RegExp(`^PPid:\\s+${pid}$`, 'm').test(readFileSync(`/proc/${name}/status`, 'utf8'));
      } catch {
        return false;
      }
    })
    .map(Number);
}

const hidden = (dir: string) => readdirSync(dir).filter((name) => /^\.dist\.(building|old)-\d+$/.test(name));

/** Every page of `out` is of `site` and none of `other`. */
function whollyOf(out: string, site: typeof SMALL, other: typeof SMALL): void {
  const pages = htmlFiles(out);
  expect(pages.length).toBeGreaterThan(5);
  for (const page of pages) {
    const html = readFileSync(join(out, page), 'utf8');
    expect(html, page).toContain(site.title);
    expect(html, page).not.toContain(other.title);
  }
  for (const report of site.reports) expect(existsSync(join(out, report, 'index.html')), report).toBe(true);
  for (const report of other.reports) expect(existsSync(join(out, report)), report).toBe(false);
}

describe('two builds started together', () => {
  it('the second waits for the first, saying so, and each output folder holds only its own site', async () => {
    const dir = scratch('together');
    // Astro bundles the content from a data store in its cache folder; `astro sync` (npm run typecheck,
    // which takes no build lock) writes the project's node_modules/.astro/ one, so a build must keep its own.
    const shared = join(ROOT, 'node_modules/.astro/data-store.json');
    const before = existsSync(shared) ? statSync(shared).mtimeMs : undefined;
    const [a, b] = [start(SMALL.content, join(dir, 'small')), start(TWO.content, join(dir, 'two'))];
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.code, ra.output).toBe(0);
    expect(rb.code, rb.output).toBe(0);
    const waiting = /^Another build is running in this folder \(pid (\d+)\); waiting for it to finish…$/m;
    const waited = [
      { result: ra, other: b.child.pid },
      { result: rb, other: a.child.pid },
    ].filter(({ result }) => waiting.test(result.output));
    expect(waited, `${ra.output}\n---\n${rb.output}`).toHaveLength(1);
    expect(Number(waiting.exec(waited[0]!.result.output)![1])).toBe(waited[0]!.other);
    whollyOf(join(dir, 'small'), SMALL, TWO);
    whollyOf(join(dir, 'two'), TWO, SMALL);
    expect(readdirSync(dir).sort()).toEqual(['small', 'two']);
    expect(existsSync(shared) ? statSync(shared).mtimeMs : undefined).toBe(before);
    expect(existsSync(join(ROOT, '.build.lock'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('a build killed outright (kill -9)', () => {
  it('takes its page process with it, and the next build removes what was left, but not what a running build is using', async () => {
    const dir = scratch('killed');
    const out = join(dir, 'dist');

    // Killed early: the page process must notice and stop, removing its unfinished site, rather
    // than build the whole site for nobody (which would leave it behind in .dist.building-<pid>).
    const first = start(SMALL.content, out);
    await expect.poll(() => childrenOf(first.child.pid!).length, { timeout: 30_000, interval: 20 }).toBeGreaterThan(0);
    const [pages] = childrenOf(first.child.pid!);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    first.child.kill('SIGKILL');
    await first.done;
    // Seconds when the machine is idle; more under load, when Node itself takes that long to start
    // and Astro's start can hold the page process's event loop (where it checks for its parent)
    // for seconds at a time: a 15 s wait failed once on a loaded machine.
    await expect.poll(() => running(pages!), { timeout: 30_000, interval: 50 }).toBe(false);
    expect(hidden(dir)).toEqual([]);

    // Both processes killed once pages are being written: the unfinished site stays behind…
    const second = start(SMALL.content, out);
    await expect.poll(() => hidden(dir).some((name) => readdirSync(join(dir, name)).length > 0), { timeout: 60_000, interval: 20 }).toBe(true);
    for (const pid of childrenOf(second.child.pid!)) process.kill(pid, 'SIGKILL');
    second.child.kill('SIGKILL');
    await second.done;
    const left = hidden(dir);
    expect(left).toHaveLength(1);
    // …with the old copy of a build that died too, and the folder of one that still runs (this test's own pid).
    mkdirSync(join(dir, `.dist.old-${first.child.pid}`));
    writeFileSync(join(dir, `.dist.old-${first.child.pid}`, 'index.html'), '');
    mkdirSync(join(dir, `.dist.building-${process.pid}`));
    // (With no dist/, the old copy would be put back as dist/ instead: a swap cut short.)
    mkdirSync(out);

    const third = spawnSync(process.execPath, ['src/cli/build.ts', '--outDir', out, '--content', SMALL.content], { cwd: ROOT, env: buildEnv({ SKIP_PDF: '1' }), encoding: 'utf8' });
    expect(third.status, third.stdout + third.stderr).toBe(0);
    expect(third.stdout).toMatch(/^Removed what earlier builds that did not finish left behind: .*\.dist\.building-\d+.*\.$/m);
    expect(readdirSync(dir).sort()).toEqual([`.dist.building-${process.pid}`, 'dist']);
    whollyOf(out, SMALL, TWO);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('an old copy of the site that cannot be removed after the swap', () => {
  it('says so in one line and exits 0: the new site is published', () => {
    const dir = scratch('unremovable');
    const out = join(dir, 'dist');
    mkdirSync(join(out, 'locked'), { recursive: true });
    const stuck = join(out, 'locked', 'file.txt');
    writeFileSync(stuck, 'old');
    // A file nobody may delete: immutable for root (who ignores permissions), else a read-only folder.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) execFileSync('chattr', ['+i', stuck]);
    else chmodSync(join(out, 'locked'), 0o555);
    try {
      const result = spawnSync(process.execPath, ['src/cli/build.ts', '--outDir', out, '--content', SMALL.content], { cwd: ROOT, env: buildEnv({ SKIP_PDF: '1' }), encoding: 'utf8' });
      const output = result.stdout + result.stderr;
      expect(result.status, output).toBe(0);
      const old = hidden(dir);
      expect(old).toHaveLength(1);
      // Paths as the editor can find them, relative to the project folder.
      expect(output).toContain(`The new site is in ${relative(ROOT, out)}/, but the old copy in ${relative(ROOT, join(dir, old[0]!))} could not be removed (${asRoot ? 'EPERM' : 'EACCES'}): delete it by hand.`);
      expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(output).toMatch(/^Built 3 entries into \d+ pages/m);
      whollyOf(out, SMALL, TWO);
    } finally {
      const left = join(dir, hidden(dir)[0] ?? 'dist', 'locked');
      if (asRoot) execFileSync('chattr', ['-i', join(left, 'file.txt')]);
      else chmodSync(left, 0o755);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
