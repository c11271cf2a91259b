/**
 * A fixture with unbroken long strings (tests/fixtures/long-strings): a
 * 120-letter word and a 134-character address in titles, evidence, the body
 * and the introduction must wrap, so no page scrolls sideways at 320 px; its
 * site title tries to break out of the print footer's CSS string; its data.csv
 * has multi-line cells with a formula-looking line. Built once, without the PDF.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, servedSite } from '../helpers/browser.ts';
import { formulaLines, readCsvStrictly } from '../helpers/csv.ts';
import { htmlFiles } from '../helpers/html.ts';
import { ROOT } from '../helpers/paths.ts';
import { buildEnv } from '../helpers/build.ts';

const FIXTURE = join(ROOT, 'tests/fixtures/long-strings');
const dist = join(mkdtempSync(join(tmpdir(), 'long-strings-')), 'dist');
const WORD = 'Supercalifragilistic'.repeat(6);
const URL_134 = `https://example.org/documents/${'a'.repeat(100)}.pdf`;

describe('long strings and a hostile site title', () => {
  beforeAll(() => {
    const result = spawnSync(process.execPath, ['src/cli/build.ts', '--outDir', dist, '--content', FIXTURE], {
      cwd: ROOT,
      env: buildEnv({ BASE: '/', SKIP_PDF: '1' }),
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(result.stdout + result.stderr);
  });
  // Registered after the build, so it serves the finished site.
  const site = servedSite({ dir: dist, base: '/' });

  it('the fixture has what it claims: the long word and address on the entry page', () => {
    const html = readFileSync(join(dist, 'sample/long/index.html'), 'utf8');
    expect(html).toContain(WORD);
    expect(html).toContain(URL_134);
  });

  it('no page scrolls sideways at 320 px wide', async () => {
    const { page } = await openPage(site.browser, site.server.origin, { viewport: { width: 320, height: 640 } });
    const pages = htmlFiles(dist).map((f) => f.replace(/index\.html$/, ''));
    expect(pages).toEqual(expect.arrayContaining(['', 'sample/', 'sample/long/', 'search/', 'glossary/']));
    const overflowing: string[] = [];
    for (const path of pages) {
      await page.goto(`${site.server.url}${path}`, { waitUntil: 'networkidle' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) overflowing.push(`${path}: ${overflow}px`);
    }
    expect(overflowing).toEqual([]);
    await page.context().close();
  });

  it('prints the table (A4 landscape) and the entry page (A4 portrait) within the page width', async () => {
    // The printable width of each page at 96 px to the inch: 297 mm − 20 mm and 210 mm − 24 mm of margins (print.css).
    for (const [path, width] of [['sample/', 1047], ['sample/long/', 703]] as const) {
      const { page } = await openPage(site.browser, site.server.origin, { viewport: { width, height: 1000 } });
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${site.server.url}${path}`, { waitUntil: 'networkidle' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await page.context().close();
    }
  });

  it('keeps the site title inside the print footer: print.css is one @page rule whose footer reads the title', async () => {
    const { page } = await openPage(site.browser, site.server.origin);
    await page.goto(`${site.server.url}sample/`);
    const parsed = await page.evaluate(async () => {
      const text = await (await fetch('/print.css')).text();
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      const rules = [...sheet.cssRules];
      const box = rules[0] instanceof CSSPageRule ? ([...rules[0].cssRules][0] as CSSStyleRule | undefined) : undefined;
      return { count: rules.length, kinds: rules.map((r) => r.constructor.name), content: box?.style.getPropertyValue('content') };
    });
    expect(parsed.count, parsed.kinds.join(', ')).toBe(1);
    expect(parsed.kinds).toEqual(['CSSPageRule']);
    // Chromium serialises the string back with its own escapes; the title's words are all there, in order.
    expect(parsed.content).toMatch(/^"Printed from Long strings \\"test\\" site }\\a }\\a table \{ display: none } on " "\d{1,2} \w+ \d{4}" ""$/);
  });

  it('writes data.csv that a strict reader (Python csv) reads as one row per entry, no formula on any line', () => {
    const rows = readCsvStrictly(readFileSync(join(dist, 'sample/data.csv')));
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    const outstanding = rows[0]!.indexOf('Activity outstanding');
    expect(rows[1]![outstanding]).toBe(`${WORD}\n'=cmd|' /C calc'!A0`);
    expect(formulaLines(rows)).toEqual([]);
  });
});
