import { describe, expect, it } from 'vitest';
import { dateFix, hasCurlyQuotes, quoteYaml, spaceAfterColon, suggestDate } from '../../src/core/messages/hints.ts';
import { parseYaml } from '../../src/core/yaml.ts';

describe('dates written another way', () => {
  it('converts a day-first date that cannot be month-first', () => {
    expect(suggestDate('20/03/2024')).toEqual({ date: '2024-03-20' });
    expect(suggestDate('5/3/2024')).toEqual({ either: ['2024-03-05', '2024-05-03'] });
    expect(suggestDate('31.1.2025')).toEqual({ date: '2025-01-31' });
    expect(suggestDate('07-07-2024')).toEqual({ date: '2024-07-07' });
    expect(dateFix('20/03/2024')).toBe('write 2024-03-20');
  });

  it('converts year-first dates with other separators or single digits', () => {
    expect(suggestDate('2024/03/20')).toEqual({ date: '2024-03-20' });
    expect(suggestDate('2024-3-5')).toEqual({ date: '2024-03-05' });
  });

  it('gives both readings when the day could be the month', () => {
    expect(dateFix('03/04/2024')).toBe('write 2024-04-03 for 3 April 2024, or 2024-03-04 for 4 March 2024');
  });

  it('converts a date with the month in words, as plans and spreadsheets write it', () => {
    expect(suggestDate('31 March 2025')).toEqual({ date: '2025-03-31' });
    expect(suggestDate('31st Mar 2025')).toEqual({ date: '2025-03-31' });
    expect(suggestDate('31-Mar-2025')).toEqual({ date: '2025-03-31' });
    expect(suggestDate('March 31, 2025')).toEqual({ date: '2025-03-31' });
    expect(suggestDate('1 Sept 2025')).toEqual({ date: '2025-09-01' });
    expect(suggestDate('30 February 2025')).toBeUndefined();
    expect(suggestDate('31 Smarch 2025')).toBeUndefined();
  });

  it('a month-first date (US) with the day over 12 has one reading', () => {
    expect(suggestDate('03/20/2024')).toEqual({ date: '2024-03-20' });
  });

  it('suggests nothing for dates that do not exist or are not dates', () => {
    expect(suggestDate('31/02/2024')).toBeUndefined();
    expect(suggestDate('2024/02/30')).toBeUndefined();
    expect(suggestDate('20/03/24')).toBeUndefined();
    expect(suggestDate('March 2024')).toBeUndefined();
    expect(dateFix('soon')).toBeUndefined();
  });
});

describe('quoting a value for YAML', () => {
  it('takes off curly quotes typed around the value and puts straight ones', () => {
    expect(quoteYaml('“Review: phase 2”')).toBe('"Review: phase 2"');
    expect(quoteYaml('‘Review: phase 2’')).toBe('"Review: phase 2"');
    expect(hasCurlyQuotes('“Review: phase 2”')).toBe(true);
    expect(hasCurlyQuotes('Review: phase 2')).toBe(false);
  });

  it('keeps quotes that belong to the text, and uses single quotes around double ones', () => {
    expect(quoteYaml('“Risk” plan: “new”')).toBe('"“Risk” plan: “new”"');
    expect(quoteYaml('He said "yes": done')).toBe(`'He said "yes": done'`);
    expect(quoteYaml(`It's "done": yes`)).toBe(`'It''s "done": yes'`);
    // What the hint suggests reads back as the text.
    for (const text of ['He said "yes": done', `It's "done": yes`, 'Review: phase 2']) {
      expect(parseYaml(`title: ${quoteYaml(text)}\n`).data).toEqual({ title: text });
    }
  });
});

describe('a field without a space after its colon', () => {
  it('is recognised with or without a list dash, and web addresses are left alone', () => {
    expect(spaceAfterColon('status:move-on')?.hint).toBe('put a space after the colon: status: move-on');
    expect(spaceAfterColon('  - title:Board paper')?.hint).toBe('put a space after the colon: title: Board paper');
    expect(spaceAfterColon('https://example.org')).toBeUndefined();
    expect(spaceAfterColon('status: move-on')).toBeUndefined();
  });

  it('in YAML: one message on the line, also when the line is the only one', () => {
    expect(parseYaml('title: A\nstatus:move-on\ntheme: b\n').problems).toEqual([
      { line: 2, message: 'there is no space after the colon in "status:move-on"', hint: 'put a space after the colon: status: move-on' },
    ]);
    expect(parseYaml('status:move-on\n').problems.map((p) => p.line)).toEqual([1]);
  });
});

describe('a tab in the indentation', () => {
  it('gives one message per tab line, and none on the correct lines after it', () => {
    const yaml = 'title: A\nlegend:\n  - id: done\n\tlabel: Done\n    colour: "#d9ead3"\n  - id: moving\n    label: Moving\n';
    expect(parseYaml(yaml).problems).toEqual([
      { line: 4, message: 'a tab is used for indenting on this line; YAML needs spaces', hint: 'replace the tab with spaces, lined up with the lines above it' },
    ]);
  });

  it('keeps problems on lines before the tab', () => {
    const yaml = 'title: A\ntitle: B\nlegend:\n  - id: done\n\tlabel: Done\n    colour: x\n';
    expect(parseYaml(yaml).problems.map((p) => p.message)).toEqual(['the field "title" is written twice', 'a tab is used for indenting on this line; YAML needs spaces']);
  });
});
