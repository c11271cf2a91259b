/**
 * Quality in a real browser, on every page type of the real site, at the root
 * and under /plan: zero axe-core violations (WCAG 2.0–2.2 A and AA and axe's
 * best practices, light and dark at the root, light under /plan), valid HTML, no request to another origin, no console error, no
 * uncaught exception, no CSP violation, no sideways scrolling at 320 px,
 * readable without JavaScript, and a keyboard path through the report page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EXPECTED_ROWS, REPORT } from '../helpers/expected.ts';
import { openPage, servedSite } from '../helpers/browser.ts';
import { htmlFiles } from '../helpers/html.ts';
import { SITES } from '../helpers/paths.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// best-practice too: it has landmark-unique (two search forms with no name to tell them apart, say).
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** One built page per kind of route, found in the build itself, so new pages are covered too. */
function pageTypes(dist: string): string[] {
  const byKind = new Map<string, string>();
  for (const file of htmlFiles(dist)) {
    const parts = file.replace(/index\.html$/, '').split('/').filter(Boolean);
    const kind =
      file === '404.html'
        ? '404'
        : parts.length === 0
          ? 'home'
          : parts.length === 1
            ? parts[0] === REPORT || !['search', 'glossary', 'accessibility'].includes(parts[0]!)
              ? 'report'
              : parts[0]!
            : parts.length === 2
              ? 'entry'
              : parts[1]!;
    if (!byKind.has(kind)) byKind.set(kind, file === '404.html' ? '404.html' : parts.map((p) => `${p}/`).join(''));
  }
  return [...byKind.values()];
}

/** Record Content-Security-Policy violations from the first moment of the page. */
async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective}: ${e.blockedURI}`);
    });
  });
}

/** Open a page and let it settle: the home page of a one-report site opens the report at once. */
async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'networkidle' });
  if (await page.locator('meta[http-equiv="refresh"]').count()) {
    await page.waitForURL((u) => u.href !== url, { waitUntil: 'networkidle' });
  }
}

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const results = await page.evaluate(
    (tags) => (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    AXE_TAGS,
  );
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('valid HTML', () => {
  it.each(Object.entries(SITES))('every page of the %s build passes html-validate', async (_name, build) => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const errors: string[] = [];
    for (const file of htmlFiles(build.dir)) {
      const report = await validator.validateFile(`${build.dir}/${file}`);
      for (const result of report.results) for (const m of result.messages) errors.push(`${file}:${m.line}: ${m.ruleId}: ${m.message}`);
    }
    expect(errors).toEqual([]);
  });
});

describe.each(Object.entries(SITES))('every page type in Chromium (%s build)', (_name, build) => {
  const site = servedSite(build);
  const types = pageTypes(build.dir);

  it('the checks can fail: axe finds a known violation, the CSP listener a blocked inline script', async () => {
    const { page } = await openPage(site.browser, site.server.origin);
    await watchCsp(page);
    await page.goto(`${site.server.url}${REPORT}/`);
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.querySelector('main')!.append(img);
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
    });
    expect((await axe(page)).some((v) => v.startsWith('image-alt'))).toBe(true);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
    await page.context().close();
  });

  it('covers every kind of page', () => {
    expect(types).toEqual(
      expect.arrayContaining(['', '404.html', `${REPORT}/`, 'search/', 'glossary/', 'accessibility/']),
    );
    expect(types.some((t) => t.split('/').length === 3 && !/\/(themes|status|next)\//.test(t)), 'an entry page').toBe(true);
    for (const folder of ['themes', 'status', 'next']) expect(types.some((t) => t.startsWith(`${REPORT}/${folder}/`)), folder).toBe(true);
  });

  // Both colour schemes at the root; under /plan the same stylesheets, so light alone (the checks
  // there are of what the sub-path changes: addresses, links, requests).
  const schemes = _name === 'root' ? (['light', 'dark'] as const) : (['light'] as const);
  it.each(types)(`%s: no axe violation (${schemes.join(' and ')}), a Content-Security-Policy that allows only this origin, no foreign request, console error, exception or CSP violation`, async (path) => {
    for (const colorScheme of schemes) {
      const { page, problems } = await openPage(site.browser, site.server.origin, { colorScheme });
      await watchCsp(page);
      await visit(page, `${site.server.url}${path}`);
      expect(await axe(page), `${path} (${colorScheme})`).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), path).toEqual([]);
      expect(problems.filter((p) => !(path === '404.html' && p.startsWith('HTTP 404'))), path).toEqual([]);
      if (colorScheme === 'light') {
        const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        expect(csp, path).toContain("default-src 'self'");
        expect(csp, path).toContain("script-src 'self' 'wasm-unsafe-eval'");
        expect(csp, path).not.toContain('unsafe-inline');
      }
      await page.context().close();
    }
  });

  it.each(types)('%s: no sideways scrolling at 320 px wide', async (path) => {
    const { page } = await openPage(site.browser, site.server.origin, { viewport: { width: 320, height: 640 } });
    await visit(page, `${site.server.url}${path}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it('labels every cell of the stacked table with its column on a phone', async () => {
    const { page } = await openPage(site.browser, site.server.origin, { viewport: { width: 320, height: 640 } });
    await page.goto(`${site.server.url}${REPORT}/`);
    const label = await page.locator('tr.entry-row td:not([data-reference])').first().evaluate((td) => getComputedStyle(td, '::before').content);
    expect(label).toBe('"Activity undertaken / evidence (completed)"');
    // The row's reference reads "Row 1", on one line, before the title.
    const ref = page.locator('tr.entry-row td[data-reference]').first();
    expect(await ref.evaluate((td) => [getComputedStyle(td, '::before').content, getComputedStyle(td, '::before').display, td.textContent])).toEqual(['"Row "', 'inline', '1']);
    await page.context().close();
  });

  it('is readable without JavaScript: the table and the entry text are there', async () => {
    const { page, problems } = await openPage(site.browser, site.server.origin, { javaScriptEnabled: false });
    await page.goto(`${site.server.url}${REPORT}/`);
    expect(await page.locator('tr.entry-row:visible').count()).toBe(EXPECTED_ROWS.length);
    await page.goto(`${site.server.url}${REPORT}/recruitment-retention-reward-and-resources/`);
    expect(await page.locator('main').textContent()).toContain('Permanent Monitoring Officer and Exec Director Resources still to be appointed.');
    for (const path of types) {
      await visit(page, `${site.server.url}${path}`);
      expect((await page.locator('main').textContent())!.trim().length, path).toBeGreaterThan(100);
    }
    expect(problems.filter((p) => !p.includes('HTTP 404'))).toEqual([]);
    await page.context().close();
  });
});

describe('keyboard', () => {
  const site = servedSite({ dir: SITES.root.dir, base: '/' });

  it('tabs through the report page: skip link first, visible focus on each element, in document order', async () => {
    const { page } = await openPage(site.browser, site.server.origin);
    await page.goto(`${site.server.url}${REPORT}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    expect(await page.locator('.skip-link').boundingBox()).not.toBeNull();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');

    let previous = await page.evaluateHandle(() => document.activeElement!);
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluateHandle(() => document.activeElement!);
      const info = await focused.evaluate((el, prev) => {
        const style = getComputedStyle(el);
        const follows = Boolean(prev.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
        return {
          tag: el.tagName,
          text: (el.textContent ?? '').trim().slice(0, 40),
          follows,
          focusVisible: el.matches(':focus-visible'),
          // The focus style: a yellow background, outline or shadow that is not there otherwise.
          highlighted: style.backgroundColor === 'rgb(255, 221, 0)' || style.outlineStyle !== 'none' || style.boxShadow !== 'none',
        };
      }, previous);
      expect(info.follows, `${info.tag} "${info.text}" comes after the previous element`).toBe(true);
      expect(info.focusVisible && info.highlighted, `${info.tag} "${info.text}" shows focus`).toBe(true);
      previous = focused;
    }
  });
});

