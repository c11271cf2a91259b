import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/core/load.ts';
import { orderResults, parseTableFilter, phraseQuery, rowMatches, tableFilterQuery } from '../../src/core/search.ts';
import { searchFilters, searchRecord } from '../../src/core/search-record.ts';

const SMALL = resolve(import.meta.dirname, '../fixtures/small');
const report = loadContent(SMALL, { root: SMALL }).content!.reports[0]!;
const allowed = { theme: ['first-theme', 'second-theme'], status: ['done', 'moving'], next_phase: ['later', 'nowhere'] };

describe('search record', () => {
  it('gives Pagefind readable filters, the result metadata and a sortable order', () => {
    const alpha = report.entries.find((e) => e.id === 'alpha')!;
    expect(searchRecord(report, alpha)).toEqual({
      filters: { report: ['Sample improvement plan'], theme: ['First theme'], status: ['Done'], next_phase: ['No further action'] },
      meta: { title: 'Alpha action', reference: 'Row 2', report: 'Sample improvement plan', status: 'Done', status_label: 'Colour code', status_id: 'done', status_colour: '#d9ead3', status_symbol: '●', group: 'First theme', group_label: 'Theme', entry: '1' },
      sort: { order: '000002' },
    });
    // On a site of several reports, each report's facets are filters of their own.
    expect(Object.keys(searchRecord(report, alpha, true).filters)).toEqual(['report', 'sample:theme', 'sample:status', 'sample:next_phase']);
    expect(searchFilters([report])).toEqual([
      { key: 'theme', label: 'Theme' },
      { key: 'status', label: 'Colour code' },
      { key: 'next_phase', label: 'New phase' },
    ]);
    expect(searchFilters([report, { ...report, id: 'other', title: 'Other plan' }]).map((f) => f.key)).toEqual([
      'report', 'sample:theme', 'sample:status', 'sample:next_phase', 'other:theme', 'other:status', 'other:next_phase',
    ]);
    expect(searchFilters([report, { ...report, id: 'other', title: 'Other plan' }])[4]).toEqual({ key: 'other:theme', label: 'Theme (Other plan)' });
  });
});

describe('result order', () => {
  it('puts entries before whole-table pages and exact phrases first, otherwise keeps the ranking', () => {
    const r = (id: string, isEntry: boolean, exact: boolean) => ({ id, isEntry, exact });
    expect(orderResults([r('table', false, true), r('a', true, false), r('b', true, true), r('c', true, false)]).map((x) => x.id)).toEqual(['b', 'a', 'c', 'table']);
  });

  it('makes a phrase query of several unquoted words only', () => {
    expect(phraseQuery('Monitoring Officer')).toBe('"Monitoring Officer"');
    expect(phraseQuery(' CIVIL ')).toBeUndefined();
    expect(phraseQuery('"already quoted" words')).toBeUndefined();
  });
});

describe('report-table filter', () => {
  it('reads known ids from the query string and ignores the rest', () => {
    expect(parseTableFilter('?status=done&theme=nope&next_phase=later&x=1', allowed)).toEqual({ theme: undefined, status: 'done', next_phase: 'later' });
    expect(parseTableFilter('', allowed)).toEqual({ theme: undefined, status: undefined, next_phase: undefined });
  });

  it('writes a stable query string, empty when nothing is chosen', () => {
    expect(tableFilterQuery({ theme: 'first-theme', status: undefined, next_phase: 'later' })).toBe('?theme=first-theme&next_phase=later');
    expect(tableFilterQuery({})).toBe('');
  });

  it('matches rows on every chosen facet', () => {
    const row = { theme: ['first-theme'], status: ['done'], next_phase: ['nowhere', 'later'] };
    expect(rowMatches(row, {})).toBe(true);
    expect(rowMatches(row, { status: 'done', theme: 'first-theme' })).toBe(true);
    expect(rowMatches(row, { status: 'moving' })).toBe(false);
    expect(rowMatches(row, { next_phase: 'later' })).toBe(true);
    // A row with several new phases matches each of them, and only them.
    const several = { ...row, next_phase: ['later', 'nowhere'] };
    expect(rowMatches(several, { next_phase: 'later' })).toBe(true);
    expect(rowMatches(several, { next_phase: 'nowhere' })).toBe(true);
    expect(rowMatches(several, { next_phase: 'late' })).toBe(false);
  });
});
