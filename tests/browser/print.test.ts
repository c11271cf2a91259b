/**
 * Printing the web page: print the built report page to PDF in Chromium, as a
 * reader's browser would (print.css), and read it back with poppler (pdfinfo,
 * pdftotext). The PDFs the build typesets are tested in tests/build/pdf.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED_LEGEND, EXPECTED_ROWS, EXPECTED_TITLE, INFERRED_STATUS, REPORT } from '../helpers/expected.ts';
import { servedSite } from '../helpers/browser.ts';
import { CONTENT, ROOT, SITES } from '../helpers/paths.ts';
import { printedGlossary } from '../helpers/pdf.ts';
import { glossaryFor, termPattern } from '../../src/core/glossary.ts';
import { loadContent } from '../../src/core/load.ts';

const pdfinfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
const pdftext = (file: string, first?: number) =>
  execFileSync('pdftotext', [...(first ? ['-f', String(first), '-l', String(first)] : []), file, '-'], { encoding: 'utf8' });
/** Text without line breaks or runs of spaces, so wrapped titles can be found. */
const flat = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

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
    const numbers = Array.from({ length: pages }, (_, i) => i + 1);
    const firstTablePage = numbers.find((p) => flat(pdftext(file, p)).includes('Task/action'))!;
    expect(firstTablePage).toBeDefined();
    // The table ends where the glossary of abbreviations begins, on the same page or the one before.
    const glossaryPage = numbers.find((p) => pdftext(file, p).includes('Glossary of abbreviations'))!;
    expect(glossaryPage).toBeGreaterThan(firstTablePage);
    for (let p = firstTablePage; p <= pages; p++) {
      const text = pdftext(file, p);
      if (p < glossaryPage || (p === glossaryPage && flat(text).includes(flat('Task / action')))) {
        expect(flat(text), `page ${p}`).toContain(flat('Task / action'));
        expect(flat(text), `page ${p}`).toContain(flat('Activity outstanding'));
      }
      expect(text, `page ${p}`).toContain(`Page ${p} of ${pages}`);
      // The report's published address (SITE) and the date; the shipped report gives no reporting date, so none is printed.
      expect(text, `page ${p}`).toMatch(/Printed from https:\/\/plan\.example\.org\/phase-2-close-down\/ on \d{1,2} \w+ \d{4}\n/);
    }
  });

  it('ends with the meaning of every abbreviation it prints, titles and the introduction included, and of no other', () => {
    const { page, listed, unexplained } = printedGlossary(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }));
    const glossary = glossaryFor(loadContent(CONTENT, { root: ROOT }).content!.glossary, REPORT);
    const pattern = termPattern(glossary.terms)!;
    const used = new Set([...page.matchAll(pattern)].map((m) => m[1]!));
    expect(used.size).toBeGreaterThan(10);
    expect(listed).toEqual(glossary.terms.filter((t) => used.has(t.term)).map((t) => [t.term, t.expansion]));
    // The two the plan does not explain are named as such, not given a meaning.
    for (const term of glossary.unexplained) expect(unexplained).toContain(term);
  });

  it('marks each status with a symbol as well as its colour (black-and-white printers)', () => {
    const text = pdftext(file);
    for (const symbol of ['●', '■', '▲', '◆']) expect(text).toContain(symbol);
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
