/**
 * report.yaml declares its plan's shape: the messages an editor gets for a
 * mistake in the declarations, and entries checked against what is declared.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.ts';
import { loadContent } from '../../src/core/load.ts';
import { progress, statusOf } from '../../src/core/model.ts';
import { FIELD_TYPES, statuses } from '../../src/core/schema.ts';

const SMALL = resolve(import.meta.dirname, '../fixtures/small');
const SHAPES = resolve(import.meta.dirname, '../fixtures/shapes');

function withChange(fixture: string, file: string, change: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'shape-'));
  cpSync(fixture, dir, { recursive: true });
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  return dir;
}
const messages = (dir: string) => loadContent(dir, { root: dir }).diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
const REPORT = 'reports/sample/report.yaml';

describe('declarations in report.yaml', () => {
  it('names an unknown report setting with the nearest known one', () => {
    const dir = withChange(SMALL, REPORT, (t) => t.replace('subtitle:', 'contcat: x\nsubtitle:'));
    expect(messages(dir)[0]).toMatch(/^reports\/sample\/report\.yaml:2: contcat: "contcat" is not a known report setting \(did you mean "contact"\? known: title, subtitle, organisation, as_at, source, contact, unit,/);
  });

  it('names a facet of an undeclared field with the nearest choice field', () => {
    const dir = withChange(SMALL, REPORT, (t) => t.replace('  - field: theme\n', '  - field: themes\n'));
    expect(messages(dir)).toEqual([`${REPORT}:57: facets 1, field: "themes" is not a choice or status field of this report (did you mean "theme"? choice and status fields: theme, status, next_phase)`]);
  });

  it('refuses a field type it does not know, listing the types', () => {
    const dir = withChange(SMALL, REPORT, (t) => t.replace('type: text', 'type: words'));
    expect(messages(dir)[0]).toBe(`${REPORT}:34: fields 4, type: "words" must be one of: ${Object.keys(FIELD_TYPES).join(', ')} (write the type as plain text after "type: ")`);
  });

  it('refuses to group rows by a field that can hold several values', () => {
    const dir = withChange(SMALL, REPORT, (t) => t.replace('group_by: theme', 'group_by: next_phase'));
    expect(messages(dir)).toEqual([`${REPORT}:37: group_by: "next_phase" is not a required choice field with one value per entry (fields that can group rows: theme, status)`]);
  });

  it('refuses a built-in field declared again', () => {
    const dir = withChange(SMALL, REPORT, (t) => t.replace('  - id: next_phase_text\n', '  - id: order\n'));
    expect(messages(dir)[0]).toMatch(/^reports\/sample\/report\.yaml:32: fields 4, id: "order" is a field every entry has already \(choose another id; title, order, evidence, updated are built in\)/);
  });

  it('checks the entries against the fields the report declares, and says how to declare a new one', () => {
    // "owner" is two letters away from "order": not a likely typo, so no "did you mean".
    const dir = withChange(SMALL, 'reports/sample/alpha.md', (t) => t.replace('order: 2', 'order: 2\nowner: Someone'));
    expect(messages(dir)).toEqual([
      'reports/sample/alpha.md:7: owner: "owner" is not a known entry field (to add a new column, declare it in reports/sample/report.yaml under "fields:", e.g. - { id: owner, label: Owner, type: text, column: true }; docs/editing.md lists the other types; known: title, theme, status, next_phase, next_phase_text, order, evidence, updated)',
    ]);
  });

  it('gives a declaration to copy with a valid id when the unknown setting is not written as one', () => {
    const dir = withChange(SMALL, 'reports/sample/alpha.md', (t) => t.replace('order: 2', 'order: 2\nLead officer: Someone'));
    expect(messages(dir)).toEqual([
      'reports/sample/alpha.md:7: Lead officer: "Lead officer" is not a known entry field (to add a new column, declare it in reports/sample/report.yaml under "fields:", e.g. - { id: lead_officer, label: Lead officer, type: text, column: true }, and write it "lead_officer:" here; docs/editing.md lists the other types; known: title, theme, status, next_phase, next_phase_text, order, evidence, updated)',
    ]);
  });
});

describe('plans of other shapes (tests/fixtures/shapes)', () => {
  const { content, diagnostics } = loadContent(SHAPES, { root: SHAPES });
  const tracker = content!.reports.find((r) => r.id === 'tracker')!;
  const review = content!.reports.find((r) => r.id === 'review')!;

  it('load without a problem', () => {
    expect(diagnostics).toEqual([]);
  });

  it('read typed values: a date, a percentage, a person, and a status inside a stage', () => {
    const potholes = tracker.entries.find((e) => e.id === 'potholes')!;
    expect(potholes.fields).toEqual({ reference: 'P1.2', directorate: 'place', owner: 'Highways team', due_date: '2025-09-30', stage: 'amber', percentage_complete: 60 });
    expect(statusOf(tracker, potholes)).toMatchObject({ id: 'amber', stage: { id: 'in-progress', label: 'In progress' } });
    expect(statuses(tracker).map((s) => s.id)).toEqual(['not-started', 'green', 'amber', 'red', 'complete']);
    expect(potholes.sections.update!.text).toBe('Contractor capacity reduced in May; recovery plan agreed.');
  });

  it('count progress from the statuses marked done, or from the totals a document declares', () => {
    expect(progress(tracker)).toEqual({ done: 1, total: 3 });
    expect(progress(review)).toEqual({ done: 190, total: 215 });
  });

  it('refuse a percentage over 100 and a date that is not one', () => {
    const dir = withChange(SHAPES, 'reports/tracker/potholes.md', (t) => t.replace('percentage_complete: 60', 'percentage_complete: 160').replace("due_date: '2025-09-30'", 'due_date: next spring'));
    expect(messages(dir)).toEqual([
      `reports/tracker/potholes.md:6: due_date: "next spring" must be a date written YYYY-MM-DD, e.g. 2024-03-01 (write the date as YYYY-MM-DD in quotes, e.g. due_date: '2025-03-31')`,
      'reports/tracker/potholes.md:8: percentage_complete: 160 must be 100 or less (write a number from 0 to 100 after "percentage_complete: ", without quotes or the % sign)',
    ]);
  });
});
