import { parse } from 'csv-parse/sync';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletText, csvColumns, evidenceText, neutraliseFormula, reportCsv } from '../../src/core/exports/csv.ts';
import { reportJson } from '../../src/core/exports/json.ts';
import { formatSize } from '../../src/core/format.ts';
import { loadContent } from '../../src/core/load.ts';
import type { Entry, Report } from '../../src/core/model.ts';
import { formulaLines, readCsvStrictly } from '../helpers/csv.ts';

const SMALL = resolve(import.meta.dirname, '../fixtures/small');
const report = loadContent(SMALL, { root: SMALL }).content!.reports[0]!;
const pageUrl = (e: { id: string }) => `/sample/${e.id}/`;

/** The small report with one entry changed. */
function withEntry(change: Partial<Entry>): Report {
  return { ...report, entries: [{ ...report.entries[0]!, ...change }] };
}
const readBack = (csv: string) => parse(csv, { bom: true, columns: true }) as Record<string, string>[];

describe('CSV escaping', () => {
  it('neutralises cells a spreadsheet would run as formulas: =, +, -, @, tab, carriage return', () => {
    for (const bad of ['=SUM(A1:A2)', '+1', '-2', '@cmd', '\tx', '\rx', '=HYPERLINK("https://example.org","x")']) expect(neutraliseFormula(bad)).toBe(`'${bad}`);
    for (const ok of ['Plain', '1-1 meetings', 'A = B', ' =not first', '', '“quoted”', 'two\n lines']) expect(neutraliseFormula(ok)).toBe(ok);
    expect(neutraliseFormula('first\n=second\n+third\nfourth\n@fifth')).toBe("first\n'=second\n'+third\nfourth\n'@fifth");
  });

  it('quotes commas, double quotes and line breaks (RFC 4180), and reads back the same', () => {
    const csv = reportCsv(
      withEntry({
        title: 'Commas, "quotes" and\na line break',
        sections: { undertaken: { html: '', text: '- one\n- two, "2"' }, outstanding: { html: '', text: 'plain\nlines' } },
        evidence: [{ title: 'Paper, agreed', date: '2023-03-23', url: 'https://example.org/a' }, { title: 'Other', note: 'attached' }],
      }),
      pageUrl,
    );
    expect(csv).toContain(',"Commas, ""quotes"" and\na line break",');
    // A line break alone (no comma or quote in the cell) is quoted too.
    expect(csv).toContain(',"plain\nlines",');
    const rows = readBack(csv);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      'Task / action': 'Commas, "quotes" and\na line break',
      'Activity undertaken': '• one\n• two, "2"',
      'Activity outstanding': 'plain\nlines',
      Evidence: 'Paper, agreed (2023-03-23) https://example.org/a\nOther — attached',
      Page: '/sample/gamma/',
    });
  });

  it('neutralises formula-looking cells in every column, and the parser reads them as text with the apostrophe', () => {
    const csv = reportCsv(
      withEntry({
        title: '=1+1',
        sections: { undertaken: { html: '', text: '@SUM(A1)' }, outstanding: { html: '', text: '+44 1234' } },
        evidence: [{ title: '-5 days' }],
        fields: { ...report.entries[0]!.fields, next_phase_text: '\tindented' },
      }),
      pageUrl,
    );
    const [row] = readBack(csv);
    expect(row).toMatchObject({
      'Task / action': "'=1+1",
      'Activity undertaken': "'@SUM(A1)",
      'Activity outstanding': "'+44 1234",
      Evidence: "'-5 days",
      'New phase (as worded in the plan)': "'\tindented",
    });
    const cells = (parse(csv, { bom: true }) as string[][]).flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });

  it('quotes every multi-line cell and neutralises formulas on every line: a strict reader (Python csv) sees one row of full width', () => {
    const csv = reportCsv(
      withEntry({
        title: 'First line\n=cmd|\' /C calc\'!A0',
        sections: {
          undertaken: { html: '', text: 'Agreed the plan\n=HYPERLINK("https://example.org","x")\n+1 more\n-2 fewer\n@SUM(A1)\n\tindented' },
          outstanding: { html: '', text: 'two\nplain lines' },
        },
        evidence: [{ title: 'Paper' }, { title: '=1+1' }],
        fields: { ...report.entries[0]!.fields, next_phase_text: ['one\nnext'] },
      }),
      pageUrl,
    );
    const rows = readCsvStrictly(csv);
    expect(rows).toHaveLength(2);
    const columns = csvColumns(report);
    expect(rows.map((r) => r.length)).toEqual([columns.length, columns.length]);
    expect(formulaLines(rows)).toEqual([]);
    const row = Object.fromEntries(columns.map((c, i) => [c.header, rows[1]![i]]));
    expect(row).toMatchObject({
      'Task / action': "First line\n'=cmd|' /C calc'!A0",
      'Activity undertaken': 'Agreed the plan\n\'=HYPERLINK("https://example.org","x")\n\'+1 more\n\'-2 fewer\n\'@SUM(A1)\n\'\tindented',
      'Activity outstanding': 'two\nplain lines',
      Evidence: "Paper\n'=1+1",
      'New phase (as worded in the plan)': 'one\nnext',
    });
  });

  it('starts with a byte-order mark, ends every record with CRLF, keeps accents, one row per entry', () => {
    const csv = reportCsv(withEntry({ title: 'Café – “naïve” façade ‘Reasonable Assurance’' }), pageUrl);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.split('\r\n')).toHaveLength(3); // header, one record, and nothing after the last CRLF
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${csvColumns(report).map((c) => c.header).join(',')}`);
    expect(readBack(csv)[0]!['Task / action']).toBe('Café – “naïve” façade ‘Reasonable Assurance’');
    expect(readBack(reportCsv(report, pageUrl)).map((r) => r['Id'])).toEqual(['gamma', 'alpha', 'beta']);
  });

  it('writes bullets and evidence as plain text', () => {
    expect(bulletText('- a\n  - b\nc - d')).toBe('• a\n  • b\nc - d');
    expect(evidenceText([{ title: 'T', date: '2024-01-02' }, { title: 'U', url: 'https://example.org' }])).toBe('T (2024-01-02)\nU https://example.org');
  });
});

describe('CSV columns', () => {
  it('are the report’s own, in table order, with the plan’s headings and an id column for each choice', () => {
    expect(csvColumns(report).map((c) => c.header)).toEqual([
      'Report', 'Row', 'Id', 'Order', 'Theme id', 'Theme', 'Task / action', 'Colour code id', 'Colour code', 'Activity undertaken', 'Activity outstanding',
      'New phase id', 'New phase', 'New phase (as worded in the plan)', 'Evidence', 'Last updated', 'Page',
    ]);
  });

  it('put several values of one field in one cell, one per line', () => {
    const csv = reportCsv(withEntry({ fields: { ...report.entries[0]!.fields, next_phase: ['later', 'nowhere'] } }), pageUrl);
    expect(readBack(csv)[0]).toMatchObject({ 'New phase id': 'later\nnowhere', 'New phase': 'Later\nNo further action' });
  });
});

describe('JSON', () => {
  it('is the model with a schema version, page addresses, plain-text sections and no file paths', () => {
    const json = JSON.parse(reportJson(report, pageUrl));
    expect(json.schemaVersion).toBe(2);
    expect(json.report.fields.map((f: { id: string }) => f.id)).toEqual(['theme', 'status', 'next_phase', 'next_phase_text']);
    expect(json.report.legend.map((l: { id: string }) => l.id)).toEqual(['done', 'moving']);
    expect(json.report.file).toBeUndefined();
    expect(json.entries.map((e: { id: string }) => e.id)).toEqual(['gamma', 'alpha', 'beta']);
    expect(json.entries[1]).toMatchObject({ title: 'Alpha action', fields: { theme: 'first-theme', status: 'done', next_phase: ['nowhere'] }, url: '/sample/alpha/', sections: { undertaken: '- Did the first thing\n- Did another thing', outstanding: '' } });
    expect(json.entries[1].file).toBeUndefined();
  });
});

describe('sizes', () => {
  it('says bytes, KB or MB', () => {
    expect(formatSize(900)).toBe('900 bytes');
    expect(formatSize(12_800)).toBe('13 KB');
    expect(formatSize(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
