/**
 * Reader aids and open data on the real site: glossary and <abbr>, the summary,
 * data.csv / data.json read back with a CSV parser and compared with the
 * content, the feed, the sitemap, robots.txt, canonical and Open Graph tags.
 * The root build has SITE set; the /plan build has not, and shows what a
 * build without a public address leaves out.
 */
import { load } from 'cheerio';
import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEED_LIMIT } from '../../src/core/feed.ts';
import { formatDate, formatSize } from '../../src/core/format.ts';
import { loadContent } from '../../src/core/load.ts';
import { choice, valuesOf } from '../../src/core/model.ts';
import { formulaLines, readCsvStrictly } from '../helpers/csv.ts';
import { htmlFiles, page } from '../helpers/html.ts';
import { CONTENT, ROOT, SITES } from '../helpers/paths.ts';
import { EXPECTED_LEGEND, EXPECTED_ROWS, REPORT } from '../helpers/expected.ts';

const dist = SITES.root.dir;
const SITE = SITES.root.site;
const content = loadContent(CONTENT, { root: ROOT }).content!;
const report = content.reports[0]!;
const xml = (file: string) => load(readFileSync(join(dist, file), 'utf8'), { xml: true });
const pages = (dir: string) => htmlFiles(dir).filter((f) => f !== '404.html');

describe('glossary', () => {
  it('lists every term at /glossary/, and the ones the plan does not explain apart', () => {
    const $ = page(dist, 'glossary/');
    const listed = $('.glossary > div').map((_, div) => [[$(div).find('dt').text(), $(div).find('dd').text()]]).get() as unknown as [string, string][];
    expect(listed).toEqual(content.glossary.terms.map((t) => [t.term, t.expansion]).sort(([a], [b]) => a!.localeCompare(b!, 'en-GB')));
    expect(listed).toContainEqual(['SAF', 'Single Assurance Framework']);
    expect($('.glossary-unexplained li').map((_, li) => $(li).text()).get()).toEqual(['BC', 'CMT']);
  });

  it('explains SAF where an entry first uses it, focusable for keyboard users, not in the heading', () => {
    const $ = page(dist, `${REPORT}/project-management-best-practice/`);
    expect($('h1').text()).toContain('SAF');
    const abbr = $('main abbr').filter((_, a) => $(a).text() === 'SAF');
    expect(abbr.length).toBe(1);
    expect(abbr.attr('title')).toBe('Single Assurance Framework');
    expect(abbr.attr('tabindex')).toBe('0');
  });

  it('marks each term once per page, never inside a link, heading, code or another abbreviation', () => {
    for (const file of htmlFiles(dist)) {
      const $ = page(dist, file);
      const titles = $('main abbr').map((_, a) => $(a).attr('title')).get();
      expect(titles.length, file).toBe(new Set(titles).size);
      expect($('a abbr, h1 abbr, h2 abbr, h3 abbr, h4 abbr, code abbr, abbr abbr').length, file).toBe(0);
    }
  });

  it('on the report page, marks the first use in reading order of every term the introduction and table use', () => {
    const $ = page(dist, `${REPORT}/`);
    // The parts the plugin marks, in reading order, and their words outside links.
    const parts = $('.introduction, table.plan-table td').toArray();
    const words = (els: typeof parts) => els.map((el) => $(el).clone().find('a').remove().end().text()).join('\n');
    const uses = (term: string, text: string) => new RegExp(`(?<![\\p{L}\\p{N}&])${term}s?(?![\\p{L}\\p{N}&])`, 'u').test(text);
    const used = content.glossary.terms.filter((t) => uses(t.term, words(parts)));
    expect(used.map((t) => t.term)).toEqual(expect.arrayContaining(['CA', 'CPCA', 'SAF', 'IIB', 'O&S', 'Q1&2']));
    for (const t of used) {
      const abbrs = $('main abbr').filter((_, a) => $(a).attr('title') === t.expansion);
      expect(abbrs.length, t.term).toBe(1);
      const first = parts.findIndex((el) => $(el).find(abbrs).length > 0);
      expect(uses(t.term, words(parts.slice(0, first))), `${t.term} used before its <abbr>`).toBe(false);
    }
  });
});

describe('summary on the report page', () => {
  it('counts the actions by colour code and by new phase, as tables with numbers and labels', () => {
    const $ = page(dist, `${REPORT}/`);
    const rows = (id: string) =>
      $(`table[data-summary="${id}"] tbody tr`)
        .map((_, tr) => [[$(tr).find('th').clone().find('[aria-hidden]').remove().end().text().trim(), Number($(tr).find('.bar__value').text())]])
        .get() as unknown as [string, number][];
    expect(rows('status')).toEqual(Object.entries(EXPECTED_LEGEND).map(([id, label]) => [label, EXPECTED_ROWS.filter((r) => r.status === id).length]));
    const destinations = report.fields.find((f) => f.id === 'next_phase')!.values!;
    expect(rows('next_phase')).toEqual(destinations.map((d) => [d.label, EXPECTED_ROWS.filter((r) => r.next.includes(d.id)).length]));
    // The progress headline: the rows whose colour code the legend marks done.
    const done = EXPECTED_ROWS.filter((r) => r.status.startsWith('completed-')).length;
    expect($('[data-progress]').text()).toBe(`${done} of ${EXPECTED_ROWS.length} complete`);
    expect($('h2#summary-heading').text()).toBe(`Summary: ${EXPECTED_ROWS.length} actions`);
    // Bars in the legend colours, no inline style (the CSP forbids it).
    expect($('table[data-summary="status"] .bar').map((_, b) => $(b).attr('class')).get().every((c) => /(?:^| )legend--[a-z0-9-]+(?: |$)/.test(c!))).toBe(true);
    expect($('.summary [style]').length).toBe(0);
  });

  it('says when the report and each entry were last updated on this site (not the document’s date)', () => {
    const $r = page(dist, `${REPORT}/`);
    // The shipped report.yaml has no date of its own: the only date is this site's.
    expect($r('p.meta').first().text()).toBe(`Last updated on this site ${formatDate(report.lastUpdated.slice(0, 10))}`);
    expect($r('p.meta time').attr('datetime')).toBe(report.lastUpdated);
    for (const entry of report.entries) {
      const $ = page(dist, `${REPORT}/${entry.id}/`);
      const dd = $('.summary-list dt').filter((_, dt) => $(dt).text() === 'Last updated on this site').next();
      expect(dd.text(), entry.id).toBe(formatDate(entry.lastUpdated.slice(0, 10)));
    }
  });
});

describe('open data', () => {
  const csvFile = join(dist, REPORT, 'data.csv');
  const csv = readFileSync(csvFile, 'utf8');
  const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];

  it('data.csv is UTF-8 with a byte-order mark and CRLF between records', () => {
    expect(readFileSync(csvFile).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFReport,Row,Id,Order,/);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Every record ends with CRLF: as many CRLFs as records (header included).
    expect(csv.split('\r\n').length - 1).toBe(rows.length + 1);
  });

  it('data.csv has one row per entry, every column matching the content, accents intact', () => {
    expect(rows.map((r) => r['Id'])).toEqual(EXPECTED_ROWS.map((r) => r.id));
    const bullets = (text: string) => text.replace(/^(\s*)- /gm, '$1• ');
    for (const [i, row] of rows.entries()) {
      const entry = report.entries[i]!;
      expect(row, entry.id).toEqual({
        Report: REPORT,
        Row: String(entry.order),
        Id: entry.id,
        Order: String(entry.order),
        'Theme id': entry.fields.theme,
        Theme: choice(report, 'theme', String(entry.fields.theme)).label,
        'Task / action': entry.title,
        'Status id': entry.fields.status,
        Status: EXPECTED_LEGEND[String(entry.fields.status)],
        'Activity undertaken / evidence (completed)': bullets(entry.sections.undertaken!.text),
        'Activity outstanding': bullets(entry.sections.outstanding!.text),
        'New phase id': valuesOf(entry, 'next_phase').join('\n'),
        'New phase': valuesOf(entry, 'next_phase').map((v) => choice(report, 'next_phase', v).label).join('\n'),
        'New phase (as worded in the plan)': valuesOf(entry, 'next_phase_text').join('\n'),
        Evidence: entry.evidence.map((e) => [e.title, e.date && `(${e.date})`, e.url, e.note && `— ${e.note}`].filter(Boolean).join(' ')).join('\n'),
        'Last updated': entry.lastUpdated.slice(0, 10),
        Page: `${SITE}/${REPORT}/${entry.id}/`,
      });
    }
    expect(rows.find((r) => r['Id'] === 'review-procurement-strategy')!['New phase id']).toBe('directorate-business-plan-2024-25\ncontinuous-improvement');
    expect(rows.filter((r) => r['Status'] === 'Completed - no further action')).toHaveLength(EXPECTED_ROWS.filter((r) => r.status === 'completed-no-further-action').length);
    expect(rows.find((r) => r['Id'] === 'revise-embed-constitution-and-governance')!['Evidence']).toBe(
      'Internal audit review identifying ‘Reasonable Assurance’ — attached to the original document',
    );
  });

  it('data.csv reads in a strict reader (Python csv) as one row per entry of data.json, every row as wide as the header, no formula on any line', () => {
    const strict = readCsvStrictly(readFileSync(csvFile));
    const entries = (JSON.parse(readFileSync(join(dist, REPORT, 'data.json'), 'utf8')) as { entries: unknown[] }).entries;
    expect(entries).toHaveLength(report.entries.length);
    const [header, ...records] = strict;
    expect(header![0]).toBe('Report'); // 16 columns today; derived from the header so that new fields need no edit here
    expect(records).toHaveLength(entries.length);
    expect(strict.filter((r) => r.length !== header!.length)).toEqual([]);
    expect(records.map((r) => r[header!.indexOf('Id')])).toEqual(report.entries.map((e) => e.id));
    // The shipped content has cells of several lines: the check above is not empty-handed.
    expect(records.some((r) => r.some((cell) => cell.includes('\n')))).toBe(true);
    expect(formulaLines(strict)).toEqual([]);
  });

  it('data.csv has no cell a spreadsheet would run as a formula', () => {
    const cells = (parse(csv, { bom: true }) as string[][]).flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });

  it('data.json is the model with a schema version', () => {
    const json = JSON.parse(readFileSync(join(dist, REPORT, 'data.json'), 'utf8'));
    expect(json.schemaVersion).toBe(2);
    expect(json.report).toMatchObject({ id: REPORT, title: report.title, legend: report.legend.map((l) => expect.objectContaining({ id: l.id, label: l.label, colour: l.colour })), lastUpdated: report.lastUpdated });
    expect(json.entries).toHaveLength(report.entries.length);
    for (const [i, e] of (json.entries as Record<string, unknown>[]).entries()) {
      const entry = report.entries[i]!;
      expect(e).toEqual({
        id: entry.id,
        report: REPORT,
        title: entry.title,
        fields: entry.fields,
        order: entry.order,
        reference: String(entry.order),
        evidence: JSON.parse(JSON.stringify(entry.evidence)),
        ...(entry.updated ? { updated: entry.updated } : {}),
        lastUpdated: entry.lastUpdated,
        url: `${SITE}/${REPORT}/${entry.id}/`,
        sections: { undertaken: entry.sections.undertaken!.text, outstanding: entry.sections.outstanding!.text },
      });
    }
    // The values by the ids report.yaml declares, as the document prints them.
    const values = (json.entries as { id: string; fields: Record<string, unknown> }[]).map((e) => [e.id, e.fields.theme, e.fields.status, e.fields.next_phase]);
    expect(values).toEqual(EXPECTED_ROWS.map((r) => [r.id, r.themeId, r.status, r.next]));
    expect(json.report.fields.map((f: { id: string; label: string }) => [f.id, f.label])).toEqual([
      ['theme', 'Theme'],
      ['status', 'Status'],
      ['next_phase', 'New phase'],
      ['next_phase_text', 'New phase (as worded in the plan)'],
    ]);
  });

  it('the report page links both downloads with their sizes, as built', () => {
    const $ = page(dist, `${REPORT}/`);
    const links = $('.downloads a[download]').map((_, a) => [[$(a).attr('href'), $(a).parent().text()]]).get() as unknown as [string, string][];
    expect(links.map(([href]) => href)).toEqual([`/${REPORT}/data.csv`, `/${REPORT}/data.json`]);
    expect(links[0]![1]).toContain(formatSize(statSync(join(dist, REPORT, 'data.csv')).size));
    expect(links[1]![1]).toContain(formatSize(statSync(join(dist, REPORT, 'data.json')).size));
  });
});

describe('feed, sitemap, robots, canonical (SITE set)', () => {
  it('feed.xml is Atom with every entry, its full address and last-updated date, newest first', () => {
    const $ = xml('feed.xml');
    expect($('feed').attr('xmlns')).toBe('http://www.w3.org/2005/Atom');
    expect($('feed > id').text()).toBe(`${SITE}/`);
    expect($('feed > link[rel=self]').attr('href')).toBe(`${SITE}/feed.xml`);
    const entries = $('entry')
      .map((_, e) => [[$(e).find('title').text(), $(e).find('id').text(), $(e).find('link').attr('href'), $(e).find('updated').text()]])
      .get() as unknown as string[][];
    expect(entries).toHaveLength(Math.min(report.entries.length, FEED_LIMIT));
    const expected = [...report.entries]
      .sort((a, b) => b.lastUpdated.localeCompare(a.lastUpdated) || a.title.localeCompare(b.title))
      .map((e) => [e.title, `${SITE}/${REPORT}/${e.id}/`, `${SITE}/${REPORT}/${e.id}/`, e.lastUpdated]);
    expect(entries).toEqual(expected);
    expect($('feed > updated').text()).toBe(expected[0]![3]);
    expect(page(dist, '')('link[rel=alternate][type="application/atom+xml"]').attr('href')).toBe('/feed.xml');
  });

  it('sitemap.xml lists every page of the site with full addresses, entries with their dates', () => {
    const $ = xml('sitemap.xml');
    const urls = $('url').map((_, u) => [[$(u).find('loc').text(), $(u).find('lastmod').text()]]).get() as unknown as [string, string][];
    expect(urls.map(([loc]) => loc).sort()).toEqual(pages(dist).map((f) => `${SITE}/${f.replace(/index\.html$/, '')}`).sort());
    const lastmod = new Map(urls);
    for (const e of report.entries) expect(lastmod.get(`${SITE}/${REPORT}/${e.id}/`)).toBe(e.lastUpdated.slice(0, 10));
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toBe(`User-agent: *\nAllow: /\nSitemap: ${SITE}/sitemap.xml\n`);
  });

  it('every page has a canonical address and Open Graph title and description', () => {
    for (const file of pages(dist)) {
      const $ = page(dist, file);
      const path = file.replace(/index\.html$/, '');
      expect($('link[rel=canonical]').attr('href'), file).toBe(path === '' ? `${SITE}/${REPORT}/` : `${SITE}/${path}`);
      expect($('meta[property="og:title"]').attr('content'), file).toBeTruthy();
      expect($('meta[property="og:description"]').attr('content'), file).toBeTruthy();
    }
    const $ = page(dist, `${REPORT}/leadership/`);
    expect($('meta[property="og:title"]').attr('content')).toBe('Leadership / Officer & Member behaviours');
    expect($('meta[property="og:url"]').attr('content')).toBe(`${SITE}/${REPORT}/leadership/`);
  });

  it('the 404 page has no canonical address or og:url: it is served at any missing address, and /404/ is itself missing', () => {
    const $ = page(dist, '404.html');
    expect($('h1').text()).toBe('Page not found');
    expect($('link[rel=canonical], meta[property="og:url"]').length).toBe(0);
    expect($('meta[property="og:title"]').attr('content')).toBe('Page not found');
    expect(existsSync(join(dist, '404', 'index.html'))).toBe(false);
  });
});

describe('without SITE (the /plan build)', () => {
  const base = SITES.base;

  it('leaves out the feed and the sitemap, which need full addresses, and links to neither', () => {
    expect('site' in base).toBe(false);
    expect(existsSync(join(base.dir, 'feed.xml'))).toBe(false);
    expect(existsSync(join(base.dir, 'sitemap.xml'))).toBe(false);
    expect(readFileSync(join(base.dir, 'robots.txt'), 'utf8')).toBe('User-agent: *\nAllow: /\n');
    for (const file of pages(base.dir)) expect(readFileSync(join(base.dir, file), 'utf8'), file).not.toContain('feed.xml');
  });

  it('has no canonical or Open Graph address, but still the downloads, summary and glossary', () => {
    const $ = page(base.dir, `${REPORT}/`);
    expect($('link[rel=canonical], meta[property^="og:"]').length).toBe(0);
    expect($('.downloads a[download]').map((_, a) => $(a).attr('href')).get()).toEqual([`/plan/${REPORT}/data.csv`, `/plan/${REPORT}/data.json`]);
    const rows = parse(readFileSync(join(base.dir, REPORT, 'data.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    // Without a public address the CSV names each page by its path on the site.
    expect(rows.map((r) => r['Page'])).toEqual(EXPECTED_ROWS.map((r) => `/plan/${REPORT}/${r.id}/`));
    expect($('table[data-summary="status"] tbody tr')).toHaveLength(report.legend.length);
    expect(page(base.dir, 'glossary/')('.glossary dt')).toHaveLength(content.glossary.terms.length);
  });
});

describe('the accessibility statement says what is true of the shipped site', () => {
  const $ = page(dist, 'accessibility/');
  const text = (selector: string) => $(selector).text().replace(/\s+/g, ' ').trim();

  it('names the abbreviations the glossary leaves unexplained instead of claiming it explains them all', () => {
    // The shipped glossary lists some as not explained, and /glossary/ shows them so.
    expect(content.glossary.unexplained.length).toBeGreaterThan(0);
    expect(page(dist, 'glossary/')('.glossary-unexplained li').length).toBe(content.glossary.unexplained.length);
    expect(text('main')).not.toContain('every abbreviation is explained');
    expect(text('[data-simple]')).toContain('explains the abbreviations the plan uses, except a few whose meaning the plan does not give');
    expect($('[data-simple] a').attr('href')).toBe('/glossary/');
  });

  it('gives "partially compliant" a reason the page shows: no issue is listed, so "until it has been reviewed"', () => {
    expect($('[data-known-issues]').length).toBe(0);
    expect(text('[data-no-known-issues]')).toBe('We do not know of any part of this website that is not accessible.');
    expect(text('[data-compliance]')).toMatch(/^This website is partially compliant with the Web Content Accessibility Guidelines version 2\.2 AA standard until it has been reviewed/);
    expect(text('main')).not.toMatch(/listed above|listed below/);
  });

  it('says the checks are the project’s tests, run before each publication by the GitHub Pages workflow, not on every build', () => {
    expect(text('main')).not.toMatch(/each time the site is built|every build/i);
    expect(text('[data-testing]')).toContain("The software's workflow for publishing on GitHub Pages runs these tests before each publication.");
    // What it claims is so: the workflow runs the tests before it builds and publishes.
    const workflow = readFileSync(join(ROOT, '.github/workflows/deploy.yml'), 'utf8');
    expect(workflow.indexOf('run: npm test')).toBeGreaterThan(0);
    expect(workflow.indexOf('run: npm test')).toBeLessThan(workflow.indexOf('run: npm run build'));
    // The contact and review date are the publisher's to give: none is made up.
    expect(text('main')).toContain('has not yet published contact details');
    expect(text('main')).toContain('The date of its last review has not yet been recorded.');
  });
});
