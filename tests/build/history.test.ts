/**
 * Editions and history, on a fixture repository made here with real commits:
 * the tracker fixture (tests/fixtures/shapes) in three editions (as_at
 * 2025-03-31, 2025-06-30, 2025-09-30) with a status newly complete, one better,
 * one worse, a target date slipped, an entry added and one removed (whose
 * status the legend no longer has). Built once, under /plan with SITE set.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { launch, openPage } from '../helpers/browser.ts';
import { htmlFiles, page } from '../helpers/html.ts';
import { serve } from '../helpers/static-server.ts';
import { ROOT } from '../helpers/paths.ts';
import { buildEnv } from '../helpers/build.ts';
import { pdfLinks, pdftext } from '../helpers/pdf.ts';
import { routesAndBuild } from '../helpers/routes.ts';

const FIXTURE = join(ROOT, 'tests/fixtures/shapes');
const work = mkdtempSync(join(tmpdir(), 'history-'));
const repo = join(work, 'repo');
const content = join(repo, 'content');
const tracker = join(content, 'reports/tracker');
const dist = join(work, 'dist');
const text = (s: string) => s.replace(/\s+/g, ' ').trim();
let buildOutput = '';

/** A CSV file as rows of {header: cell}, read by Python's csv module (not the writer's library). */
function readCsv(file: string): Record<string, string>[] {
  const script = 'import csv, json, sys\nwith open(sys.argv[1], newline="", encoding="utf-8-sig") as f:\n    print(json.dumps(list(csv.DictReader(f, strict=True))))';
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
}

const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, stdio: 'pipe' });
const report = readFileSync(join(FIXTURE, 'reports/tracker/report.yaml'), 'utf8');
/** report.yaml with another as_at, and (for the first edition) a status the later legend no longer has. */
function reportYaml(asAt: string, paused = false): string {
  let s = report.replace("as_at: '2025-06-30'", `as_at: '${asAt}'`);
  if (paused) s = s.replace('  - { id: complete,', '  - { id: paused, label: Paused, colour: "#eeeeee" }\n  - { id: complete,');
  return s;
}
function entry(id: string, fields: Record<string, string | number>, update: string): void {
  const front = Object.entries(fields).map(([k, v]) => `${k}: ${typeof v === 'number' ? v : `'${v}'`}`).join('\n');
  writeFileSync(join(tracker, `${id}.md`), `---\n${front}\n---\n\n## Update\n\n${update}\n`);
}
const base = {
  potholes: { title: 'Repair reported potholes within 28 days', reference: 'P1.2', directorate: 'place', owner: 'Highways team', due_date: '2025-09-30', stage: 'amber', order: 1 },
  libraries: { title: 'Extend library opening hours', reference: 'PE3.1', directorate: 'people', due_date: '2025-03-31', stage: 'amber', order: 2 },
  parks: { title: 'Publish the parks strategy', reference: 'P2.4', directorate: 'place', stage: 'not-started', order: 3 },
  museums: { title: 'Review museum charges', reference: 'PE4.0', directorate: 'people', stage: 'paused', order: 4 },
};

describe('editions and history', () => {
  beforeAll(() => {
    cpSync(FIXTURE, content, { recursive: true });
    rmSync(join(content, 'reports/review'), { recursive: true });
    rmSync(tracker, { recursive: true });
    cpSync(join(FIXTURE, 'reports/tracker'), tracker, { recursive: true, filter: (f) => !f.endsWith('.md') });
    git('init', '-q', '-b', 'main');
    // Edition 1: as at 31 March 2025.
    writeFileSync(join(tracker, 'report.yaml'), reportYaml('2025-03-31', true));
    entry('potholes', base.potholes, 'Contractor appointed.');
    entry('libraries', base.libraries, 'Consultation open.');
    entry('parks', base.parks, 'Waiting for the consultation to close.');
    entry('museums', base.museums, 'Paused until the budget is set.');
    git('add', '-A');
    git('commit', '-q', '-m', 'Edition as at 31 March 2025');
    // Edition 2: libraries complete, parks better, museums removed (and "paused" gone from the legend), potholes' owner and text changed.
    writeFileSync(join(tracker, 'report.yaml'), reportYaml('2025-06-30'));
    entry('potholes', { ...base.potholes, owner: '+Highways and transport', stage: 'red' }, 'Contractor capacity reduced in May; recovery plan agreed.');
    entry('libraries', { ...base.libraries, stage: 'complete' }, 'Opening hours extended.');
    entry('parks', { ...base.parks, stage: 'green' }, 'Consultation closed.');
    rmSync(join(tracker, 'museums.md'));
    git('add', '-A');
    git('commit', '-q', '-m', 'Edition as at 30 June 2025');
    // Edition 3: potholes' target date slipped, parks worse, bins added.
    writeFileSync(join(tracker, 'report.yaml'), reportYaml('2025-09-30'));
    entry('potholes', { ...base.potholes, owner: '+Highways and transport', stage: 'red', due_date: '2025-12-31' }, 'Contractor capacity reduced in May; recovery plan agreed.');
    entry('parks', { ...base.parks, stage: 'not-started' }, 'Consultation to be rerun.');
    entry('bins', { title: 'Weekly food waste collection', reference: 'P5.1', directorate: 'place', stage: 'red', order: 5 }, 'Vehicles delayed.');
    git('add', '-A');
    git('commit', '-q', '-m', 'Edition as at 30 September 2025');

    const result = spawnSync(process.execPath, ['src/cli/build.ts', '--outDir', dist, '--content', content], {
      cwd: ROOT,
      // With the PDF: its cover lists what changed.
      env: buildEnv({ BASE: '/plan', SITE: 'https://plan.example.org' }),
      encoding: 'utf8',
    });
    buildOutput = result.stdout + result.stderr;
    if (result.status !== 0) throw new Error(buildOutput);
  });

  it('shows the reporting date, not the git date, on the report and entry pages', () => {
    const $ = page(dist, 'tracker/');
    expect(text($('[data-as-at]').text())).toBe('As at 30 September 2025.');
    expect($('.meta').text()).not.toContain('Last updated on this site');
    const e = page(dist, 'tracker/potholes/');
    expect([text(e('[data-as-at] dt').text()), text(e('[data-as-at] dd').text())]).toEqual(['Reporting date', '30 September 2025']);
    expect(e('.summary-list').text()).not.toContain('Last updated on this site');
  });

  it('groups what changed since the previous edition, linking each entry but the removed', () => {
    const $ = page(dist, 'tracker/changes/');
    expect(text($('h1').text())).toContain('What changed since 30 June 2025');
    const group = (g: string) => $(`[data-group="${g}"] li`).map((_, li) => $(li).attr('data-entry')).get();
    expect(group('worse')).toEqual(['parks']);
    expect(group('slipped')).toEqual(['potholes']);
    expect(group('added')).toEqual(['bins']);
    expect(group('complete')).toEqual([]);
    expect($('[data-group="added"] li a').attr('href')).toBe('/plan/tracker/bins/');
    // Each line starts with the row's reference (the tracker declares its own): what members say in a meeting.
    expect(text($('[data-group="added"] li').text())).toMatch(/^Ref P5\.1: Weekly food waste collection/);
    expect($('[data-group] li').map((_, li) => text($(li).find('[data-reference]').text())).get().sort()).toEqual(['Ref P1.2', 'Ref P2.4', 'Ref P5.1']);
    // The status move with the legend's tags: symbol and label, not colour alone.
    const parks = $('[data-group="worse"] li[data-entry="parks"]');
    expect(parks.find('.tag .tag__label').map((_, tag) => text($(tag).text())).get()).toEqual(['RAG: In progress: Green – on track', 'RAG: Not started']);
    expect(parks.find('.tag').map((_, tag) => $(tag).attr('class')).get()).toEqual(['tag legend--green', 'tag legend--not-started']);
    expect(parks.find('.tag__symbol').map((_, s) => text($(s).text())).get().every(Boolean)).toBe(true);
    expect(text($('[data-group="slipped"] li').text())).toContain('Target date: 30 September 2025 → 31 December 2025');
    // Earlier editions' changes, and the past editions.
    const links = $('#earlier-heading').parent().find('a').map((_, a) => $(a).attr('href')).get();
    expect(links).toContain('/plan/tracker/changes/2025-06-30/');
    expect(links).toContain('/plan/tracker/editions/2025-03-31/');
    expect(links).toContain('/plan/tracker/editions/2025-06-30/');

    const earlier = page(dist, 'tracker/changes/2025-06-30/');
    const g2 = (g: string) => earlier(`[data-group="${g}"] li`).map((_, li) => earlier(li).attr('data-entry')).get();
    expect(g2('complete')).toEqual(['libraries']);
    expect(g2('better')).toEqual(['parks']);
    expect(g2('removed')).toEqual(['museums']);
    expect(earlier('[data-group="removed"] li a').length).toBe(0);
    // A removed row's reference is the one it had in the edition before.
    expect(text(earlier('[data-group="removed"] li [data-reference]').text())).toBe('Ref PE4.0');
    expect(text(earlier('[data-group="other"] li[data-entry="potholes"]').text())).toContain('Changed: Owner and Quarter update');
    // Amber to red, two colours of one stage: the legend does not say which is better, so neither better nor worse.
    expect(earlier('li[data-entry="potholes"] [data-status-move]').attr('data-status-move')).toBe('changed');
    expect(earlier('[data-past-edition]').length).toBe(1);
  });

  it('tells each entry’s story on its page, edition by edition', () => {
    const $ = page(dist, 'tracker/parks/');
    const lines = $('.history-list > li');
    expect(lines.map((_, li) => $(li).attr('data-edition')).get()).toEqual(['2025-03-31', '2025-06-30', '2025-09-30']);
    expect(text(lines.eq(0).text())).toContain('Not started');
    expect(lines.eq(1).find('[data-status-move="better"]').length).toBe(1);
    expect(lines.eq(2).find('[data-status-move="worse"]').length).toBe(1);
    expect(lines.eq(0).find('a').attr('href')).toBe('/plan/tracker/editions/2025-03-31/');
    const bins = page(dist, 'tracker/bins/');
    expect(bins('.entry-history').length).toBe(0); // in one edition only: no history to tell
    const potholes = page(dist, 'tracker/potholes/');
    expect(text(potholes('.history-list > li').eq(2).text())).toContain('Target date: 30 September 2025 → 31 December 2025');
  });

  it('marks the changed rows in the table, with a filter for them, and charts progress over editions', () => {
    const $ = page(dist, 'tracker/');
    const marked = $('tr.entry-row').filter((_, tr) => $(tr).find('[data-changed]').length > 0).map((_, tr) => $(tr).attr('data-entry')).get().sort();
    expect(marked).toEqual(['bins', 'parks', 'potholes']);
    expect(text($('tr[data-entry="parks"] [data-changed]').text())).toBe('✱ Changed since 30 June 2025');
    expect($('tr[data-entry="parks"] [data-changed]').attr('href')).toBe('/plan/tracker/changes/');
    expect($('tr[data-entry="libraries"]').attr('data-facet-changed-since')).toBe('');
    expect($('tr[data-entry="parks"]').attr('data-facet-changed-since')).toBe('yes');
    expect($('input[name="changed-since"]').length).toBe(1);
    expect($('[data-changes-link] a').attr('href')).toBe('/plan/tracker/changes/');
    const rows = $('[data-progress-editions] tbody tr');
    expect(rows.map((_, tr) => $(tr).attr('data-edition')).get()).toEqual(['2025-03-31', '2025-06-30', '2025-09-30']);
    const count = (edition: string, status: string) => text($(`[data-progress-editions] tr[data-edition="${edition}"] td[data-status="${status}"]`).text());
    expect(count('2025-03-31', 'complete')).toBe('0');
    expect(count('2025-06-30', 'complete')).toBe('1');
    expect(count('2025-09-30', 'red')).toBe('2');
    // The first edition's "paused" is no longer in the legend: a column of its own, named as such.
    expect(count('2025-03-31', 'paused')).toBe('1');
    expect($('[data-progress-editions] [style]').length).toBe(0);
    // Named as the report names its status (the summary's "Actions by RAG"), not with a word of the site's own.
    expect(text($('[data-progress-editions] caption').text())).toBe('Number of actions by RAG in each edition');
  });

  it('keeps each past edition’s table, read-only and labelled as past', () => {
    const $ = page(dist, 'tracker/editions/2025-03-31/');
    expect(text($('h1').text())).toContain('Edition as at 31 March 2025');
    expect(text($('[data-past-edition]').text())).toContain('This is a past edition');
    expect($('table tbody tr').map((_, tr) => $(tr).attr('data-entry')).get()).toEqual(['potholes', 'libraries', 'parks', 'museums']);
    // The references as they stood, in the first column, under the plan's own label.
    expect(text($('table thead th').first().text())).toBe('Ref');
    expect($('table tbody td[data-reference]').map((_, td) => text($(td).text())).get()).toEqual(['P1.2', 'PE3.1', 'P2.4', 'PE4.0']);
    expect(text($('tr[data-entry="museums"]').text())).toContain('paused (no longer in the legend)');
    expect($('tr[data-entry="museums"] a').length).toBe(0);
    expect(text($('tr[data-entry="potholes"]').text())).toContain('30 September 2025');
    expect($('form, input, select').filter((_, el) => !$(el).closest('header').length).length).toBe(0);
  });

  it('writes history.csv and history.json, one line per change', () => {
    const rows = readCsv(join(dist, 'tracker/history.csv'));
    const find = (entry: string, field: string, edition: string) => rows.find((r) => r.Entry === entry && r.Field === field && r.Edition === edition);
    expect(find('potholes', 'due_date', '2025-09-30')).toMatchObject({ From: '2025-09-30', To: '2025-12-31', 'Previous edition': '2025-06-30' });
    expect(find('libraries', 'stage', '2025-06-30')).toMatchObject({ From: 'amber', To: 'complete' });
    expect(find('bins', 'entry', '2025-09-30')).toMatchObject({ To: 'added' });
    expect(find('museums', 'entry', '2025-06-30')).toMatchObject({ From: 'removed', Reference: 'PE4.0' });
    // Every line names the row by its reference too.
    expect(find('bins', 'entry', '2025-09-30')!.Reference).toBe('P5.1');
    expect(rows.every((r) => /^P/.test(r.Reference!)), JSON.stringify(rows)).toBe(true);
    // A value a spreadsheet would run as a formula is neutralised.
    expect(find('potholes', 'owner', '2025-06-30')).toMatchObject({ From: 'Highways team', To: "'+Highways and transport" });
    const json = JSON.parse(readFileSync(join(dist, 'tracker/history.json'), 'utf8'));
    expect(json.editions).toEqual(['2025-03-31', '2025-06-30', '2025-09-30']);
    expect(json.changes.length).toBe(rows.length);
    // data.json stays the table as it is now: history has its own files.
    expect(Object.keys(JSON.parse(readFileSync(join(dist, 'tracker/data.json'), 'utf8')).report)).not.toContain('history');
  });

  it("lists what changed since the previous edition in the PDF, after the cover and before the table, with each row's reference", () => {
    const pdf = join(dist, 'tracker/tracker.pdf');
    const all = pdftext(pdf).replace(/\s+/g, ' ');
    const changes = all.indexOf('What changed since 30 June 2025');
    const table = all.indexOf('The table');
    expect(changes).toBeGreaterThan(all.indexOf('Summary:'));
    expect(table).toBeGreaterThan(changes);
    const part = all.slice(changes, table);
    expect(part).toContain('The edition as at 30 September 2025 compared with the one as at 30 June 2025.');
    // The groups with their counts, each row by its reference and title; the status move with the legend's symbols and labels.
    // The tracker declares its own references (the field "Ref").
    expect(part).toMatch(new RegExp(`Worse \\(1\\) .*Ref ${base.parks.reference} Publish the parks strategy: \\S+ In progress: Green – on track → \\S+ Not started`));
    expect(part).toMatch(new RegExp(`Slipped \\(1\\) .*Ref ${base.potholes.reference} Repair reported potholes within 28 days: Target date: 30 September 2025 → 31 December 2025`));
    expect(part).toMatch(new RegExp(`Added \\(1\\) .*Ref P5\\.1 Weekly food waste collection`));
    // Each changed row is marked in the table.
    expect(all.slice(table).match(/✱ Changed since 30 June 2025/g)).toHaveLength(3);
    expect(pdfLinks(pdf).join('\n')).not.toMatch(/127\.0\.0\.1|localhost/);
  });

  it('links the history files where the editions are, from the export registry', () => {
    const hrefs = (path: string) => page(dist, path)('a[download]').map((_, a) => page(dist, path)(a).attr('href')).get();
    expect(hrefs('tracker/').filter((h) => h.includes('history'))).toEqual(['/plan/tracker/history.csv', '/plan/tracker/history.json']);
    expect(hrefs('tracker/changes/')).toEqual(['/plan/tracker/history.csv', '/plan/tracker/history.json']);
  });

  it('builds every route of a site with editions (changes, past editions, history files) and no other page', async () => {
    const r = await routesAndBuild(dist, content, true);
    expect(r.routedPages).toEqual(expect.arrayContaining(['tracker/changes/index.html', 'tracker/changes/2025-06-30/index.html', 'tracker/editions/2025-03-31/index.html']));
    expect(r.builtPages).toEqual(r.routedPages);
    expect(r.missingFiles).toEqual([]);
    expect(r.duplicates).toEqual([]);
    expect(r.searchPages.filter((f) => !r.indexedPages.includes(f))).toEqual([]);
  });

  it('gives one feed entry per edition, summarising its changes', () => {
    const feed = readFileSync(join(dist, 'feed.xml'), 'utf8');
    const entries = [...feed.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]!);
    expect(entries.length).toBe(3);
    const latest = entries.find((e) => e.includes('edition as at 30 September 2025'))!;
    expect(latest).toContain('href="https://plan.example.org/plan/tracker/changes/2025-09-30/"');
    expect(latest).toContain('<updated>2025-09-30T00:00:00Z</updated>');
    expect(latest).toMatch(/3 actions changed since 30 June 2025: 1 worse, 1 slipped and 1 added/);
    expect(entries.some((e) => e.includes('First edition of'))).toBe(true);
    expect(buildOutput).not.toMatch(/no history|shallow/i);
  });
});

describe('editions and history in Chromium', () => {
  it('the new pages are valid HTML', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const errors: string[] = [];
    for (const file of htmlFiles(dist).filter((f) => /^tracker\/(changes|editions|index\.html|parks\/)/.test(f))) {
      const report = await validator.validateFile(`${dist}/${file}`);
      for (const result of report.results) for (const m of result.messages) errors.push(`${file}:${m.line}: ${m.ruleId}: ${m.message}`);
    }
    expect(errors).toEqual([]);
  });

  it('has no axe violation on the new pages, and the filter keeps only the changed rows', async () => {
    const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const server = await serve(dist, '/plan');
    const browser = await launch();
    try {
      const { page: p, problems } = await openPage(browser, server.origin);
      for (const path of ['tracker/', 'tracker/changes/', 'tracker/changes/2025-06-30/', 'tracker/editions/2025-03-31/', 'tracker/parks/']) {
        await p.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
        await p.evaluate(AXE);
        const violations = await p.evaluate(() =>
          (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string }[] }> } }).axe
            .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
            .then((r) => r.violations.map((v) => v.id)),
        );
        expect(violations, path).toEqual([]);
      }
      await p.goto(`${server.url}tracker/`, { waitUntil: 'networkidle' });
      await p.getByLabel('Only actions changed since 30 June 2025').check();
      const shown = () => p.locator('tr.entry-row:not([hidden])').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-entry')).sort());
      await expect.poll(shown).toEqual(['bins', 'parks', 'potholes']);
      expect(p.url()).toContain('changed-since=yes');
      await p.reload({ waitUntil: 'networkidle' });
      await expect.poll(shown).toEqual(['bins', 'parks', 'potholes']);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 120_000);
});

describe('a copy without its history (a zip download)', () => {
  it('builds with one edition and says so in one line', () => {
    const copy = join(work, 'copy');
    cpSync(FIXTURE, copy, { recursive: true });
    const out = join(work, 'dist-copy');
    const result = spawnSync(process.execPath, ['src/cli/build.ts', '--outDir', out, '--content', copy], { cwd: ROOT, env: buildEnv({ BASE: '/', SKIP_PDF: '1' }), encoding: 'utf8' });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const lines = (result.stdout + result.stderr).split('\n').filter((l) => l.startsWith('History:'));
    expect(lines).toEqual(['History: the content is not in a git repository (a zip download or a copy), so each report has one edition, the content as it is now.']);
    const $ = page(out, 'tracker/');
    expect(text($('[data-no-history]').text())).toContain('built without its history');
    expect($('[data-changes-link], [data-progress-editions], [data-changed]').length).toBe(0);
    expect(text($('[data-as-at]').text())).toBe('As at 30 June 2025.');
  }, 120_000);
});
