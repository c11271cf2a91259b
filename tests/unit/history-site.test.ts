/** The site's view of history: a report's ReportShape from its declarations, and history.csv. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusMove } from '../../src/core/history/changes.ts';
import { historyCsv, reportShape } from '../../src/core/history/site.ts';
import { loadContent } from '../../src/core/load.ts';

const SHAPES = resolve(import.meta.dirname, '../fixtures/shapes');

describe('reportShape', () => {
  const tracker = loadContent(SHAPES, { root: SHAPES }).content!.reports.find((r) => r.id === 'tracker')!;
  const shape = reportShape(tracker);

  it('takes the status field, the date fields and the legend from the declarations', () => {
    expect(shape.statusKey).toBe('stage');
    expect(shape.dateKeys).toEqual(['due_date']);
    expect(shape.ignoreKeys).toEqual(['order', 'updated']);
    expect(shape.legend.filter((s) => s.done).map((s) => s.id)).toEqual(['complete']);
  });

  it('ranks the legend’s top level; the colours of one stage share its rank', () => {
    expect(statusMove('not-started', 'green', shape).kind).toBe('better');
    expect(statusMove('red', 'not-started', shape).kind).toBe('worse');
    expect(statusMove('amber', 'complete', shape).kind).toBe('complete');
    expect(statusMove('complete', 'green', shape).kind).toBe('worse');
    expect(statusMove('green', 'red', shape).kind).toBe('changed');
  });
});

describe('historyCsv', () => {
  it('writes quoted line breaks and neutralises formulas, read back by Python’s csv', () => {
    const rows = [
      { entry: 'a', reference: '3', title: 'A, with a comma', edition: '2025-06-30', previous: '2025-03-31', field: 'owner', from: 'Team one\nTeam two', to: '=HYPERLINK("x")' },
      { entry: 'b', reference: '-1', title: '"Quoted"', edition: '2025-06-30', previous: '2025-03-31', field: 'entry', from: '', to: 'added' },
    ];
    const file = join(mkdtempSync(join(tmpdir(), 'history-csv-')), 'history.csv');
    writeFileSync(file, historyCsv(rows));
    const script = 'import csv, json, sys\nwith open(sys.argv[1], newline="", encoding="utf-8-sig") as f:\n    print(json.dumps(list(csv.reader(f, strict=True))))';
    const read = JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
    expect(read).toEqual([
      ['Entry', 'Reference', 'Title', 'Edition', 'Previous edition', 'Field', 'From', 'To'],
      ['a', '3', 'A, with a comma', '2025-06-30', '2025-03-31', 'owner', 'Team one\nTeam two', '\'=HYPERLINK("x")'],
      ['b', "'-1", '"Quoted"', '2025-06-30', '2025-03-31', 'entry', '', 'added'],
    ]);
  });
});
