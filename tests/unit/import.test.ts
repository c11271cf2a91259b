import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellToMarkdown, detectDelimiter, importCsv, mapColumns, parseEvidence, parseMap, parseValues, parseValuesFile, readDate, suggestChoice } from '../../src/core/import/index.ts';
import { loadContent } from '../../src/core/load.ts';
import { reportSchema } from '../../src/core/schema.ts';
import { parseYaml } from '../../src/core/yaml.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/import');
const SMALL = join(ROOT, 'tests/fixtures/small');
const report = reportSchema.parse(parseYaml(readFileSync(join(SMALL, 'reports/sample/report.yaml'), 'utf8')).data);

/** A copy of the small fixture with an empty report folder (report.yaml only). */
function emptyReport(): string {
  const dir = mkdtempSync(join(tmpdir(), 'import-'));
  cpSync(SMALL, dir, { recursive: true });
  for (const f of readdirSync(join(dir, 'reports/sample'))) if (f.endsWith('.md')) rmSync(join(dir, 'reports/sample', f));
  return dir;
}
const run = (args: string[]) => spawnSync(process.execPath, ['src/cli/import.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

describe('import: reading the CSV', () => {
  it('reads UTF-8 with a byte-order mark, semicolons and quoted multi-line cells', () => {
    const result = importCsv(readFileSync(join(FIXTURES, 'semicolon-bom.csv'), 'utf8'), report);
    expect(result.problems).toEqual([]);
    expect(result.mapping).toMatchObject({ Theme: 'theme', 'Phase 2 Tasks/Actions': 'title', 'New Phase': 'next_phase', Status: 'status' });
    expect(result.entries.map((e) => e.id)).toEqual(['agree-the-plan-with-partners', 'review-the-register']);
    expect(result.entries[0]!.markdown).toBe(
      '---\ntitle: "Agree the plan; with partners"\ntheme: first-theme\nstatus: done\nnext_phase: later\norder: 1\n---\n\n## Activity undertaken\n\n- Board paper agreed\n- Café consultation held\n\n## Activity outstanding\n\n- Publish it\n',
    );
    expect(result.entries[1]!.markdown).toContain('status: moving\nnext_phase: nowhere\norder: 2');
  });

  it('lists values it cannot map with the nearest id, and skips empty rows', () => {
    const result = importCsv(readFileSync(join(FIXTURES, 'unknown-values.csv'), 'utf8'), report);
    expect(result.entries.map((e) => e.row)).toEqual([2, 3]);
    expect(result.problems).toEqual([
      { row: 2, column: 'Theme', field: 'theme', message: '"Frist theme" is not a theme of the report: did you mean "first-theme"? choices: second-theme, first-theme' },
      { row: 2, column: 'RAG', field: 'status', message: '"Complete" is not a colour code of the report: choices: done, moving' },
      { row: 3, column: 'New phase', field: 'next_phase', message: '"Phase 3" is not a new phase of the report: choices: later, nowhere' },
    ]);
    expect(result.entries[0]!.markdown).toContain('title: "An action with a\\ntitle over two lines"');
    expect(result.entries[1]!.markdown).toContain('## Activity outstanding\n\nLine one\nLine two\n');
  });

  it('maps other header names with --map', () => {
    const text = readFileSync(join(FIXTURES, 'custom-headers.csv'), 'utf8');
    expect(importCsv(text, report).problems[0]).toMatchObject({ field: 'title', message: expect.stringContaining('no column for the title') });
    const mapped = importCsv(text, report, { map: parseMap('Workstream=Theme,What we will do=title,Where it goes=next_phase', report) });
    expect(() => parseMap('Workstream=theem', report)).toThrow('--map: "theem" is not a field of the report (did you mean "theme"?');
    expect(mapped.problems).toEqual([]);
    expect(mapped.entries[0]!.markdown).toContain('title: "Custom headers action"\ntheme: first-theme\nstatus: moving\nnext_phase: nowhere');
  });

  it('leaves a required value that is not given empty, for check to ask for, instead of choosing one', () => {
    const result = importCsv('Title,Theme,Status\nAn action,First theme,\n', report);
    expect(result.problems).toEqual([
      { row: 1, field: 'next_phase', message: 'no column gives New phase, which is required: every entry is written without it, for npm run check to ask for; add --map "Your header=next_phase" if a column holds it, or write one of: later, nowhere in each entry' },
      { row: 2, column: 'Status', field: 'status', message: 'is empty; Colour code is required: write one of: done, moving' },
    ]);
    expect(result.entries[0]!.markdown).toContain('theme: first-theme\nstatus:\nnext_phase:\norder: 1');
  });

  it('reads several values of a multi-valued field, one per line or separated by semicolons', () => {
    const result = importCsv('Title,Theme,Status,New phase\nAn action,First theme,Done,"Later\nNo further action"\n', report);
    expect(result.problems).toEqual([]);
    expect(result.entries[0]!.markdown).toContain('next_phase: [later, nowhere]');
  });

  it('turns cells into list items and evidence', () => {
    expect(cellToMarkdown('• a\r\n  • b\n\n* c\n1. d\nplain')).toBe('- a\n  - b\n- c\n- d\nplain');
    expect(parseEvidence('Board paper (2023-03-23) https://example.org/p — attached\nOther')).toEqual([
      { title: 'Board paper', date: '2023-03-23', url: 'https://example.org/p', note: 'attached' },
      { title: 'Other' },
    ]);
    expect(mapColumns(['Theme', 'Theme id'], report).mapping).toEqual({ 'Theme id': 'theme' });
  });
});

describe('import: nothing lost without a word', () => {
  it('takes the delimiter from the header row only, so a semicolon inside a comma-separated cell stays in it', () => {
    expect(detectDelimiter('\uFEFFTitle,Theme,Status\r\nA; b,c;d,e\r\n')).toBe(',');
    expect(detectDelimiter('Title;Theme;"Status, as at June"\nA,b;c;d\n')).toBe(';');
    expect(detectDelimiter('Title\tTheme\nA;b,c\td\n')).toBe('\t');
    expect(detectDelimiter('Title\nA;b\n')).toBe(',');
    const result = importCsv('Title,Theme,Status,New phase\nShare the protocol; comments due 14 May,First theme,Done,Later\n', report);
    expect(result.problems).toEqual([]);
    expect(result.entries[0]!.title).toBe('Share the protocol; comments due 14 May');
    // --delimiter is taken as given, never together with another.
    const semicolons = importCsv('Title;Theme\nA, b;First theme\n', report, { delimiter: ';' });
    expect([semicolons.delimiter, semicolons.entries[0]!.title]).toEqual([';', 'A, b']);
    expect(semicolons.entries[0]!.markdown).toContain('theme: first-theme');
    const commas = importCsv('Title;Theme\nA, b;First theme\n', report, { delimiter: ',' });
    expect(commas.mapping).toEqual({});
    expect(commas.problems[0]).toMatchObject({ row: 1, field: 'title', message: expect.stringContaining('no column for the title') });
  });

  it('lists a column that maps to nothing, with its rows, and cells beyond the last header', () => {
    const result = importCsv('Title,Theme,Status,New phase,Notes\nA,First theme,Done,Later,Keep this\nB,First theme,Done,Later,,extra\n', report);
    expect(result.unmappedColumns).toEqual(['Notes']);
    expect(result.problems).toEqual([
      { row: 1, column: 'Notes', field: '-', message: expect.stringMatching(/^maps to no field: its 1 filled cell \(row 2\) were not imported; to import it, add --map "Notes=field"/) },
      { row: 3, column: 'column 6 (no header)', field: '-', message: '"extra" is beyond the last header: not imported' },
    ]);
  });

  it('says when a label column beside an id column does not match it (this site\'s data.csv)', () => {
    const result = importCsv('Title,Theme id,Theme,Status,New phase\nA,first-theme,First theme,Done,Later\nB,first-theme,Second theme,Done,Later\n', report);
    expect(result.notes).toContainEqual({ row: 1, column: 'Theme', field: 'theme', message: 'repeats the labels of the "Theme id" column, which was imported' });
    expect(result.problems).toEqual([{ row: 3, column: 'Theme', field: 'theme', message: '"Second theme" does not match the "Theme id" column ("first-theme"): the id was imported, this cell was not' }]);
  });

  it('lists a number that is not a number, and writes it as it is for check to flag', () => {
    const tracker = reportSchema.parse(parseYaml(readFileSync(join(ROOT, 'tests/fixtures/shapes/reports/tracker/report.yaml'), 'utf8')).data);
    const result = importCsv('Ref,Action,Directorate,RAG,% complete\nP1,A,Place,Green,45%\nP2,B,People,Red,about half\n', tracker, { dates: 'uk' });
    expect(result.entries.map((e) => /percentage_complete: (.*)/.exec(e.markdown)![1])).toEqual(['45', '"about half"']);
    expect(result.problems).toEqual([
      { row: 3, column: '% complete', field: 'percentage_complete', message: '"about half" is not a number from 0 to 100, without the % sign; it is written as it is, for npm run check to flag' },
    ]);
  });

  it('reads DD/MM/YYYY day first for UK spreadsheets, and otherwise only when one reading is a real date', () => {
    expect(readDate('2025-03-31', 'uk')).toEqual({ value: '2025-03-31' });
    expect(readDate('03/04/2025', 'uk')).toEqual({ value: '2025-04-03', note: '"03/04/2025" read as 3 April 2025: written 2025-04-03' });
    expect(readDate('03/04/2025', 'us')).toEqual({ value: '2025-03-04', note: '"03/04/2025" read as 4 March 2025: written 2025-03-04' });
    expect(readDate('03/04/2025', 'auto')).toEqual({ error: '"03/04/2025" could be 3 April 2025 or 4 March 2025: add --dates uk if the spreadsheet writes the day first, --dates us if the month' });
    expect(readDate('31/03/2025', 'auto')).toEqual({ value: '2025-03-31', note: '"31/03/2025" read as 31 March 2025: written 2025-03-31' });
    expect(readDate('05/05/2025', 'auto')).toMatchObject({ value: '2025-05-05' });
    expect(readDate('31/02/2025', 'uk')).toEqual({ error: '"31/02/2025" is not a real date read day first: write it YYYY-MM-DD' });
    expect(readDate('2025-02-30', 'uk')).toEqual({ error: '"2025-02-30" is not a real date' });
    expect(readDate('31/03/25', 'uk')).toMatchObject({ error: expect.stringContaining('with a four-figure year') });
  });

  it('maps spreadsheet values with --values or a mapping file, and refuses values the report does not have', () => {
    const values = parseValues(['Colour code:Green=done,Amber=moving'], report);
    expect(values).toEqual({ status: { green: 'done', amber: 'moving' } });
    expect(parseValues(['status:Green=done;New phase:P3=later'], report)).toEqual({ status: { green: 'done' }, next_phase: { p3: 'later' } });
    expect(() => parseValues(['Colour code:Green=dne'], report)).toThrow('--values: "dne" is not a colour code of the report (did you mean "done"?');
    expect(() => parseValues(['Colur:Green=done'], report)).toThrow('--values: "Colur" is not a field of the report');
    expect(() => parseValues(['Green=done'], report)).toThrow('--values: "Green=done" should read "Field:Spreadsheet value=value,…"');
    expect(parseValuesFile({ 'Colour code': { Green: 'done' } }, report, 'map.yaml')).toEqual({ status: { green: 'done' } });
    expect(() => parseValuesFile({ status: 'done' }, report, 'map.yaml')).toThrow('map.yaml: "status" has no values under it');

    const result = importCsv('Title,Theme,RAG,New phase\nA,First theme,GREEN,Later\nB,First theme,Amber,Later\n', report, { values });
    expect(result.problems).toEqual([]);
    expect(result.entries.map((e) => /status: (.*)/.exec(e.markdown)![1])).toEqual(['done', 'moving']);
    expect(result.notes).toEqual([
      { row: 2, column: 'RAG', field: 'status', message: '"GREEN" written done (--values)' },
      { row: 3, column: 'RAG', field: 'status', message: '"Amber" written moving (--values)' },
    ]);
  });

  it('suggests a --values argument from the labels the values match, and writes unknown values as they are', () => {
    const legend = [
      { id: 'on-track', label: 'Green – on track' },
      { id: 'at-risk', label: 'Amber: at risk' },
      { id: 'done', label: 'Complete' },
    ];
    expect(suggestChoice('Green', legend)).toBe('on-track');
    expect(suggestChoice('at RISK', legend)).toBe('at-risk');
    expect(suggestChoice('Red', legend)).toBeUndefined();
    expect(suggestChoice('track', [...legend, { id: 'off-track', label: 'Red – off track' }])).toBeUndefined();

    const result = importCsv('Title,Theme,Status,New phase\nA,First theme,On,Later\nB,First theme,Blue,Later\nC,First theme,On,Later\n', report);
    // "On" is a word of "Moving on" only; "Blue" matches no label.
    expect(result.suggestions).toEqual([{ field: 'status', pairs: [['On', 'moving']], argument: '--values "Colour code:On=moving"' }]);
    expect(result.entries[0]!.markdown).toContain('status: "On"\n');
    expect(result.entries[1]!.markdown).toContain('status: "Blue"\n');
  });
});

// Each case runs the command (a Node process): slow on a busy machine.
describe('npm run import', { timeout: 60_000 }, () => {
  it('writes entries that pass check, and never overwrites without --force', () => {
    const content = emptyReport();
    const first = run([join(FIXTURES, 'semicolon-bom.csv'), '--report', 'sample', '--content', content]);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('2 entries written');
    const loaded = loadContent(content, { root: content });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.content!.reports[0]!.entries.map((e) => e.title)).toEqual(['Agree the plan; with partners', 'Review the register']);

    const path = join(content, 'reports/sample/review-the-register.md');
    const before = readFileSync(path, 'utf8');
    const again = run([join(FIXTURES, 'semicolon-bom.csv'), '--report', 'sample', '--content', content]);
    expect(again.stdout).toContain('review-the-register.md already exists (use --force to overwrite it)');
    expect(again.stdout).toContain('0 entries written');
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(run([join(FIXTURES, 'semicolon-bom.csv'), '--report', 'sample', '--content', content, '--force']).stdout).toContain('2 entries written');
    // Three runs of the command: each starts Node, over 1.5 s on a loaded 2-core machine (the default 5 s was missed in npm test).
  }, 30_000);

  it('says clearly when the report does not exist', () => {
    const result = run([join(FIXTURES, 'semicolon-bom.csv'), '--report', 'nope', '--content', SMALL]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/reports\/nope\/report\.yaml does not exist/);
    expect(existsSync(join(SMALL, 'reports/nope'))).toBe(false);
  });
});
