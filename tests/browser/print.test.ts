/**
 * Printouts for committee members: print the built report page to PDF in
 * Chromium and read the PDF back with poppler (pdfinfo, pdftotext); check the
 * PDF that the build writes and links.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfPageCount } from '../../src/core/pdf.ts';
import { EXPECTED_LEGEND, EXPECTED_ROWS, EXPECTED_TITLE, INFERRED_STATUS, REPORT } from '../helpers/expected.ts';
import { servedSite } from '../helpers/browser.ts';
import { page as html, resolveInDist } from '../helpers/html.ts';
import { SITES } from '../helpers/paths.ts';
import { buildEnv } from '../helpers/build.ts';

const pdfinfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
const pdftext = (file: string, first?: number) =>
  execFileSync('pdftotext', [...(first ? ['-f', String(first), '-l', String(first)] : []), file, '-'], { encoding: 'utf8' });
/** Text without line breaks or runs of spaces, so wrapped titles can be found. */
const flat = (s: string) => s.replace(/\s+/g, '');

describe('the report printed from a browser', () => {
  const site = servedSite(SITES.root);
  let file: string;
  let pages: number;

  beforeAll(async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}${REPORT}/`);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    file = join(mkdtempSync(join(tmpdir(), 'print-')), 'report.pdf');
    writeFileSync(file, pdf);
    pages = Number(/Pages:\s+(\d+)/.exec(pdfinfo(file))![1]);
  });

  it('is A4 landscape', () => {
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(pdfinfo(file))!;
    expect(Number(w)).toBeCloseTo(841.9, 0);
    expect(Number(h)).toBeCloseTo(595.3, 0);
    expect(pages).toBeGreaterThan(1);
  });

  it('holds every entry title, in order, and every legend label', () => {
    const text = flat(pdftext(file));
    // The first column alone (the left 205 points of each landscape page), where titles wrap.
    const taskColumn = flat(execFileSync('pdftotext', ['-x', '0', '-y', '0', '-W', '205', '-H', '600', file, '-'], { encoding: 'utf8' }));
    let at = 0;
    for (const row of EXPECTED_ROWS) {
      const found = taskColumn.indexOf(flat(row.title), at);
      expect(found, row.title).toBeGreaterThanOrEqual(at);
      at = found;
    }
    for (const label of Object.values(EXPECTED_LEGEND)) expect(text, label).toContain(flat(label));
  });

  it('has the title and the legend on page 1, and no screen chrome', () => {
    const first = flat(pdftext(file, 1));
    expect(first).toContain(flat(EXPECTED_TITLE));
    expect(first).toContain('Colourcode');
    for (const label of Object.values(EXPECTED_LEGEND)) expect(first, label).toContain(flat(label));
    const all = pdftext(file);
    for (const chrome of ['Skip to main content', 'Search the plan', 'Show only the actions with', 'Download the table as CSV', 'Previous action']) {
      expect(all).not.toContain(chrome);
    }
  });

  it('says with the legend, on page 1, that the colours are inferred, under the site’s own heading', () => {
    const first = pdftext(file, 1).replace(/\s+/g, ' ');
    expect(first).toMatch(INFERRED_STATUS);
    expect(first).toContain('About this page');
    expect(first.indexOf('About this page')).toBeGreaterThan(first.indexOf('Colour code'));
  });

  it('repeats the header row and the footer on every page of the table', () => {
    const firstTablePage = Array.from({ length: pages }, (_, i) => i + 1).find((p) => flat(pdftext(file, p)).includes('Task/action'))!;
    expect(firstTablePage).toBeDefined();
    for (let p = firstTablePage; p <= pages; p++) {
      const text = pdftext(file, p);
      expect(flat(text), `page ${p}`).toContain(flat('Task / action'));
      expect(flat(text), `page ${p}`).toContain(flat('Activity outstanding'));
      expect(text, `page ${p}`).toContain(`Page ${p} of ${pages}`);
      expect(text, `page ${p}`).toMatch(/Printed from https:\/\/plan\.example\.org\/ on \d{1,2} \w+ \d{4}/);
    }
  });

  it('marks each status with a symbol as well as its colour (black-and-white printers)', () => {
    const text = pdftext(file);
    for (const symbol of ['●', '■', '▲', '◆']) expect(text).toContain(symbol);
  });
});

describe('the PDF in the build', () => {
  const dir = join(SITES.root.dir, REPORT);
  const pdf = join(dir, `${REPORT}.pdf`);

  it('is written, linked from the report page with its page count and size', () => {
    const info = pdfinfo(pdf);
    const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pdfPageCount(readFileSync(pdf))).toBe(count);
    const size = readFileSync(pdf).length;
    const $ = html(SITES.root.dir, `${REPORT}/`);
    const link = $('.pdf-download a');
    expect($('.pdf-download').attr('hidden')).toBeUndefined();
    expect(link.attr('href')).toBe(`/${REPORT}/${REPORT}.pdf`);
    expect(link.text()).toBe(`Download as PDF (A4, ${count} pages, ${Math.round(size / 1024)} KB)`);
    expect(info).toMatch(/Page size:\s+841\.\d+ x 59\d\.\d+ pts \(A4\)/);
  });

  /** The web addresses a PDF's links lead to, read back with poppler. */
  const pdfLinks = (file: string) =>
    execFileSync('pdfinfo', ['-url', file], { encoding: 'utf8' })
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/)[2])
      .filter((url): url is string => Boolean(url));
  const hrefs = (dist: string) => {
    const $ = html(dist, `${REPORT}/`);
    return new Set($('a[href]').map((_, a) => $(a).attr('href')).get());
  };

  it('links to the published site (SITE set), never to the server the build printed it from', () => {
    const links = pdfLinks(pdf);
    expect(links.join('\n')).not.toMatch(/127\.0\.0\.1|localhost|\.invalid/);
    const site = SITES.root.site;
    const own = links.filter((link) => link.startsWith(`${site}/`));
    // At least every entry's title in the table, each to a page that exists.
    expect(own.length).toBeGreaterThanOrEqual(EXPECTED_ROWS.length);
    for (const link of own) expect(resolveInDist(SITES.root.dir, SITES.root.base, link.slice(site.length)), link).toBeDefined();
    // Any other leads to another site, exactly as the page links it.
    const other = hrefs(SITES.root.dir);
    for (const link of links.filter((l) => !own.includes(l))) expect(other.has(link), link).toBe(true);
  });

  it("without SITE, leaves out the links to the site's own pages, which would lead nowhere", () => {
    const file = join(SITES.base.dir, REPORT, `${REPORT}.pdf`);
    const links = pdfLinks(file);
    expect(links.join('\n')).not.toMatch(/127\.0\.0\.1|localhost|\.invalid/);
    // Only links to other sites, exactly as the page links them; the entry titles are still there as text.
    const other = hrefs(SITES.base.dir);
    for (const link of links) expect(other.has(link), link).toBe(true);
    expect(links.some((link) => /^https?:\/\/[^/]*\/plan\//.test(link))).toBe(false);
    const taskColumn = flat(execFileSync('pdftotext', ['-x', '0', '-y', '0', '-W', '205', '-H', '600', file, '-'], { encoding: 'utf8' }));
    for (const row of EXPECTED_ROWS) expect(taskColumn, row.title).toContain(flat(row.title));
  });

  it('is linked under the sub-path too', () => {
    const $ = html(SITES.base.dir, `${REPORT}/`);
    expect($('.pdf-download a').attr('href')).toBe(`/plan/${REPORT}/${REPORT}.pdf`);
  });

  it('is skipped with one clear line when Chromium is missing, and the build still succeeds', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'no-chromium-')), 'dist');
    const env = buildEnv({ CHROMIUM_PATH: '/nonexistent/chromium', REQUIRE_PDF: '' });
    const result = spawnSync(process.execPath, ['src/cli/build.ts', '--outDir', out], { encoding: 'utf8', env });
    expect(result.status).toBe(0);
    const lines = `${result.stdout}${result.stderr}`.split('\n').filter((l) => l.includes('PDF skipped'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('no Chromium at /nonexistent/chromium; to get the PDF, install Debian');
    // The summary names what was made, and counts the HTML pages written.
    const htmlFiles = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
    expect(result.stdout).toMatch(new RegExp(`^Built ${EXPECTED_ROWS.length} entries into ${htmlFiles} pages with a search index in [\\d.]+ s: `, 'm'));
    expect(html(out, `${REPORT}/`)('.pdf-download').attr('hidden')).toBeDefined();
    expect(html(out, `${REPORT}/`)('.pdf-download a').length).toBe(0);

    const strict = spawnSync(process.execPath, ['src/cli/build.ts', '--outDir', out], { encoding: 'utf8', env: { ...env, REQUIRE_PDF: '1' } });
    expect(strict.status).toBe(1);
    expect(`${strict.stdout}${strict.stderr}`).toContain('PDF skipped: no Chromium');
  });
});

describe('print button', () => {
  const site = servedSite({ dir: SITES.root.dir, base: '/' });

  it('appears only with JavaScript', async () => {
    const withJs = await site.browser.newPage();
    await withJs.goto(`${site.server.url}${REPORT}/`);
    await expect.poll(() => withJs.getByRole('button', { name: 'Print this page' }).isVisible()).toBe(true);
    const noJs = await (await site.browser.newContext({ javaScriptEnabled: false })).newPage();
    await noJs.goto(`${site.server.url}${REPORT}/`);
    expect(await noJs.getByRole('button', { name: 'Print this page' }).isVisible()).toBe(false);
  });
});
