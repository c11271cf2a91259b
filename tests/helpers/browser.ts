/**
 * Debian's Chromium driven by playwright-core. No test tool downloads a
 * browser: install it with `apt-get install chromium` (.ci/run does).
 */
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, CHROMIUM_HINT, chromiumAvailable } from '../../src/build/chromium.ts';

export async function launch(): Promise<Browser> {
  if (!chromiumAvailable()) throw new Error(`Chromium was not found at ${CHROMIUM}: ${CHROMIUM_HINT}.`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface WatchedPage {
  page: Page;
  /** Console errors, uncaught exceptions and requests to other origins seen so far. */
  problems: string[];
}

/** A page that records console errors, page errors and any request that leaves `origin`. */
export async function openPage(browser: Browser, origin: string, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`request to another origin: ${url}`);
  });
  return { page, problems };
}
