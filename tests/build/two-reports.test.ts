/**
 * A site with two reports (tests/fixtures/two-reports): the home page lists
 * both, newest first; each report has its own legend; a Phase 2 action moving
 * to a Phase 3 theme links across reports; and a broken cross-reference is
 * refused like any other.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, globSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlFiles, page, resolveInDist } from '../helpers/html.ts';
import { ROOT } from '../helpers/paths.ts';
import { INDEXED_PAGES } from '../../src/core/routes.ts';
import { buildEnv } from '../helpers/build.ts';

const FIXTURE = join(ROOT, 'tests/fixtures/two-reports');
const dist = join(mkdtempSync(join(tmpdir(), 'two-reports-')), 'dist');
const build = (content: string, out: string) =>
  spawnSync(process.execPath, ['src/cli/build.ts', '--outDir', out, '--content', content, '--verbose'], {
    cwd: ROOT,
    env: buildEnv({ BASE: '/plan', SKIP_PDF: '1' }),
    encoding: 'utf8',
  });

describe('two reports in one site', () => {
  let output = '';
  beforeAll(() => {
    const result = build(FIXTURE, dist);
    if (result.status !== 0) throw new Error(result.stdout + result.stderr);
    output = result.stdout + result.stderr;
  });

  it('indexes both reports’ pages for search as Astro renders them, not again from disk afterwards', () => {
    // src/build/build.ts says how the index read its pages (with --verbose), and warns when it had to read them from disk.
    const read = /^\[search index\] read (\d+) pages into the index as Astro wrote them/m.exec(output);
    expect(read, output).not.toBeNull();
    expect(output).not.toContain('reading the pages again from disk');
    expect(Number(read![1])).toBe(globSync(INDEXED_PAGES, { cwd: dist }).length);
    const fragments = readdirSync(join(dist, 'pagefind', 'fragment'));
    expect(fragments.length).toBe(htmlFiles(dist).filter((f) => page(dist, f)('[data-pagefind-body]').length > 0).length);
  });

  it('lists both reports on the home page, newest first', () => {
    const $ = page(dist, '');
    expect($('.report-list a').map((_, a) => [[$(a).text(), $(a).attr('href')]]).get()).toEqual([
      ['Phase 3 tracker (fixture)', '/plan/phase-3/'],
      ['Phase 2 close-down (fixture)', '/plan/phase-2/'],
    ]);
  });

  it("prints each report's reporting date and address in its running footer", () => {
    // The report's own print stylesheet, linked after the site's, sets the @page footer.
    for (const [id, date] of [['phase-2', '1 March 2024'], ['phase-3', '1 September 2024']] as const) {
      const $ = page(dist, `${id}/`);
      const sheets = $('link[rel="stylesheet"][media="print"]').map((_, l) => $(l).attr('href')).get();
      expect(sheets).toEqual(['/plan/print.css', `/plan/${id}/print.css`]);
      const css = readFileSync(join(dist, id, 'print.css'), 'utf8');
      // No SITE in this build: the site's title stands in for the address.
      expect(css).toMatch(new RegExp(`@bottom-left \\{\\s*content: "Printed from [^"]+ on " "\\d{1,2} \\w+ \\d{4}" " · position as at ${date}";`));
    }
  });

  it('gives each report its own legend', () => {
    const legend = (id: string) => page(dist, `${id}/`)('.legend [data-legend] a').map((_, a) => page(dist, `${id}/`)(a).text()).get();
    expect(legend('phase-2')).toEqual(['Completed', 'Move to phase 3']);
    expect(legend('phase-3')).toEqual(['Red – off track', 'Amber – at risk', 'Green – on track']);
    expect(readFileSync(join(dist, 'phase-3/legend.css'), 'utf8')).toContain('.legend--red { --status-bg: #f4cccc;');
  });

  it('links a Phase 2 action to the Phase 3 theme it moves to', () => {
    const $ = page(dist, 'phase-2/constitution/');
    const link = $('a[data-cross-report]');
    expect(link.text()).toBe('Phase 3 tracker (fixture): Cultural change for members and officers');
    expect(link.attr('href')).toBe('/plan/phase-3/themes/culture/');
    expect(resolveInDist(dist, '/plan', link.attr('href')!)).toBeDefined();
    const table = page(dist, 'phase-2/');
    expect(table('tr[data-entry="constitution"] td').last().find('a').attr('href')).toBe('/plan/phase-3/themes/culture/');
    expect(page(dist, 'phase-2/next/culture/')('a[data-cross-report]').attr('href')).toBe('/plan/phase-3/themes/culture/');
  });

  it('has no broken internal link', () => {
    const broken: string[] = [];
    for (const file of htmlFiles(dist)) {
      const $ = page(dist, file);
      $('a[href^="/"]').each((_, a) => {
        const href = $(a).attr('href')!;
        if (!resolveInDist(dist, '/plan', href)) broken.push(`${file}: ${href}`);
      });
    }
    expect(broken).toEqual([]);
  });

  it('refuses a cross-report reference to a theme that does not exist', () => {
    const content = join(mkdtempSync(join(tmpdir(), 'two-bad-')), 'content');
    cpSync(FIXTURE, content, { recursive: true });
    const file = join(content, 'reports/phase-2/report.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('value: culture', 'value: cultur'));
    const result = build(content, join(content, '..', 'dist'));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('reports/phase-2/report.yaml:26: fields 3, values 1, value: "cultur" is not a theme of the report "phase-3" (did you mean "culture"?');
  });
});
