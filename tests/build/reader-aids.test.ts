/**
 * Reader aids and open data on the real site: glossary and <abbr>, the summary,
 * data.csv / data.json read back and compared with the content, the feed, the
 * sitemap, robots.txt, canonical and Open Graph tags.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/core/load.ts';
import { htmlFiles, page } from '../helpers/html.ts';
import { CONTENT, ROOT, SITES } from '../helpers/paths.ts';
import { EXPECTED_LEGEND, EXPECTED_ROWS, REPORT } from './expected.ts';

const dist = SITES.root.dir;
const SITE = SITES.root.site!;
const content = loadContent(CONTENT, { root: ROOT }).content!;
const report = content.reports[0]!;

describe('glossary', () => {
  it('lists every term at /glossary/', () => {
    const $ = page(dist, 'glossary/');
    const terms = $('.glossary dt').map((_, dt) => $(dt).text()).get();
    expect(terms).toEqual(content.glossary.terms.map((t) => t.term).sort((a, b) => a.localeCompare(b, 'en-GB')));
    expect($('.glossary dd').map((_, dd) => $(dd).text()).get()).toContain('Single Assurance Framework');
  });

  it('explains SAF where an entry first uses it, focusable for keyboard users', () => {
    const $ = page(dist, `${REPORT}/project-management-best-practice/`);
    const abbr = $('main abbr').filter((_, a) => $(a).text() === 'SAF');
    expect(abbr.length).toBe(1);
    expect(abbr.attr('title')).toBe('Single Assurance Framework');
    expect(abbr.attr('tabindex')).toBe('0');
    // Not in the heading, which keeps its plain text.
    expect($('h1 abbr').length).toBe(0);
  });
});

describe('summary on the report page', () => {
  it('counts the actions by colour code and by new phase, as tables with numbers and labels', () => {
    const $ = page(dist, `${REPORT}/`);
    const rows = (id: string) =>
      $(`table[data-summary="${id}"] tbody tr`)
        .map((_, tr) => [[$(tr).find('th').text().replace(/^\S+\s/, (m) => (/[●■▲◆]/.test(m) ? '' : m)).trim(), Number($(tr).find('.bar__value').text())]])
        .get();
    expect(rows('status')).toEqual(Object.entries(EXPECTED_LEGEND).map(([id, label]) => [label, EXPECTED_ROWS.filter((r) => r.status === id).length]));
    const byNext = Object.fromEntries(rows('next') as [string, number][]);
    expect(Object.values(byNext).reduce((a, b) => a + b, 0)).toBe(EXPECTED_ROWS.length);
    expect(byNext['Continuous Improvement']).toBe(EXPECTED_ROWS.filter((r) => r.next === 'continuous-improvement').length);
    expect($('h2#summary-heading').text()).toBe(`Summary: ${EXPECTED_ROWS.length} actions`);
  });

  it('says when the report and each entry were last updated', () => {
    expect(page(dist, `${REPORT}/`)('p.meta').first().text()).toMatch(/^Last updated \d{1,2} \w+ \d{4}$/);
    const $ = page(dist, `${REPORT}/leadership/`);
    expect($('.summary-list dt').filter((_, dt) => $(dt).text() === 'Last updated').next().text()).toMatch(/^\d{1,2} \w+ \d{4}$/);
  });
});

describe('open data', () => {
  const csv = readFileSync(join(dist, REPORT, 'data.csv'), 'utf8');
  const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];

  it('data.csv is UTF-8 with a byte-order mark and CRLF, one row per entry, matching the content', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFReport,Id,Order,/);
    expect(rows.map((r) => r['Id'])).toEqual(EXPECTED_ROWS.map((r) => r.id));
    for (const [i, row] of rows.entries()) {
      const entry = report.entries[i]!;
      expect(row['Task/action']).toBe(entry.title);
      expect(row['Status']).toBe(EXPECTED_LEGEND[entry.status]);
      expect(row['Activity undertaken / evidence']).toBe(entry.sections.undertaken.text.replace(/^(\s*)- /gm, '$1• '));
      expect(row['Activity outstanding']).toBe(entry.sections.outstanding.text.replace(/^(\s*)- /gm, '$1• '));
      expect(row['Page']).toBe(`${SITE}/${REPORT}/${entry.id}/`);
    }
    // Accented and typographic characters intact.
    expect(rows.find((r) => r['Status'] === 'Completed – no further action')).toBeDefined();
    expect(rows.find((r) => r['Id'] === 'revise-embed-constitution-and-governance')!['Evidence']).toBe(
      'Internal audit review identifying ‘Reasonable Assurance’ — attached to the original document',
    );
  });

  it('data.json is the model with a schema version', () => {
    const json = JSON.parse(readFileSync(join(dist, REPORT, 'data.json'), 'utf8'));
    expect(json.schemaVersion).toBe(1);
    expect(json.report.title).toBe(report.title);
    expect(json.entries.map((e: { id: string }) => e.id)).toEqual(EXPECTED_ROWS.map((r) => r.id));
  });

  it('the report page links both downloads with their sizes', () => {
    const $ = page(dist, `${REPORT}/`);
    const links = $('.downloads a[download]').map((_, a) => [[$(a).attr('href'), $(a).parent().text()]]).get() as unknown as [string, string][];
    expect(links.map(([href]) => href)).toEqual([`/${REPORT}/data.csv`, `/${REPORT}/data.json`]);
    const kb = (file: string) => `${Math.round(readFileSync(join(dist, REPORT, file)).length / 1024)} KB`;
    expect(links[0]![1]).toContain(kb('data.csv'));
    expect(links[1]![1]).toContain(kb('data.json'));
  });
});

describe('feed, sitemap, robots, canonical', () => {
  it('feed.xml has every entry with its full address, newest first', () => {
    const xml = readFileSync(join(dist, 'feed.xml'), 'utf8');
    const entries = [...xml.matchAll(/<entry>[\s\S]*?<link href="([^"]+)"\/>[\s\S]*?<updated>([^<]+)<\/updated>/g)];
    expect(entries).toHaveLength(EXPECTED_ROWS.length);
    for (const [, href] of entries) expect(href).toMatch(new RegExp(`^${SITE}/${REPORT}/[a-z0-9-]+/$`));
    const dates = entries.map(([, , updated]) => updated!);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('sitemap.xml lists every page of the site', () => {
    const xml = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    const pages = htmlFiles(dist)
      .filter((f) => f !== '404.html')
      .map((f) => `${SITE}/${f.replace(/index\.html$/, '')}`);
    expect(locs.sort()).toEqual(pages.sort());
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}/sitemap.xml`);
  });

  it('every page has a canonical address and Open Graph title and description', () => {
    for (const file of htmlFiles(dist).filter((f) => f !== '404.html')) {
      const $ = page(dist, file);
      expect($('link[rel=canonical]').attr('href'), file).toMatch(new RegExp(`^${SITE}/`));
      expect($('meta[property="og:title"]').attr('content'), file).toBeTruthy();
      expect($('meta[property="og:description"]').attr('content'), file).toBeTruthy();
    }
    expect(page(dist, '')('link[rel=canonical]').attr('href')).toBe(`${SITE}/${REPORT}/`);
  });
});
