/**
 * Debian's Chromium driven by playwright-core. No test tool downloads a
 * browser: install it with `apt-get install chromium` (.ci/run does).
 */
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, CHROMIUM_HINT, chromiumAvailable } from './chromium.ts';
import { serve, type StaticServer } from './static-server.ts';
import type { SiteBuild } from './paths.ts';

export async function launch(): Promise<Browser> {
  if (!chromiumAvailable()) throw new Error(`Chromium was not found at ${CHROMIUM}: ${CHROMIUM_HINT}.`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface ServedSite {
  /** The built site, served on 127.0.0.1 under its base path. */
  server: StaticServer;
  browser: Browser;
}

/**
 * For the describe block that calls it: serves a built site and launches
 * Chromium before its tests, and closes both after them. The fields are set
 * once the block's tests (and its later beforeAll hooks) run.
 */
export function servedSite(build: Pick<SiteBuild, 'dir' | 'base'>): ServedSite {
  const site = {} as ServedSite;
  beforeAll(async () => {
    site.server = await serve(build.dir, build.base);
    site.browser = await launch();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
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
