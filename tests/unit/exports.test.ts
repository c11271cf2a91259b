import { parse } from 'csv-parse/sync';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletText, evidenceText, neutraliseFormula, reportCsv } from '../../src/core/exports/csv.ts';
import { reportJson } from '../../src/core/exports/json.ts';
import { formatSize } from '../../src/core/format.ts';
import { atomFeed, sitemap } from '../../src/core/feed.ts';
import { loadContent } from '../../src/core/load.ts';

const SMALL = resolve(import.meta.dirname, '../fixtures/small');
const report = loadContent(SMALL, { root: SMALL }).content!.reports[0]!;

describe('CSV', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const bad of ['=SUM(A1:A2)', '+1', '-2', '@cmd', '\tx', '\rx']) expect(neutraliseFormula(bad)).toBe(`'${bad}`);
    for (const ok of ['Plain', '1-1 meetings', 'A = B', '']) expect(neutraliseFormula(ok)).toBe(ok);
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and reads back the same', () => {
    const tricky = {
      ...report,
      entries: [
        {
          ...report.entries[0]!,
          title: 'Commas, "quotes" and =formula',
          sections: { undertaken: { html: '', text: '- one\n- two, "2"' }, outstanding: { html: '', text: '=HYPERLINK("x")' } },
          evidence: [{ title: 'Paper, agreed', date: '2023-03-23', url: 'https://example.org/a' }, { title: 'Other' }],
        },
      ],
    };
    const csv = reportCsv(tricky, (e) => `/sample/${e.id}/`);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('"Commas, ""quotes"" and =formula"');
    expect(csv.split('\r\n')).toHaveLength(3); // header, one record, final empty
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      'Task/action': 'Commas, "quotes" and =formula',
      'Activity undertaken / evidence': '• one\n• two, "2"',
      'Activity outstanding': `'=HYPERLINK("x")`,
      Evidence: 'Paper, agreed (2023-03-23) https://example.org/a\nOther',
      Page: '/sample/gamma/',
    });
  });

  it('writes bullets and evidence as plain text', () => {
    expect(bulletText('- a\n  - b\nc - d')).toBe('• a\n  • b\nc - d');
    expect(evidenceText([{ title: 'T', date: '2024-01-02' }, { title: 'U', url: 'https://example.org' }])).toBe('T (2024-01-02)\nU https://example.org');
    expect(formatSize(900)).toBe('900 bytes');
    expect(formatSize(12_800)).toBe('13 KB');
  });
});

describe('JSON', () => {
  it('is the model with a schema version and page addresses', () => {
    const json = JSON.parse(reportJson(report, (e) => `/sample/${e.id}/`));
    expect(json.schemaVersion).toBe(1);
    expect(json.report.legend.map((l: { id: string }) => l.id)).toEqual(['done', 'moving']);
    expect(json.entries.map((e: { id: string }) => e.id)).toEqual(['gamma', 'alpha', 'beta']);
    expect(json.entries[1]).toMatchObject({ title: 'Alpha action', url: '/sample/alpha/', sections: { undertaken: '- Did the first thing\n- Did another thing', outstanding: '' } });
  });
});

describe('feed and sitemap', () => {
  it('lists entries newest first with escaped text', () => {
    const xml = atomFeed({
      title: 'Plan & more',
      url: 'https://plan.example.org/',
      selfUrl: 'https://plan.example.org/feed.xml',
      author: 'Council',
      items: [
        { title: 'Old <one>', url: 'https://plan.example.org/a/', updated: '2024-01-01T00:00:00.000Z', summary: 'A' },
        { title: 'New', url: 'https://plan.example.org/b/', updated: '2024-03-01T00:00:00.000Z', summary: 'B & C' },
      ],
    });
    expect(xml).toContain('<title>Plan &amp; more</title>');
    expect(xml).toContain('<updated>2024-03-01T00:00:00.000Z</updated>\n  <author>');
    expect(xml.indexOf('<title>New</title>')).toBeLessThan(xml.indexOf('<title>Old &lt;one&gt;</title>'));
    expect(xml).toContain('<summary>B &amp; C</summary>');
  });

  it('writes a sitemap with dates', () => {
    expect(sitemap([{ url: 'https://plan.example.org/', lastmod: '2024-03-01T10:00:00Z' }, { url: 'https://plan.example.org/x/' }])).toContain(
      '<url><loc>https://plan.example.org/</loc><lastmod>2024-03-01</lastmod></url>\n  <url><loc>https://plan.example.org/x/</loc></url>',
    );
  });
});
