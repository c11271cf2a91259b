/**
 * The real content, built: the table mirrors the plan, every entry has its
 * page, every internal link resolves, at the root and under a sub-path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { htmlFiles, page, resolveInDist } from '../helpers/html.ts';
import { SITES } from '../helpers/paths.ts';
import { readCsvStrictly } from '../helpers/csv.ts';
import { EXPECTED_INTRODUCTION, EXPECTED_LEGEND, EXPECTED_NOTE, EXPECTED_ROWS, EXPECTED_TITLE, INFERRED_STATUS, REPORT } from '../helpers/expected.ts';

const dist = SITES.root.dir;

describe('the report page mirrors the close-down table', () => {
  const $ = page(dist, `${REPORT}/`);

  it('has the title, and the legend with its four colour codes in order', () => {
    expect($('h1').text()).toContain(EXPECTED_TITLE);
    expect($('.legend [data-legend]').map((_, li) => $(li).find('a').text()).get()).toEqual(Object.values(EXPECTED_LEGEND));
  });

  it('gives the introduction in the document’s own words, and the site’s own note apart, saying the colours are inferred', () => {
    const words = (s: string) => s.replace(/\s+/g, ' ').trim();
    expect(words($('.introduction p').first().text())).toBe(EXPECTED_INTRODUCTION[0]);
    expect($('.introduction li').map((_, li) => words($(li).text())).get()).toEqual(EXPECTED_INTRODUCTION.slice(1));
    // Nothing but the document's words in the introduction.
    expect(words($('.introduction').text())).toBe(EXPECTED_INTRODUCTION.join(' '));
    expect(words($('.legend__notes').text())).toBe(EXPECTED_NOTE);
    // The site's own words: under their own heading, outside the introduction, right after the legend.
    const about = $('section.about');
    expect(about.find('h2').text()).toBe('About this page');
    expect(about.prev().is('section.legend')).toBe(true);
    expect(words(about.text())).toMatch(INFERRED_STATUS);
    expect(words($('.introduction').text())).not.toMatch(INFERRED_STATUS);
  });

  it('lists every row of the document, in order, under the right theme', () => {
    expect(EXPECTED_ROWS).toHaveLength(20);
    const rows = $('table.plan-table tr.entry-row')
      .map((_, tr) => ({ theme: $(tr).closest('tbody').find('.theme-row th a').text(), title: $(tr).find('th[scope=row] a.entry-row__title').text() }))
      .get();
    expect(rows).toEqual(EXPECTED_ROWS.map(({ theme, title }) => ({ theme, title })));
  });

  it('shows every New Phase cell of each row, both for the procurement row', () => {
    const next = $('table.plan-table tr.entry-row')
      .map((_, tr) => [$(tr).find('td[data-label="New phase"] .field-value > a').map((_, a) => $(a).attr('href')!.split('/').at(-2)).get()])
      .get();
    expect(next).toEqual(EXPECTED_ROWS.map((r) => r.next));
    const procurement = $('tr[data-entry="review-procurement-strategy"]');
    expect(procurement.attr('data-facet-next_phase')).toBe('directorate-business-plan-2024-25 continuous-improvement');
    expect(procurement.find('td[data-label="New phase"]').text()).toContain('Continuous Improvement Improvement theme (Phase 3)');
    // Its completed bullets are there (the source prints five), not "None recorded".
    expect(procurement.find('td[data-label="Activity undertaken / evidence (completed)"] li')).toHaveLength(5);
    // The summary counts it under both: one more than the rows.
    const counts = $('table[data-summary="next_phase"] .bar__value').map((_, v) => Number($(v).text())).get();
    expect(counts.reduce((a, b) => a + b, 0)).toBe(EXPECTED_ROWS.length + 1);
    expect($('table[data-summary="next_phase"] caption').text()).toBe('Actions by new phase (one action has more than one, counted under each)');
  });

  it('gives every row its status as text and symbol, not only colour', () => {
    $('table.plan-table tr.entry-row').each((i, tr) => {
      const expected = EXPECTED_ROWS[i]!;
      const label = $(tr).find('.tag .tag__label').text().replace(/^Status: /, '');
      expect(label, expected.title).toBe(EXPECTED_LEGEND[expected.status]);
      expect($(tr).find('.tag .tag__symbol').text().trim()).not.toBe('');
      expect($(tr).attr('class')).toContain(`legend--`);
    });
  });

  it('is a semantic table: caption, column and row headers, landmarks, language, skip link', () => {
    expect($('html').attr('lang')).toBe('en-GB');
    expect($('table.plan-table caption').text()).not.toBe('');
    expect($('table.plan-table thead th[scope=col]').map((_, th) => $(th).text()).get()).toEqual([
      'Row',
      'Task / action',
      'Activity undertaken / evidence (completed)',
      'Activity outstanding',
      'New phase',
    ]);
    expect($('tr.entry-row > th[scope=row]').length).toBe(EXPECTED_ROWS.length);
    expect($('a.skip-link').attr('href')).toBe('#main-content');
    expect($('main#main-content').length).toBe(1);
    expect($('header').length).toBeGreaterThan(0);
    expect($('footer').length).toBeGreaterThan(0);
  });

  it('ships no client JavaScript except on the search page and the table (filters)', () => {
    const withTable = new Set([`${REPORT}/index.html`, 'search/index.html']);
    for (const file of htmlFiles(dist)) {
      const p = page(dist, file);
      if (withTable.has(file)) {
        // Enhancements only, as external module files.
        p('script').each((_, s) => expect(p(s).attr('src'), file).toMatch(/^\/_astro\/.+\.js$/));
      } else {
        expect(p('script').length, file).toBe(0);
      }
    }
  });
});

describe('row references: the row number, as the shipped report declares no reference of its own', () => {
  it('numbers the rows of the table 1, 2, 3… in table order, and each entry page says "Row N"', () => {
    const $ = page(dist, `${REPORT}/`);
    expect($('tr.entry-row td[data-reference]').map((_, td) => $(td).text().trim()).get()).toEqual(EXPECTED_ROWS.map((_, i) => String(i + 1)));
    for (const [i, row] of EXPECTED_ROWS.entries()) {
      const $ = page(dist, `${REPORT}/${row.id}/`);
      expect($('.entry-reference').text(), row.id).toBe(`Row ${i + 1}`);
      // Said once: no "Position in the table: Row N of the table" repeating it (a report's own references keep it).
      expect($('[data-position]').length, row.id).toBe(0);
      expect($('main').text(), row.id).not.toContain('of the table');
    }
  });

  it('keeps each row’s number on the facet pages, where the rows are fewer', () => {
    const number = new Map(EXPECTED_ROWS.map((r, i) => [r.id, String(i + 1)]));
    const $ = page(dist, `${REPORT}/themes/${EXPECTED_ROWS.at(-1)!.themeId}/`);
    const rows = $('tr.entry-row').map((_, tr) => [[$(tr).find('td[data-reference]').text().trim(), number.get($(tr).attr('data-entry')!)]]).get();
    expect(rows.length).toBeGreaterThan(0);
    for (const [shown, expected] of rows) expect(shown).toBe(expected);
  });

  it('gives data.csv a "Row" column (read back with Python’s csv) and data.json a reference per entry', () => {
    const [header, ...rows] = readCsvStrictly(readFileSync(join(dist, REPORT, 'data.csv')));
    const col = (name: string) => rows.map((r) => r[header!.indexOf(name)]);
    expect(header!.slice(0, 2)).toEqual(['Report', 'Row']);
    expect(col('Id')).toEqual(EXPECTED_ROWS.map((r) => r.id));
    expect(col('Row')).toEqual(EXPECTED_ROWS.map((_, i) => String(i + 1)));
    const json = JSON.parse(readFileSync(join(dist, REPORT, 'data.json'), 'utf8'));
    expect(json.entries.map((e: { reference: string }) => e.reference)).toEqual(EXPECTED_ROWS.map((_, i) => String(i + 1)));
  });
});

describe('every entry, theme, status and destination has its page', () => {
  it('writes an entry page per row with its fields and both sections', () => {
    for (const row of EXPECTED_ROWS) {
      const $ = page(dist, `${REPORT}/${row.id}/`);
      expect($('h1').text(), row.id).toContain(row.title);
      expect($('.status-panel .tag__label').text()).toContain(EXPECTED_LEGEND[row.status]);
      expect($('h2').map((_, h) => $(h).text()).get()).toEqual(expect.arrayContaining(['Activity undertaken / evidence (completed)', 'Activity outstanding']));
      expect($('.summary-list dt').map((_, dt) => $(dt).text()).get()).toEqual(expect.arrayContaining(['Theme', 'Status', 'New phase']));
      const next = $('.summary-list dt').filter((_, dt) => $(dt).text() === 'New phase').next('dd');
      expect(next.find('.field-value > a').map((_, a) => $(a).attr('href')!.split('/').at(-2)).get(), row.id).toEqual(row.next);
    }
  });

  it('links each entry to its previous and next row in table order', () => {
    for (const [i, row] of EXPECTED_ROWS.entries()) {
      const $ = page(dist, `${REPORT}/${row.id}/`);
      expect($('a[rel=prev]').attr('href'), row.id).toBe(i > 0 ? `/${REPORT}/${EXPECTED_ROWS[i - 1]!.id}/` : undefined);
      expect($('a[rel=next]').attr('href'), row.id).toBe(i < EXPECTED_ROWS.length - 1 ? `/${REPORT}/${EXPECTED_ROWS[i + 1]!.id}/` : undefined);
    }
  });

  it('writes filtered tables that hold exactly the rows of their theme, status and destination', () => {
    const facets = [
      ['themes', 'themeId'],
      ['status', 'status'],
      ['next', 'next'],
    ] as const;
    for (const [folder, key] of facets) {
      const values = [...new Set(EXPECTED_ROWS.flatMap((r) => r[key]))];
      for (const value of values) {
        const $ = page(dist, `${REPORT}/${folder}/${value}/`);
        const ids = $('tr.entry-row').map((_, tr) => $(tr).attr('data-entry')).get();
        expect(ids, `${folder}/${value}`).toEqual(EXPECTED_ROWS.filter((r) => [r[key]].flat().includes(value)).map((r) => r.id));
      }
    }
  });

  it('says what its legend counts in words that agree with the number: "the one action", "the 6 actions"', () => {
    const lines = new Map<number, string>();
    for (const file of htmlFiles(dist).filter((f) => /^[^/]+\/(themes|status|next)\//.test(f))) {
      const $ = page(dist, file);
      lines.set($('tr.entry-row').length, $('[data-legend-scope]').text());
    }
    // The shipped report has facet pages of one row (procurement) and of several.
    expect(lines.get(1)).toBe('Counts of the one action on this page.');
    const several = [...lines].filter(([n]) => n > 1);
    expect(several.length).toBeGreaterThan(1);
    for (const [n, line] of several) expect(line).toBe(`Counts of the ${n} actions on this page.`);
  });

  it('has a home page that opens the report (one report) and a 404 page', () => {
    const home = page(dist, '');
    expect(home('meta[http-equiv=refresh]').attr('content')).toBe(`0; url=/${REPORT}/`);
    expect(home('main a').attr('href')).toBe(`/${REPORT}/`);
    expect(page(dist, '404.html')('h1').text()).toBe('Page not found');
  });
});

describe.each(Object.entries(SITES))('the transcription notes, a page of the site (%s build)', (_name, build) => {
  const prefix = build.base.endsWith('/') ? build.base : `${build.base}/`;

  it('publishes content/reports/<report>/transcription.md at /<report>/about/, under its declared title', () => {
    const $ = page(build.dir, `${REPORT}/about/`);
    expect($('main h1').text()).toBe('How this report was transcribed');
    expect($('title').text()).toContain('How this report was transcribed');
    // The notes' own headings and words, from the file.
    expect($('main h2').map((_, h) => $(h).text()).get()).toEqual(expect.arrayContaining(['Where readers see this', 'Judgements']));
    expect($('main h3').map((_, h) => $(h).text()).get()).toContain('Status (colour code), inferred from the New Phase column');
    expect($('main').text()).toContain('are published as a page of the site');
    // Only the page's title is a top-level heading; a way back to the report.
    expect($('h1')).toHaveLength(1);
    expect($('.breadcrumbs a').last().attr('href')).toBe(`${prefix}${REPORT}/`);
  });

  it('is linked, with its title and the base path, from the report page’s "About this page"', () => {
    const $ = page(build.dir, `${REPORT}/`);
    const link = $('section.about a[data-about-page-link]');
    expect(link.text()).toBe('How this report was transcribed');
    expect(link.attr('href')).toBe(`${prefix}${REPORT}/about/`);
    expect(resolveInDist(build.dir, build.base, link.attr('href')!)).toBeTruthy();
    // The note says where the reasoning is, and no longer names a file that readers cannot open.
    expect($('section.about').text()).toContain('are in the notes linked below');
    expect($('section.about').text()).not.toContain('TRANSCRIPTION');
  });

  it('is written for the public: where the table comes from, in words, with no file names or settings of this project', () => {
    const $ = page(build.dir, `${REPORT}/about/`);
    const text = $('main').text().replace(/\s+/g, ' ');
    expect(text).toContain('the Combined Authority\'s Phase 2 close-down table, as supplied to this project');
    expect(text).not.toMatch(/seeds\/|\.txt\b|\.ya?ml\b|content\/|order:|next_phase|about_page|npm run|unexplained:|ignore:|terms:/);
    expect($('main code').length).toBe(0);
  });

  it('is not an entry: no row, no entry page of the file’s name', () => {
    const $ = page(build.dir, `${REPORT}/`);
    expect($('tr[data-entry="transcription"]')).toHaveLength(0);
    expect(resolveInDist(build.dir, build.base, `${prefix}${REPORT}/transcription/`)).toBeFalsy();
  });
});

describe('the search index', () => {
  it('holds the report page and every entry page, and nothing else', () => {
    // Pagefind fragments are gzip'd JSON after a 12-byte signature, one per indexed page.
    const folder = join(dist, 'pagefind', 'fragment');
    const fragments = readdirSync(folder).map((f) => {
      const data = gunzipSync(readFileSync(join(folder, f)));
      expect(data.subarray(0, 12).toString()).toBe('pagefind_dcd');
      return JSON.parse(data.subarray(12).toString()) as { url: string; content: string };
    });
    expect(fragments.map((f) => f.url).sort()).toEqual([`/${REPORT}/`, ...EXPECTED_ROWS.map((r) => `/${REPORT}/${r.id}/`)].sort());

    // An entry is found by its words, theme, colour code and destination, not by what every page says.
    const recruitment = fragments.find((f) => f.url === `/${REPORT}/recruitment/`)!;
    expect(recruitment.content).toContain('Recruitment');
    expect(recruitment.content).toContain('Governance & Decision Making');
    expect(recruitment.content).toContain(EXPECTED_LEGEND['completed-directorate-plans']);
    expect(recruitment.content).toContain('Directorate Business Plan');
    for (const f of fragments) expect(f.content, f.url).not.toMatch(/Position in the table|Last updated|of the table/);
    // Labels would run into their values in excerpts ("ThemeProcurement").
    for (const f of fragments) expect(f.content, f.url).not.toMatch(/(Theme|Status|New phase)[A-Z]/);
  });
});

describe.each(Object.entries(SITES))('internal links (%s build)', (_name, build) => {
  it('every internal link and fragment resolves, and starts with the base path', () => {
    const prefix = build.base.endsWith('/') ? build.base : `${build.base}/`;
    const broken: string[] = [];
    for (const file of htmlFiles(build.dir)) {
      const $ = page(build.dir, file);
      $('a[href], link[href]').each((_, el) => {
        const href = $(el).attr('href')!;
        if (/^(https?:|mailto:)/.test(href)) return;
        if (href.startsWith('#')) {
          if (href.length > 1 && $(`[id="${href.slice(1)}"]`).length === 0) broken.push(`${file}: ${href}`);
          return;
        }
        if (!href.startsWith(prefix)) {
          broken.push(`${file}: ${href} does not start with ${prefix}`);
          return;
        }
        const target = resolveInDist(build.dir, build.base, href);
        if (!target) {
          broken.push(`${file}: ${href} is not in the build`);
          return;
        }
        const fragment = href.split('#')[1];
        if (fragment && target.endsWith('.html') && page(build.dir, target.slice(build.dir.length + 1))(`[id="${fragment}"]`).length === 0) {
          broken.push(`${file}: ${href} has no #${fragment}`);
        }
      });
    }
    expect(broken).toEqual([]);
  });
});
