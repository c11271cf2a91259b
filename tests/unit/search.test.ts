import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/core/load.ts';
import { orderResults, parseTableFilter, phraseQuery, rowMatches, searchRecord, tableFilterQuery } from '../../src/core/search.ts';

const SMALL = resolve(import.meta.dirname, '../fixtures/small');
const report = loadContent(SMALL, { root: SMALL }).content!.reports[0]!;
const allowed = { themes: ['first-theme', 'second-theme'], statuses: ['done', 'moving'], destinations: ['later', 'nowhere'] };

describe('search record', () => {
  it('gives Pagefind readable filters, the result metadata and a sortable order', () => {
    const alpha = report.entries.find((e) => e.id === 'alpha')!;
    expect(searchRecord(report, alpha)).toEqual({
      filters: { report: 'Sample improvement plan', theme: 'First theme', status: 'Done', destination: ['No further action'] },
      meta: { title: 'Alpha action', status: 'Done', status_id: 'done', status_colour: '#d9ead3', status_symbol: '●', theme: 'First theme' },
      sort: { order: '000002' },
    });
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
    expect(parseTableFilter('?status=done&theme=nope&next=later&x=1', allowed)).toEqual({ theme: undefined, status: 'done', next: 'later' });
    expect(parseTableFilter('', allowed)).toEqual({ theme: undefined, status: undefined, next: undefined });
  });

  it('writes a stable query string, empty when nothing is chosen', () => {
    expect(tableFilterQuery({ next: 'later', theme: 'first-theme' })).toBe('?theme=first-theme&next=later');
    expect(tableFilterQuery({})).toBe('');
  });

  it('matches rows on every chosen facet', () => {
    const row = { theme: 'first-theme', status: 'done', next: 'nowhere' };
    expect(rowMatches(row, {})).toBe(true);
    expect(rowMatches(row, { status: 'done', theme: 'first-theme' })).toBe(true);
    expect(rowMatches(row, { status: 'moving' })).toBe(false);
    // A row with several new phases (ids separated by spaces) matches each of them, and only them.
    const several = { ...row, next: 'later nowhere' };
    expect(rowMatches(several, { next: 'later' })).toBe(true);
    expect(rowMatches(several, { next: 'nowhere' })).toBe(true);
    expect(rowMatches(several, { next: 'late' })).toBe(false);
  });
});
