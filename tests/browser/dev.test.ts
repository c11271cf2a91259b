/**
 * `npm run dev`: a broken entry shows the same message in the browser (in place
 * of the page, at once, without a reload) and in the terminal (once), and the
 * preview recovers when the file is fixed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { launch } from '../helpers/browser.ts';
import { CONTENT, ROOT } from '../helpers/paths.ts';
import { buildEnv } from '../helpers/build.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe('the dev preview', () => {
  let dev: ChildProcess;
  let output = '';
  let browser: Browser;
  let url: string;
  let file: string;

  beforeAll(async () => {
    const content = join(mkdtempSync(join(tmpdir(), 'dev-content-')), 'content');
    cpSync(CONTENT, content, { recursive: true });
    file = join(content, 'reports/phase-2-close-down/recruitment.md');
    const port = await freePort();
    url = `http://127.0.0.1:${port}/phase-2-close-down/recruitment/`;
    dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: ROOT,
      env: buildEnv({ CONTENT_DIR: content }),
    });
    dev.stdout!.on('data', (d) => (output += d));
    dev.stderr!.on('data', (d) => (output += d));
    const started = Date.now();
    while (!/ready in/.test(output)) {
      if (Date.now() - started > 60_000) throw new Error(`astro dev did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    dev?.kill();
  });

  /** What the reader sees: the page's text, and the error overlay's if Astro showed one. */
  const seen = (page: Page) =>
    page
      .evaluate(() => `${document.body?.innerText ?? ''}\n${document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? ''}`)
      .catch(() => '');
  const count = (text: string, part: string) => text.split(part).length - 1;

  it('shows the first mistake after a fresh page load at once, in plain words only, and recovers', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await expect.poll(() => page.locator('h1').textContent()).toContain('Recruitment');

    // No reload by the test: the page must change by itself, within a few seconds.
    const good = readFileSync(file, 'utf8');
    onTestFinished(() => writeFileSync(file, good));
    const before = output.length;
    writeFileSync(file, good.replace('theme: governance-and-decision-making', 'theme: governence'));
    const message = 'recruitment.md:3: theme: "governence" is not a theme of this report (did you mean "governance-and-decision-making"?';
    await expect.poll(() => seen(page), { timeout: 5_000, interval: 100 }).toContain(message);
    const text = await seen(page);
    expect(text).toContain('The preview cannot show the content: 1 problem to fix');
    expect(text).not.toMatch(/content-loader|Open in editor|\.ts:\d+|Stack trace|^\s+at /m);
    expect(await page.locator('vite-error-overlay').count()).toBe(0);

    // The terminal says it once (give a repeat the time to show), without a stack trace.
    await new Promise((r) => setTimeout(r, 1500));
    const said = output.slice(before);
    expect(count(said, message), `the terminal said:\n${said}`).toBe(1);
    expect(said).not.toMatch(/content-loader|\.ts:\d+|Stack trace|^\s+at /m);

    // Any page opened meanwhile shows the messages too, and both come back when the file is fixed.
    const other = await browser.newPage();
    await other.goto(url.replace('recruitment/', ''));
    expect(await seen(other)).toContain(message);

    // Put back exactly as it was: the preview shows the page again by itself.
    writeFileSync(file, good);
    await expect.poll(() => output.slice(before), { timeout: 15_000 }).toContain('Content is valid again');
    await expect.poll(() => seen(page), { timeout: 10_000, interval: 100 }).toContain('Recruitment');
    expect(await seen(page)).not.toContain('cannot show the content');
    await expect.poll(() => seen(other), { timeout: 10_000, interval: 100 }).toContain('Recruitment');
    await other.close();

    // A second mistake, fixed with a change: the page shows the changed content.
    writeFileSync(file, good.replace(/^status: .*$/m, 'status:move-to-phase-3'));
    await expect.poll(() => seen(page), { timeout: 5_000, interval: 100 }).toContain('recruitment.md:');
    writeFileSync(file, good.replace('title: Recruitment', 'title: Recruitment and retention'));
    await expect.poll(() => page.locator('h1').textContent().catch(() => ''), { timeout: 10_000, interval: 100 }).toContain('Recruitment and retention');
    expect(await page.locator('vite-error-overlay').count()).toBe(0);
    writeFileSync(file, good);
  });

  it('serves the export files at their own names, without a trailing slash, as the build writes them', async () => {
    const csv = await fetch(new URL('../data.csv', url));
    expect([csv.status, csv.url.endsWith('/phase-2-close-down/data.csv'), csv.headers.get('content-type')]).toEqual([200, true, 'text/csv; charset=utf-8']);
    expect((await csv.text()).split('\r\n')[1]).toMatch(/^phase-2-close-down,/);
    const json = await fetch(new URL('../data.json', url));
    expect(json.status).toBe(200);
    expect((await json.json()).report.id).toBe('phase-2-close-down');
  });
});
