/**
 * Plans of other shapes (tests/fixtures/shapes): a quarterly tracker (a
 * reference, an owner, a target date, a stage with RAG colours inside it, a
 * percentage, an update; no next phase) and a review that lists only its
 * exceptions under categories with declared totals. Built once, with the PDF:
 * every declared column, section and facet appears with the plan's own
 * heading in the table, the entry pages, the facet pages, the filters, the
 * search filters, the CSV (read back with Python's csv module), the JSON and
 * the PDF; each report names its own organisation; nothing of the shipped
 * report is left.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlFiles, page } from '../helpers/html.ts';
import { ROOT } from '../helpers/paths.ts';
import { buildEnv } from '../helpers/build.ts';

const FIXTURE = join(ROOT, 'tests/fixtures/shapes');
const dist = join(mkdtempSync(join(tmpdir(), 'shapes-')), 'dist');
const text = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A CSV file as rows of {header: cell}, read by Python's csv module (not the writer's library). */
function readCsv(file: string): Record<string, string>[] {
  const script = 'import csv, json, sys\nwith open(sys.argv[1], newline="", encoding="utf-8-sig") as f:\n    print(json.dumps(list(csv.DictReader(f, strict=True))))';
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
}

describe('plans of other shapes', () => {
  beforeAll(() => {
    const result = spawnSync(process.execPath, ['src/cli/build.ts', '--outDir', dist, '--content', FIXTURE], { cwd: ROOT, env: buildEnv({ BASE: '/' }), encoding: 'utf8' });
    if (result.status !== 0) throw new Error(result.stdout + result.stderr);
  });

  it('puts the declared columns in the table, in the plan’s order and words, and groups rows by the declared field', () => {
    const $ = page(dist, 'tracker/');
    expect($('table.plan-table thead th').map((_, th) => text($(th).text())).get()).toEqual(['Ref', 'Action', 'Owner', 'Target date', '% complete', 'Quarter update']);
    const row = $('tr[data-entry="potholes"]');
    expect(row.find('td').map((_, td) => text($(td).text())).get()).toEqual(['P1.2', 'Highways team', '30 September 2025', '60%', 'Contractor capacity reduced in May; recovery plan agreed.']);
    expect(text(row.find('.tag .tag__label').text())).toBe('RAG: In progress: Amber – at risk');
    expect($('tbody .theme-row th').map((_, th) => text($(th).text())).get()).toEqual(['Directorate: Place', 'Directorate: People']);
    const review = page(dist, 'review/');
    expect(review('table.plan-table thead th').map((_, th) => text(review(th).text())).get()).toEqual(['Row', 'Recommendation', 'Explanation']);
    // The review's entries wrote "## Comments" for one of them: an alias of the declared section.
    expect(text(review('tr[data-entry="member-training"] td:not([data-reference])').text())).toBe('Training delivered to every member.');
  });

  it('shows the report’s details: organisation, reporting date, source, contact, progress and the legend with its stage and totals', () => {
    const $ = page(dist, 'tracker/');
    expect(text($('.site-title small').text())).toBe('Example Borough Council');
    expect(text($('[data-as-at]').text())).toBe('As at 30 June 2025.');
    // One reporting date in the fixture's history (or no history, in a copy outside git): no changes to show.
    expect($('[data-first-edition], [data-no-history]').length).toBe(1);
    expect($('[data-changes-link], [data-progress-editions], [data-changed]').length).toBe(0);
    expect($('.report-details > div').map((_, d) => [[$(d).find('dt').text(), $(d).find('dd').text()]]).get()).toEqual([
      ['Source document', 'Council plan quarterly overview (fixture)'],
      ['Contact', 'Performance team'],
    ]);
    expect(text($('[data-progress]').text())).toBe('1 of 3 complete');
    expect($('.legend [data-stage="in-progress"] [data-legend]').map((_, li) => $(li).attr('data-legend')).get()).toEqual(['green', 'amber', 'red']);
    const review = page(dist, 'review/');
    expect(text(review('.site-title small').text())).toBe('Example District Council');
    expect(text(review('[data-progress]').text())).toBe('190 of 215 complete');
    expect(text(review('[data-legend="implemented"]').text())).toBe('●Implemented (1 recommendation; 190 in the document) – Done as recommended.');
    expect(text(review('h2#summary-heading').text())).toBe('Summary: 2 recommendations');
  });

  it('shows every declared field and section on an entry page, with its label', () => {
    const $ = page(dist, 'tracker/potholes/');
    const pairs = $('.summary-list > div[data-field]').map((_, d) => [[text($(d).find('dt').text()), text($(d).find('dd').text())]]).get();
    expect(pairs).toEqual([
      ['Ref', 'P1.2'],
      ['Directorate', 'Place'],
      ['Owner', 'Highways team'],
      ['Target date', '30 September 2025'],
      ['RAG', 'In progress: Amber – at risk'],
      ['% complete', '60%'],
    ]);
    // Its own reference at the top ("Ref P1.2"), so the row's place in the table is said too.
    expect(text($('.entry-reference').text())).toBe('Ref P1.2');
    expect([text($('[data-position] dt').text()), text($('[data-position] dd').text())]).toEqual(['Position in the table', 'Row 1 of the table']);
    expect($('h2[data-section]').map((_, h) => $(h).text()).get()).toEqual(['Quarter update']);
    expect(text($('.pager').text())).toContain('Next action');
    // A field not given says so.
    expect(text(page(dist, 'tracker/parks/')('div[data-field="owner"] dd').text())).toBe('Not given');
  });

  it('gives every facet its pages at its declared address, and a table filter with its values', () => {
    expect(text(page(dist, 'tracker/status/amber/')('h1 .caption').text())).toBe('RAG – In progress');
    expect(text(page(dist, 'tracker/status/amber/')('h1').text())).toBe('RAG – In progressAmber – at risk');
    expect(page(dist, 'tracker/status/amber/')('tr.entry-row').map((_, tr) => tr.attribs['data-entry']).get()).toEqual(['potholes']);
    expect(page(dist, 'tracker/directorates/place/')('tr.entry-row').map((_, tr) => tr.attribs['data-entry']).get()).toEqual(['potholes', 'parks']);
    expect(page(dist, 'review/categories/not-implemented/')('tr.entry-row').map((_, tr) => tr.attribs['data-entry']).get()).toEqual(['housing-rents']);
    const $ = page(dist, 'tracker/');
    expect($('form[data-table-filter] label').map((_, l) => $(l).text()).get()).toEqual(['RAG', 'Directorate']);
    expect($('#filter-stage option').map((_, o) => $(o).text()).get()).toEqual(['All', 'Not started', 'In progress: Green – on track', 'In progress: Amber – at risk', 'In progress: Red – off track', 'Complete']);
    expect($('tr[data-entry="potholes"]').attr('data-facet-stage')).toBe('amber');
    expect($('.views h2').map((_, h) => $(h).text()).get()).toEqual(['By RAG', 'By directorate']);
  });

  it('gives the search a filter per facet of each report, never merging two reports’ values, and names each result’s report', () => {
    const filters = JSON.parse(page(dist, 'search/')('[data-search]').attr('data-filters')!);
    expect(filters).toEqual([
      { key: 'report', label: 'Report' },
      { key: 'tracker:stage', label: 'RAG (Council plan tracker (fixture))' },
      { key: 'tracker:directorate', label: 'Directorate (Council plan tracker (fixture))' },
      { key: 'review:category', label: 'Category (Best Value review of improvement plans (fixture))' },
    ]);
    const $ = page(dist, 'tracker/potholes/');
    const indexed = $('[data-pagefind-filter]').map((_, s) => [[$(s).attr('data-pagefind-filter'), $(s).attr('data-value')]]).get();
    expect(indexed).toEqual([
      ['report[data-value]', 'Council plan tracker (fixture)'],
      ['tracker:stage[data-value]', 'Amber – at risk'],
      ['tracker:directorate[data-value]', 'Place'],
    ]);
    expect($('[data-pagefind-meta="report[data-value]"]').attr('data-value')).toBe('Council plan tracker (fixture)');
  });

  it('exports the declared fields and sections as CSV and JSON columns', () => {
    const rows = readCsv(join(dist, 'tracker/data.csv'));
    expect(Object.keys(rows[0]!)).toEqual(['Report', 'Ref', 'Id', 'Order', 'Directorate id', 'Directorate', 'Action', 'RAG id', 'RAG', 'Quarter update', 'Owner', 'Target date', '% complete', 'Evidence', 'Last updated', 'Page']);
    expect(rows[0]).toMatchObject({ Id: 'potholes', 'RAG id': 'amber', RAG: 'Amber – at risk', Ref: 'P1.2', Owner: 'Highways team', 'Target date': '2025-09-30', '% complete': '60' });
    const json = JSON.parse(readFileSync(join(dist, 'review/data.json'), 'utf8'));
    expect(json.report).toMatchObject({ total: 215, unit: { singular: 'recommendation', plural: 'recommendations' } });
    expect(json.entries.map((e: { id: string; fields: unknown; sections: unknown }) => [e.id, e.fields, e.sections])).toEqual([
      ['housing-rents', { category: 'not-implemented' }, { explanation: 'Deferred until the new housing system is installed.' }],
      ['member-training', { category: 'implemented' }, { explanation: 'Training delivered to every member.' }],
    ]);
  });

  it('refers to each row by the reference report.yaml declares, in the tables, entry pages, CSV and JSON', () => {
    const refs = (p: ReturnType<typeof page>) => p('tr.entry-row').map((_, tr) => [[p(tr).attr('data-entry'), text(p(tr).find('td[data-reference]').text())]]).get();
    // Rows grouped by directorate: Place (potholes, parks), then People (libraries).
    expect(refs(page(dist, 'tracker/'))).toEqual([['potholes', 'P1.2'], ['parks', 'P2.4'], ['libraries', 'PE3.1']]);
    expect(refs(page(dist, 'tracker/directorates/place/'))).toEqual([['potholes', 'P1.2'], ['parks', 'P2.4']]);
    expect(text(page(dist, 'tracker/status/amber/')('thead th').first().text())).toBe('Ref');
    expect(text(page(dist, 'tracker/parks/')('[data-reference]').text())).toBe('Ref P2.4');
    const rows = readCsv(join(dist, 'tracker/data.csv'));
    expect(rows.map((r) => [r.Id, r.Ref])).toEqual([['potholes', 'P1.2'], ['libraries', 'PE3.1'], ['parks', 'P2.4']]);
    const json = JSON.parse(readFileSync(join(dist, 'tracker/data.json'), 'utf8'));
    expect(json.report.reference).toBe('reference');
    expect(json.entries.map((e: { id: string; reference: string }) => [e.id, e.reference])).toEqual([['potholes', 'P1.2'], ['libraries', 'PE3.1'], ['parks', 'P2.4']]);
    // The review declares none: its rows are referred to by their row number.
    expect(refs(page(dist, 'review/'))).toEqual([['housing-rents', '1'], ['member-training', '2']]);
    expect(text(page(dist, 'review/member-training/')('[data-reference]').text())).toBe('Row 2');
  });

  it('prints the declared columns in the PDF', () => {
    const pdf = execFileSync('pdftotext', ['-layout', join(dist, 'tracker/tracker.pdf'), '-'], { encoding: 'utf8' });
    for (const words of ['Quarter update', 'Target date', '% complete', '30 September 2025', 'Highways team', '1 of 3 complete', 'Example Borough Council']) expect(pdf).toContain(words);
    // The reporting date (as_at), in place of this site's own date.
    expect(pdf).toContain('As at 30 June 2025.');
    expect(pdf).not.toContain('Last updated on this site');
  });

  it('keeps nothing of the shipped report or of another plan’s words', () => {
    for (const file of htmlFiles(dist)) {
      expect(readFileSync(join(dist, file), 'utf8'), file).not.toMatch(/New phase|Activity undertaken|Activity outstanding|Task \/ action|Colour code|Combined Authority/);
    }
  });
});
