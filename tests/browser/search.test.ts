/**
 * Search and filters in Debian's Chromium, on the real site built at the root
 * and under /plan: Pagefind finds entries by word, narrows by status, the
 * report-page filter keeps its choice in the URL, and without JavaScript the
 * views are still offered.
 */
import { describe, expect, it } from 'vitest';
import { EXPECTED_LEGEND, EXPECTED_ROWS, REPORT } from '../helpers/expected.ts';
import { openPage, servedSite } from '../helpers/browser.ts';
import { SITES } from '../helpers/paths.ts';

describe.each(Object.entries(SITES))('search and filters (%s build)', (_name, build) => {
  const site = servedSite(build);


  it('finds the recruitment and retention entry first for "Monitoring Officer"', async () => {
    const { page, problems } = await openPage(site.browser, site.server.origin);
    await page.goto(`${site.server.url}search/?q=Monitoring+Officer`);
    const first = page.locator('.search-result').first();
    await first.waitFor();
    expect(await first.locator('.search-result__title').textContent()).toBe('Recruitment, Retention, Reward & Resources');
    expect(await first.locator('.tag__label').textContent()).toContain(EXPECTED_LEGEND['moving-to-directorate-plans']);
    expect(await first.locator('.search-result__theme').textContent()).toBe('Theme: Confidence, culture and capacity');
    expect(await first.locator('.search-result__excerpt mark').first().textContent()).toMatch(/Monitoring|Officer/);
    expect(await first.locator('a').getAttribute('href')).toBe(`${site.server.url.slice(site.server.origin.length)}${REPORT}/recruitment-retention-reward-and-resources/`);
    expect(await page.locator('[data-search-status]').textContent()).toMatch(/^\d+ results? for “Monitoring Officer”/);
    expect(await page.locator('[data-search-fallback]').isHidden()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('finds any entry from a distinctive word in one query', async () => {
    const { page } = await openPage(site.browser, site.server.origin);
    const cases = [
      ['Grants Register', 'review-procurement-strategy'],
      ['Economic Development Advisory Panel', 'recruitment'],
      ['biannually', 'quality-standards-raised'],
      ['Edwina', 'values-and-behaviours'],
      ['Coaching', 'leadership'],
    ];
    for (const [query, id] of cases) {
      await page.goto(`${site.server.url}search/?q=${encodeURIComponent(query!)}`);
      await page.locator('.search-result').first().waitFor();
      expect(await page.locator('.search-result a').first().getAttribute('href'), query).toMatch(new RegExp(`/${id}/$`));
    }
  });

  it('narrows by status, with counts, and Escape clears', async () => {
    const { page, problems } = await openPage(site.browser, site.server.origin);
    await page.goto(`${site.server.url}search/`);
    const label = EXPECTED_LEGEND['moving-to-directorate-plans']!;
    const expected = EXPECTED_ROWS.filter((r) => r.status === 'moving-to-directorate-plans').length;
    const box = page.getByRole('checkbox', { name: new RegExp(`^${label}`) });
    expect(await box.locator('xpath=following-sibling::label').textContent()).toContain(`(${expected})`);
    await box.check();
    await expect.poll(() => page.locator('.search-result').count()).toBe(expected);
    const tags = await page.locator('.search-result .tag__label').allTextContents();
    expect(tags.map((t) => t.replace('Status: ', ''))).toEqual(Array(expected).fill(label));
    expect(page.url()).toContain('status=');
    expect(await page.locator('[data-search-status]').textContent()).toBe(`${expected} results`);

    await page.locator('#search-input').fill('framework');
    await expect.poll(() => page.locator('[data-search-status]').textContent()).toMatch(/for “framework”/);
    await page.locator('#search-input').press('Escape');
    expect(await page.locator('#search-input').inputValue()).toBe('');
    await expect.poll(() => page.locator('.search-result').count()).toBe(0);
    expect(await box.isChecked()).toBe(false);
    expect(problems).toEqual([]);
  });

  it('is usable with the keyboard: labelled field first, then the filters', async () => {
    const { page } = await openPage(site.browser, site.server.origin);
    await page.goto(`${site.server.url}search/`);
    await page.locator('[data-search-filters] input').first().waitFor();
    await page.locator('#search-input').focus();
    await page.keyboard.type('procurement');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.search-result').count()).toBeGreaterThan(0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Search');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('checkbox');
    expect(await page.locator('label[for="search-input"]').textContent()).toBe('Words to search for');
    expect(await page.locator('[data-search-status]').getAttribute('role')).toBe('status');
  });

  it('filters the report table, shows the count, and keeps the choice in a shareable URL', async () => {
    const { page, problems } = await openPage(site.browser, site.server.origin);
    await page.goto(`${site.server.url}${REPORT}/`);
    const count = page.locator('[data-filter-count]');
    expect(await count.textContent()).toBe(`${EXPECTED_ROWS.length} of ${EXPECTED_ROWS.length} actions shown`);
    await page.selectOption('#filter-status', 'move-to-phase-3');
    const phase3 = EXPECTED_ROWS.filter((r) => r.status === 'move-to-phase-3');
    await expect.poll(() => count.textContent()).toBe(`${phase3.length} of ${EXPECTED_ROWS.length} actions shown`);
    expect(new URL(page.url()).search).toBe('?status=move-to-phase-3');
    await page.selectOption('#filter-theme', 'partnerships');
    const both = phase3.filter((r) => r.themeId === 'partnerships');
    await expect.poll(() => count.textContent()).toBe(`${both.length} of ${EXPECTED_ROWS.length} actions shown`);
    const visible = () => page.locator('tr.entry-row:visible').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.entry));
    expect(await visible()).toEqual(both.map((r) => r.id));
    expect(await page.locator('tbody:visible .theme-row').allTextContents()).toEqual(['Theme: Partnerships']);

    await page.reload();
    expect(await page.locator('#filter-status').inputValue()).toBe('move-to-phase-3');
    expect(await page.locator('#filter-theme').inputValue()).toBe('partnerships');
    expect(await count.textContent()).toBe(`${both.length} of ${EXPECTED_ROWS.length} actions shown`);
    expect(await visible()).toEqual(both.map((r) => r.id));

    await page.getByRole('button', { name: 'Show all actions' }).click();
    await expect.poll(() => count.textContent()).toBe(`${EXPECTED_ROWS.length} of ${EXPECTED_ROWS.length} actions shown`);
    expect(new URL(page.url()).search).toBe('');
    expect(problems).toEqual([]);
  });

  it('without JavaScript: the header form goes to the search page, which offers the views', async () => {
    const { page, problems } = await openPage(site.browser, site.server.origin, { javaScriptEnabled: false });
    await page.goto(`${site.server.url}${REPORT}/`);
    expect(await page.locator('form[data-table-filter]').isHidden()).toBe(true);
    expect(await page.locator('tr.entry-row:visible').count()).toBe(EXPECTED_ROWS.length);
    await page.locator('#site-search-input').fill('procurement');
    await page.locator('.site-search button').click();
    await page.waitForURL(/\/search\/\?q=procurement$/);
    expect(await page.locator('[data-search-fallback]').isVisible()).toBe(true);
    expect(await page.locator('[data-search-fallback]').textContent()).toContain('Search needs JavaScript');
    const links = await page.locator('[data-search-fallback] a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    for (const folder of ['themes', 'status', 'next']) expect(links.some((l) => l.includes(`/${REPORT}/${folder}/`)), folder).toBe(true);
    await page.locator('[data-search-fallback] a', { hasText: 'Procurement' }).first().click();
    expect(await page.locator('h1').textContent()).toContain('Procurement');
    expect(await page.locator('tr.entry-row').count()).toBe(EXPECTED_ROWS.filter((r) => r.themeId === 'procurement').length);
    expect(problems).toEqual([]);
  });
});
