/**
 * Printouts for committee members: print the built report page to PDF in
 * Chromium and read the PDF back with poppler (pdfinfo, pdftotext); check the
 * PDF that the build writes and links.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
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
const flat = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/**
 * A PDF read back with poppler's pdftohtml -xml at zoom 1: each line of text
 * with its page and font size in points, and the bookmarks (outline).
 */
function readPdf(file: string) {
  const $ = cheerio.load(execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-zoom', '1', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }), { xml: true });
  const sizes = new Map($('fontspec').map((_, f) => [[$(f).attr('id'), Number($(f).attr('size'))]]).get() as [string, number][]);
  const lines = $('page text')
    .map((_, t) => ({ page: Number($(t).closest('page').attr('number')), size: sizes.get($(t).attr('font')!)!, text: $(t).text() }))
    .get()
    .filter((l) => l.text.trim() !== '');
  const outline = (list: ReturnType<typeof $>, depth: number): { title: string; page: number; depth: number }[] =>
    list.children().get().flatMap((el) => (el.tagName === 'item' ? [{ title: $(el).text(), page: Number($(el).attr('page')), depth }] : el.tagName === 'outline' ? outline($(el), depth + 1) : []));
  return { lines, outline: outline($('pdf2xml > outline').first(), 0) };
}
const isFooter = (text: string) => /^Printed from |^Page \d+ of \d+$/.test(text.trim());
/** The status tags' words: each colour code's symbol and label (a tag may wrap over lines). */
const TAG_WORDS = Object.values(EXPECTED_LEGEND).map((label) => flat(label));
const inTag = (text: string) => /^[●■▲◆]$/.test(text.trim()) || TAG_WORDS.some((words) => words.includes(flat(text.replace(/^[●■▲◆]\s*/, ''))));
const THEMES = [...new Set(EXPECTED_ROWS.map((row) => row.theme))];

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
    // The row numbers and the title column alone (the left 238 points of each landscape page), where titles wrap.
    const taskColumn = flat(execFileSync('pdftotext', ['-x', '0', '-y', '0', '-W', '238', '-H', '600', file, '-'], { encoding: 'utf8' }));
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
      // The report's published address (SITE) and the date; the shipped report gives no reporting date, so none is printed.
      expect(text, `page ${p}`).toMatch(/Printed from https:\/\/plan\.example\.org\/phase-2-close-down\/ on \d{1,2} \w+ \d{4}\n/);
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
    const link = $(`.pdf-download[data-pdf="${REPORT}/${REPORT}.pdf"] a`);
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
    // The transcription notes, linked under "About this page", at their published address.
    expect(own).toContain(`${site}/${REPORT}/about/`);
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('How this report was transcribed');
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
    const taskColumn = flat(execFileSync('pdftotext', ['-x', '0', '-y', '0', '-W', '238', '-H', '600', file, '-'], { encoding: 'utf8' }));
    for (const row of EXPECTED_ROWS) expect(taskColumn, row.title).toContain(flat(row.title));
  });

  it('is linked under the sub-path too', () => {
    const $ = html(SITES.base.dir, `${REPORT}/`);
    expect($('.pdf-download a').first().attr('href')).toBe(`/plan/${REPORT}/${REPORT}.pdf`);
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

describe('the committee pack: readable, tagged, with bookmarks', () => {
  const dir = join(SITES.root.dir, REPORT);
  const standard = join(dir, `${REPORT}.pdf`);
  const large = join(dir, `${REPORT}-large-print.pdf`);

  it('prints the table at 10 pt at the least, and the status tags at 9 pt', () => {
    const { lines } = readPdf(standard);
    const tablePages = new Set(lines.filter((l) => l.text.includes('Task / action')).map((l) => l.page));
    expect(tablePages.size).toBeGreaterThan(1);
    const onTable = lines.filter((l) => tablePages.has(l.page) && !isFooter(l.text));
    const tags = onTable.filter((l) => inTag(l.text) && l.size < 10);
    const body = onTable.filter((l) => !tags.includes(l));
    // Every row's title, its cells and the headers: 10 pt or more.
    for (const line of body) expect(line.size, `page ${line.page}: ${line.text}`).toBeGreaterThanOrEqual(10);
    for (const row of EXPECTED_ROWS) expect(flat(body.map((l) => l.text).join('')), row.title).toContain(flat(row.title));
    // The status tags, on every row: 9 pt.
    expect(tags.length).toBeGreaterThanOrEqual(EXPECTED_ROWS.length);
    for (const tag of tags) expect(tag.size, tag.text).toBeGreaterThanOrEqual(9);
  });

  it('prints a large-print copy at 14 pt at the least, A4 landscape, linked from the report page with its size and pages', () => {
    const info = pdfinfo(large);
    expect(info).toMatch(/Page size:\s+841\.\d+ x 59\d\.\d+ pts \(A4\)/);
    const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(count).toBeGreaterThan(Number(/Pages:\s+(\d+)/.exec(pdfinfo(standard))![1]));
    const { lines } = readPdf(large);
    for (const line of lines.filter((l) => !isFooter(l.text))) expect(line.size, `page ${line.page}: ${line.text}`).toBeGreaterThanOrEqual(14);
    const text = flat(lines.map((l) => l.text).join(''));
    for (const row of EXPECTED_ROWS) expect(text, row.title).toContain(flat(row.title));
    for (const label of Object.values(EXPECTED_LEGEND)) expect(text, label).toContain(flat(label));

    const $ = html(SITES.root.dir, `${REPORT}/`);
    const link = $(`.pdf-download[data-pdf="${REPORT}/${REPORT}-large-print.pdf"] a`);
    expect(link.attr('href')).toBe(`/${REPORT}/${REPORT}-large-print.pdf`);
    expect(link.text()).toBe(`Download as large-print PDF (14 pt text, A4 landscape, ${count} pages, ${Math.round(readFileSync(large).length / 1024)} KB)`);
    // Under the sub-path too.
    expect(html(SITES.base.dir, `${REPORT}/`)(`.pdf-download a[href="/plan/${REPORT}/${REPORT}-large-print.pdf"]`).length).toBe(1);
  });

  it('is tagged, with the title and the language of the report page', () => {
    const $ = html(SITES.root.dir, `${REPORT}/`);
    for (const file of [standard, large]) {
      const info = pdfinfo(file);
      expect(info, file).toMatch(/^Tagged:\s+yes$/m);
      expect(/^Title:\s+(.*)$/m.exec(info)?.[1], file).toBe($('title').text());
      // A structure tree with the table in it, read by poppler.
      const struct = execFileSync('pdfinfo', ['-struct', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
      expect(struct).toMatch(/^\s*Table\b/m);
      expect(struct).toMatch(/^\s*TH\b/m);
      // The document's language (/Lang in its catalog): poppler's tools do not print it, so it is read
      // from the catalog object, which Chromium writes uncompressed.
      const catalog = /\d+ 0 obj\s*<<\s*\/Type\s*\/Catalog\b[^]*?endobj/.exec(readFileSync(file).toString('latin1'))?.[0];
      expect(catalog, file).toContain(`/Lang (${$('html').attr('lang')})`);
    }
  });

  it('has bookmarks for the title, each section and each theme, each on the page where it is', () => {
    for (const file of [standard, large]) {
      const { lines, outline } = readPdf(file);
      const pageText = (p: number) => flat(lines.filter((l) => l.page === p).map((l) => l.text).join(''));
      const titles = outline.map((o) => o.title);
      expect(titles[0], file).toContain(EXPECTED_TITLE);
      for (const section of ['Colour code', 'The table']) expect(titles, section).toContain(section);
      const themes = outline.filter((o) => THEMES.includes(o.title));
      expect(themes.map((o) => o.title), file).toEqual(THEMES);
      const table = outline.find((o) => o.title === 'The table')!;
      for (const theme of themes) {
        expect(theme.depth, theme.title).toBe(table.depth + 1);
        expect(pageText(theme.page), theme.title).toContain(flat(theme.title));
      }
    }
  });
});

describe('the PDF step', () => {
  it('does not print a PDF again when what it is printed from is unchanged, and does when it changed', async () => {
    const { pdfStep } = await import('../../src/build/pdf.ts');
    const work = mkdtempSync(join(tmpdir(), 'pdf-cache-'));
    const dir = join(work, 'dist');
    const before = process.env.PDF_CACHE;
    process.env.PDF_CACHE = join(work, 'cache');
    // The built site without SITE, with the report page as Astro writes it (the links' placeholder, not yet the links).
    const copy = () => {
      rmSync(dir, { recursive: true, force: true });
      cpSync(SITES.base.dir, dir, { recursive: true });
      const page = join(dir, REPORT, 'index.html');
      const text = readFileSync(page, 'utf8').replace(/(<li class="pdf-download" data-pdf="[^"]+"><a [^>]*>[^<]*<\/a><\/li>)+/, `<li class="pdf-download" data-pdf="${REPORT}/${REPORT}.pdf" hidden></li>`);
      writeFileSync(page, text);
    };
    const run = () => pdfStep.run({ dir, base: '/plan/', logger: { info: () => {}, warn: () => {} } });
    const pdfs = () => [`${REPORT}.pdf`, `${REPORT}-large-print.pdf`].map((f) => readFileSync(join(dir, REPORT, f)));
    try {
      copy();
      expect(await run()).toBe('2 PDFs');
      const first = pdfs();
      copy();
      expect(await run()).toBe('2 PDFs (all unchanged, from the cache)');
      expect(pdfs()).toEqual(first);
      expect(html(dir, `${REPORT}/`)('.pdf-download a').length).toBe(2);
      // A change to a stylesheet the page loads: printed again.
      copy();
      appendFileSync(join(dir, 'print.css'), '\n@page { margin: 20mm; }\n');
      expect(await run()).toBe('2 PDFs');
    } finally {
      if (before === undefined) delete process.env.PDF_CACHE;
      else process.env.PDF_CACHE = before;
      rmSync(work, { recursive: true, force: true });
    }
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
