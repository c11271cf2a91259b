/**
 * `npm run dev`: a broken entry shows the same message in the browser's error
 * overlay and in the terminal, and the preview recovers when the file is fixed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('shows the content error in the overlay and the terminal, then recovers', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await expect.poll(() => page.locator('h1').textContent()).toContain('Recruitment');

    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('theme: governance-and-decision-making', 'theme: governence'));
    const message = 'recruitment.md:3: theme: "governence" is not a theme of this report';
    await expect.poll(() => output, { timeout: 15_000 }).toContain(message);

    // The preview may reload by itself; otherwise reload it as a reader would.
    const overlayText = () =>
      page
        .locator('vite-error-overlay')
        .evaluate((el) => el.shadowRoot?.textContent ?? '', undefined, { timeout: 1000 })
        .catch(() => '');
    let text = '';
    for (let attempt = 0; attempt < 10 && !text.includes(message); attempt++) {
      text = await overlayText();
      if (!text.includes(message)) await page.reload().catch(() => undefined);
    }
    expect(text).toContain(message);

    writeFileSync(file, good);
    await expect.poll(() => output, { timeout: 15_000 }).toContain('Content is valid again');
    await expect
      .poll(async () => (await page.locator('h1').count()) > 0 && (await page.locator('h1').textContent()), { timeout: 20_000 })
      .toContain('Recruitment');
    expect(await page.locator('vite-error-overlay').count()).toBe(0);
  });
});
