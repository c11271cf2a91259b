/**
 * Printed views (issue 16, item 5): a facet page (a theme, a colour code)
 * printed from Chromium has every column the report's table has, and its
 * legend counts the rows on that page, not the whole report's. Read back
 * from the PDF with pdftotext; the screen is checked in the same browser.
 * Printed, a page ends with the meaning of every abbreviation on its paper.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPECTED_LEGEND, EXPECTED_ROWS, REPORT } from '../helpers/expected.ts';
import { servedSite } from '../helpers/browser.ts';
import { page as html } from '../helpers/html.ts';
import { CONTENT, ROOT, SITES } from '../helpers/paths.ts';
import { printedGlossary } from '../helpers/pdf.ts';
import { glossaryFor, termPattern } from '../../src/core/glossary.ts';
import { loadContent } from '../../src/core/load.ts';

/** Text without line breaks or runs of spaces, so wrapped words can be found. */
const flat = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const words = (s: string) => s.replace(/\s+/g, ' ').trim();
const actions = (n: number) => `${n} ${n === 1 ? 'action' : 'actions'}`;
/** The legend's line on a facet page: "Counts of the 6 actions on this page.", "Counts of the one action on this page." */
const countsOnPage = (n: number) => `Counts of the ${n === 1 ? 'one action' : actions(n)} on this page.`;

/** The theme with the most rows (several colour codes among them), and a colour code's page. */
const themes = [...new Set(EXPECTED_ROWS.map((r) => r.themeId))];
const theme = themes.sort((a, b) => EXPECTED_ROWS.filter((r) => r.themeId === b).length - EXPECTED_ROWS.filter((r) => r.themeId === a).length)[0]!;
const status = 'move-to-phase-3';
const VIEWS = [
  { path: `themes/${theme}/`, rows: EXPECTED_ROWS.filter((r) => r.themeId === theme) },
  { path: `status/${status}/`, rows: EXPECTED_ROWS.filter((r) => r.status === status) },
];
/** The report table's column headings, as the report page has them. */
const report = html(SITES.root.dir, `${REPORT}/`);
const HEADINGS = report('table.plan-table thead th').map((_, th) => words(report(th).text())).get();

/** The glossary the report's pages use (the site's terms and the report's own). */
const glossary = glossaryFor(loadContent(CONTENT, { root: ROOT }).content!.glossary, REPORT);
/** Whole words of `terms` in `text`, as the site finds them (plurals too: "MCAs"). */
const termsIn = (text: string, terms: string[]) => new Set([...text.matchAll(termPattern(terms.map((term) => ({ term, expansion: term })))!)].map((m) => m[1]!));

describe('facet pages printed from a browser', () => {
  const site = servedSite(SITES.root);

  it('the fixture is worth testing: a theme of several rows and colour codes, fewer than the report’s', () => {
    expect(HEADINGS).toContain('Activity undertaken / evidence (completed)');
    expect(VIEWS[0]!.rows.length).toBeGreaterThan(2);
    expect(new Set(VIEWS[0]!.rows.map((r) => r.status)).size).toBeGreaterThan(1);
    for (const view of VIEWS) expect(view.rows.length).toBeLessThan(EXPECTED_ROWS.length);
  });

  it.each(VIEWS)('$path: on screen, the legend counts the rows on the page, and the table leaves out what the plan keeps for the full table', async ({ path, rows }) => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}${REPORT}/${path}`);
    expect(await page.locator('tr.entry-row').count()).toBe(rows.length);
    for (const [id, label] of Object.entries(EXPECTED_LEGEND)) {
      const n = rows.filter((r) => r.status === id).length;
      expect(words(await page.locator(`.legend [data-legend="${id}"]`).innerText()), id).toContain(`${label} (${actions(n)})`);
    }
    expect(words(await page.locator('[data-legend-scope]').innerText())).toBe(countsOnPage(rows.length));
    expect(await page.locator('thead th[data-section="undertaken"]').isVisible()).toBe(false);
    expect(await page.locator('thead th[data-section="outstanding"]').isVisible()).toBe(true);
    await page.close();
  });

  it.each(VIEWS)('$path: printed, it has every column of the report’s table and the legend counts its own rows', async ({ path, rows }) => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}${REPORT}/${path}`);
    await page.emulateMedia({ media: 'print' });
    // Every heading of the report's table is printed, in the same order.
    const printed = await page.locator('table.plan-table thead th:visible').allInnerTexts();
    expect(printed.map(words)).toEqual(HEADINGS);
    const file = join(mkdtempSync(join(tmpdir(), 'print-view-')), 'view.pdf');
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.close();
    const text = flat(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }));
    for (const heading of HEADINGS) expect(text, heading).toContain(flat(heading));
    // The column left out on screen is printed with each row's text in it.
    const first = html(SITES.root.dir, `${REPORT}/${rows[0]!.id}/`);
    const undertaken = words(first('h2[data-section="undertaken"]').next().text());
    expect(undertaken.length).toBeGreaterThan(10);
    expect(text).toContain(flat(undertaken).slice(0, 60));
    // Each colour code's count is of this page's rows: "(6 actions)", not the whole report's.
    for (const [id, label] of Object.entries(EXPECTED_LEGEND)) {
      const n = rows.filter((r) => r.status === id).length;
      expect(text, id).toContain(flat(`${label} (${actions(n)})`));
    }
    expect(text).toContain(flat(countsOnPage(rows.length)));
    // Every row is there.
    for (const row of rows) expect(text, row.id).toContain(flat(row.title));
    // A4 landscape, like the report's table.
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))!;
    expect([Math.round(Number(w)), Math.round(Number(h))]).toEqual([842, 595]);
  });

  /** The theme the audit printed, and a colour code whose rows use the abbreviations the plan does not explain. */
  const PAGES = [`themes/partnerships/`, `status/moving-to-directorate-plans/`];

  it.each(PAGES)('%s: printed, it ends with the meaning of every abbreviation on its paper (titles too), and of no other; on screen, no such list', async (path) => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}${REPORT}/${path}`);
    expect(await page.locator('[data-print-glossary]').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-print-glossary]').isVisible()).toBe(true);
    // No dotted underline on paper, where there is nothing to hover over.
    expect(await page.locator('main abbr').first().evaluate((a) => getComputedStyle(a).textDecorationLine)).toBe('none');
    const marked = new Set(await page.locator('main abbr').evaluateAll((all) => all.map((a) => a.textContent!)));
    const file = join(mkdtempSync(join(tmpdir(), 'print-glossary-')), 'view.pdf');
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.close();
    const { page: text, listed, unexplained } = printedGlossary(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }));

    const used = termsIn(text, glossary.terms.map((t) => t.term));
    // Worth testing: several terms, one of them only where the site never marks it (a title, a heading, a link).
    expect(used.size).toBeGreaterThan(3);
    expect([...used].some((term) => ![...marked].some((m) => m === term || m === `${term}s`)), 'a term only in a title or link').toBe(true);
    // Every term on paper is listed with its meaning, in the glossary's order; nothing else is.
    expect(listed).toEqual(glossary.terms.filter((t) => used.has(t.term)).map((t) => [t.term, t.expansion]));
    // The abbreviations the plan does not explain: named as such, never given a meaning.
    const notExplained = termsIn(text, glossary.unexplained);
    expect(termsIn(unexplained, glossary.unexplained)).toEqual(notExplained);
    for (const term of notExplained) expect(listed.map(([t]) => t)).not.toContain(term);
    if (path.startsWith('status/')) expect([...notExplained].sort()).toEqual(['BC', 'CMT']);
  });
});
