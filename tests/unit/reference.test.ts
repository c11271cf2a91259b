/**
 * A row's reference ("row 14", "Ref P1.2"): the declared reference field's
 * value, else the row number; the mistakes an editor can make declaring it;
 * and the reference column of data.csv and data.json.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.ts';
import { reportCsv } from '../../src/core/exports/csv.ts';
import { reportJson } from '../../src/core/exports/json.ts';
import { loadContent } from '../../src/core/load.ts';
import { referenceField, referenceInData, referenceLabel, referenceText, rowReference, tableColumns } from '../../src/core/model.ts';
import { readCsvStrictly } from '../helpers/csv.ts';

const SMALL = resolve(import.meta.dirname, '../fixtures/small');
const SHAPES = resolve(import.meta.dirname, '../fixtures/shapes');
const small = loadContent(SMALL, { root: SMALL }).content!.reports[0]!;
const tracker = loadContent(SHAPES, { root: SHAPES }).content!.reports.find((r) => r.id === 'tracker')!;
const TRACKER = 'reports/tracker/report.yaml';
const pageUrl = (e: { id: string }) => `/x/${e.id}/`;

function withChange(fixture: string, file: string, change: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'reference-'));
  cpSync(fixture, dir, { recursive: true });
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  return dir;
}
const errors = (dir: string) => loadContent(dir, { root: dir }).diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);

describe('rowReference', () => {
  it('is the row number (order) when the report declares no reference', () => {
    expect(small.reference).toBeUndefined();
    expect(small.entries.map((e) => [e.id, rowReference(small, e)])).toEqual([['gamma', '1'], ['alpha', '2'], ['beta', '3']]);
    expect(referenceLabel(small)).toBe('Row');
    expect(referenceText(small, '14')).toBe('Row 14');
  });

  it('is the declared field’s value, labelled with the field’s label', () => {
    expect(referenceField(tracker)?.id).toBe('reference');
    expect(tracker.entries.map((e) => [e.id, e.order, rowReference(tracker, e)])).toEqual([['potholes', 1, 'P1.2'], ['libraries', 2, 'PE3.1'], ['parks', 3, 'P2.4']]);
    expect(referenceLabel(tracker)).toBe('Ref');
    expect(referenceText(tracker, 'P2.4')).toBe('Ref P2.4');
  });

  it('reads a past edition’s reference from its frontmatter as written', () => {
    expect(referenceInData(small, { order: 7, title: 'x' })).toBe('7');
    expect(referenceInData(tracker, { order: 7, reference: 'CP-3' })).toBe('CP-3');
    expect(referenceInData(tracker, { order: 7 })).toBeUndefined();
  });

  it('leaves the reference field out of the other columns: the reference column shows it', () => {
    const ids = tableColumns(tracker).map((c) => (c.kind === 'field' ? c.field.id : c.section.id));
    expect(ids).toEqual(['owner', 'due_date', 'percentage_complete', 'update']);
  });
});

describe('declaring the reference in report.yaml', () => {
  it('names a field that does not exist, with the fields that could be the reference', () => {
    const dir = withChange(SHAPES, TRACKER, (t) => t.replace('reference: reference\n', 'reference: ref\n'));
    expect(errors(dir)).toEqual([
      expect.stringMatching(/^reports\/tracker\/report\.yaml:\d+: reference: "ref" is not a field of this report \(did you mean "reference"\? text and number fields: reference; or leave out "reference:" to refer to rows by their row number\)$/),
    ]);
  });

  it('refuses a field that is not text or a number', () => {
    const dir = withChange(SHAPES, TRACKER, (t) => t.replace('reference: reference\n', 'reference: due_date\n'));
    expect(errors(dir)).toEqual([expect.stringMatching(/reference: "due_date" is a date field, and a row’s reference must be one piece of text or a number \(choose one of: reference\)$/)]);
  });

  it('refuses a field that is not required', () => {
    const dir = withChange(SHAPES, TRACKER, (t) => t.replace('type: text, required: true, column: true', 'type: text, column: true'));
    expect(errors(dir)).toEqual([expect.stringMatching(/reference: "reference" is not required, so some rows could have no reference \(add "required: true" to the field reference\)$/)]);
  });

  it('names both files when two rows share a reference, at the reference’s line', () => {
    const dir = withChange(SHAPES, 'reports/tracker/parks.md', (t) => t.replace('reference: P2.4', 'reference: p1.2'));
    expect(errors(dir)).toEqual([
      'reports/tracker/potholes.md:3: reference: "P1.2" is also the reference of reports/tracker/parks.md (report.yaml names reference as each row’s own reference, which readers use to find it: give one of them another)',
      'reports/tracker/parks.md:3: reference: "p1.2" is also the reference of reports/tracker/potholes.md (report.yaml names reference as each row’s own reference, which readers use to find it: give one of them another)',
    ]);
  });
});

describe('the reference in data.csv and data.json', () => {
  it('is a "Row" column of row numbers without a declared reference (read back with Python’s csv)', () => {
    const [header, ...rows] = readCsvStrictly(reportCsv(small, pageUrl));
    expect(header!.slice(0, 4)).toEqual(['Report', 'Row', 'Id', 'Order']);
    expect(rows.map((r) => [r[1], r[2]])).toEqual(small.entries.map((e) => [String(e.order), e.id]));
  });

  it('is the declared field’s column, once, near the start', () => {
    const [header, ...rows] = readCsvStrictly(reportCsv(tracker, pageUrl));
    expect(header!.slice(0, 3)).toEqual(['Report', 'Ref', 'Id']);
    expect(header!.filter((h) => h === 'Ref')).toHaveLength(1);
    expect(rows.map((r) => [r[1], r[2]])).toEqual(tracker.entries.map((e) => [e.fields.reference, e.id]));
  });

  it('is each entry’s "reference" in data.json, and the report says which field it comes from', () => {
    const json = JSON.parse(reportJson(tracker, pageUrl));
    expect(json.report.reference).toBe('reference');
    expect(json.entries.map((e: { id: string; reference: string }) => [e.id, e.reference])).toEqual(tracker.entries.map((e) => [e.id, e.fields.reference]));
    const plain = JSON.parse(reportJson(small, pageUrl));
    expect(plain.report.reference).toBeUndefined();
    expect(plain.entries.map((e: { reference: string }) => e.reference)).toEqual(['1', '2', '3']);
  });
});
