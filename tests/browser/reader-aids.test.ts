/**
 * Reader aids in a real browser: an abbreviation explains itself on hover and
 * on keyboard focus; the summary is a table for assistive technology, with
 * bars drawn in the legend colours and sized by their counts; and it prints
 * (read back from the PDF the build writes).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/core/load.ts';
import { countBy } from '../../src/core/model.ts';
import { REPORT } from '../helpers/expected.ts';
import { openPage, servedSite } from '../helpers/browser.ts';
import { CONTENT, ROOT, SITES } from '../helpers/paths.ts';

const report = loadContent(CONTENT, { root: ROOT }).content!.reports.find((r) => r.id === REPORT)!;
const afterContent = (page: Page, selector: string) => page.locator(selector).evaluate((el) => getComputedStyle(el, '::after').content);

describe('reader aids in Chromium', () => {
  const site = servedSite(SITES.root);

  it('a keyboard user tabbing to "SAF" on its entry page sees "Single Assurance Framework"', async () => {
    const { page, problems } = await openPage(site.browser, site.server.origin);
    await page.goto(`${site.server.url}${REPORT}/project-management-best-practice/`);
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.tagName === 'ABBR' && document.activeElement.textContent === 'SAF');
    }
    expect(reached, 'SAF is reachable with Tab').toBe(true);
    expect(await page.evaluate(() => document.activeElement!.matches(':focus-visible'))).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!, '::after').content)).toBe('" (Single Assurance Framework)"');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('a reader hovering "SAF" on the report page sees its meaning, which is hidden otherwise', async () => {
    const { page } = await openPage(site.browser, site.server.origin);
    await page.goto(`${site.server.url}${REPORT}/`);
    const saf = 'table.plan-table abbr[title="Single Assurance Framework"]';
    expect(await afterContent(page, saf)).toBe('none');
    await page.locator(saf).hover();
    expect(await afterContent(page, saf)).toBe('" (Single Assurance Framework)"');
    await page.context().close();
  });

  it('the summary is two tables a screen reader reads as label and number, with bars in the legend colours sized by count', async () => {
    const { page } = await openPage(site.browser, site.server.origin, { colorScheme: 'light' });
    await page.goto(`${site.server.url}${REPORT}/`);
    const total = report.entries.length;
    for (const [name, facet] of [['Actions by colour code', 'status'], ['Actions by new phase', 'next_phase']] as const) {
      const table = page.getByRole('table', { name });
      const counts = countBy(report, facet);
      const rows = await table.locator('tbody tr').all();
      expect(rows).toHaveLength(counts.length);
      for (const [i, { label, count, id }] of counts.entries()) {
        // What assistive technology is given: the row header's name and the number, nothing from the bar.
        expect(await table.getByRole('rowheader').nth(i).textContent()).toContain(label);
        expect(await rows[i]!.getByRole('cell').innerText()).toBe(String(count));
        const bar = rows[i]!.locator('.bar');
        expect(await bar.getAttribute('aria-hidden')).toBe('true');
        const box = (await bar.boundingBox())!;
        const cell = (await rows[i]!.getByRole('cell').boundingBox())!;
        // Bars are in steps of 5% of the cell: within one step of count / total.
        expect(Math.abs(box.width / cell.width - count / total), `${label} bar width`).toBeLessThan(0.06);
        if (facet === 'status') {
          const legend = report.legend.find((l) => l.id === id)!;
          const rgb = await bar.evaluate((el) => getComputedStyle(el).backgroundColor);
          const hex = `#${rgb.match(/\d+/g)!.slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
          expect(hex, `${label} bar colour`).toBe(legend.colour!.toLowerCase());
        }
      }
    }
    await page.context().close();
  });
});

describe('the summary on paper', () => {
  it('prints on page 1 of the PDF, each colour code and new phase with its number', () => {
    const pdf = join(SITES.root.dir, REPORT, `${REPORT}.pdf`);
    const text = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain(`Summary: ${report.entries.length} actions`);
    expect(text).toContain('Actions by colour code');
    expect(text).toContain('Actions by new phase');
    // In the layout text a label and its number share a line (long labels wrap: match their last words).
    const lines = text.split('\n').map((l) => l.replace(/\s+/g, ' '));
    for (const { label, count } of countBy(report, 'next_phase')) {
      expect(lines.some((l) => new RegExp(`${label.replace(/[/()]/g, '.')} ${count}( |$)`).test(l)), `${label} ${count}`).toBe(true);
    }
    for (const { label, count } of countBy(report, 'status').filter((s) => s.label.length < 40)) {
      expect(lines.some((l) => new RegExp(`${label} ${count}( |$)`).test(l)), `${label} ${count}`).toBe(true);
    }
  });
});
