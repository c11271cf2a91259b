import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.ts';
import { loadContent } from '../../src/core/load.ts';
import { countBy, entriesWhere } from '../../src/core/model.ts';

const SMALL = resolve(import.meta.dirname, '../fixtures/small');

/** A copy of the small fixture with one file changed. */
function withChange(file: string, change: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  cpSync(SMALL, dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
  return dir;
}

function messages(dir: string): string[] {
  return loadContent(dir, { root: dir }).diagnostics.map(formatDiagnostic);
}

describe('loadContent', () => {
  it('builds the typed model from a content folder', () => {
    const { content, diagnostics, files } = loadContent(SMALL, { root: SMALL });
    expect(diagnostics).toEqual([]);
    expect(files).toHaveLength(5);
    const report = content!.reports[0]!;
    expect(report.id).toBe('sample');
    expect(report.entries.map((e) => e.id)).toEqual(['gamma', 'alpha', 'beta']);
    expect(report.legend[0]).toEqual({ id: 'done', label: 'Done', colour: '#d9ead3', text_colour: '#0b0c0c', done: true });
    expect(report.fields.map((f) => [f.id, f.label, f.type])).toEqual([
      ['theme', 'Theme', 'choice'],
      ['status', 'Colour code', 'status'],
      ['next_phase', 'New phase', 'choice'],
      ['next_phase_text', 'New phase (as worded in the plan)', 'text'],
    ]);
    expect(report.sections.map((s) => s.id)).toEqual(['undertaken', 'outstanding']);
    expect(report.facets.map((f) => f.path)).toEqual(['themes', 'status', 'next']);
    const alpha = report.entries.find((e) => e.id === 'alpha')!;
    expect(alpha).toMatchObject({
      report: 'sample',
      title: 'Alpha action',
      fields: { theme: 'first-theme', status: 'done', next_phase: ['nowhere'] },
      order: 2,
      evidence: [{ title: 'Board paper', date: '2023-03-23' }],
      file: 'reports/sample/alpha.md',
    });
    expect(alpha.sections.undertaken!.html).toContain('<em>another</em>');
    expect(alpha.sections.outstanding!.html).toBe('');
  });

  it('names the file, line and field of an unknown theme, with the nearest id', () => {
    const dir = withChange('reports/sample/alpha.md', (t) => t.replace('theme: first-theme', 'theme: frist-theme'));
    expect(messages(dir)).toEqual([
      'reports/sample/alpha.md:3: theme: "frist-theme" is not a theme of this report (did you mean "first-theme"? choices: second-theme, first-theme; they are listed in reports/sample/report.yaml)',
    ]);
  });

  it('checks status and next phase against the report too', () => {
    const dir = withChange('reports/sample/beta.md', (t) => t.replace('status: moving', 'status: no').replace('next_phase: later', 'next_phase: phase-3'));
    const m = messages(dir);
    expect(m).toHaveLength(2);
    expect(m[0]).toMatch(/^reports\/sample\/beta\.md:4: status: "no" is not a colour code \(legend entry\) of this report/);
    expect(m[1]).toMatch(/^reports\/sample\/beta\.md:5: next_phase: "phase-3" is not a new phase of this report/);
  });

  it('takes several new phases as a list, each with its own words, and checks each with its line', () => {
    const several = (list: string, texts: string) => withChange('reports/sample/beta.md', (t) => t.replace('next_phase: later\nnext_phase_text: Later theme (Phase 3)', `next_phase:\n${list}${texts}`));
    const ok = several('  - later\n  - nowhere\n', 'next_phase_text:\n  - Later theme (Phase 3)\n  - No further action\n');
    const report = loadContent(ok, { root: ok }).content!.reports[0]!;
    const beta = report.entries.find((e) => e.id === 'beta')!;
    expect(beta.fields.next_phase).toEqual(['later', 'nowhere']);
    expect(beta.fields.next_phase_text).toEqual(['Later theme (Phase 3)', 'No further action']);
    expect(entriesWhere(report, 'next_phase', 'nowhere').map((e) => e.id)).toEqual(['alpha', 'beta']);
    expect(countBy(report, 'next_phase').map((c) => c.count)).toEqual([2, 2]);

    expect(messages(several('  - later\n  - nowher\n', ''))).toEqual([
      'reports/sample/beta.md:7: next_phase 2: "nowher" is not a new phase of this report (did you mean "nowhere"? choices: later, nowhere; they are listed in reports/sample/report.yaml)',
    ]);
    expect(messages(several('  - later\n  - nowhere\n', 'next_phase_text: Later theme (Phase 3)\n'))).toEqual([
      'reports/sample/beta.md:8: next_phase_text: has 1 value but next_phase has 2 (give one per value of next_phase, as a list in the same order ("- …" on its own line), or remove next_phase_text)',
    ]);
    // A label written for the id: the id of the same field's value, whatever the case.
    expect(messages(several('  - later\n  - no Further Action\n', ''))).toEqual([
      'reports/sample/beta.md:7: next_phase 2: "no Further Action" is the label of a new phase, not its id (write its id instead: nowhere)',
    ]);
  });

  it('renders the report’s own note (about) apart from its introduction', () => {
    const dir = withChange('reports/sample/report.yaml', (t) => t.replace('subtitle: A fixture for tests', 'subtitle: A fixture for tests\nintroduction: The plan’s words.\nabout: |\n  **Our** note.'));
    const report = loadContent(dir, { root: dir }).content!.reports[0]!;
    expect(report.introductionHtml).toBe('<p>The plan’s words.</p>');
    expect(report.aboutHtml).toBe('<p><strong>Our</strong> note.</p>');
    expect(messages(withChange('reports/sample/report.yaml', (t) => t.replace('subtitle: A fixture for tests', 'subtitle: A fixture for tests\nabout: ""')))[0]).toMatch(/^reports\/sample\/report\.yaml:3: about: .*must not be empty/);
    // The same rules as an entry's body: no raw HTML.
    expect(messages(withChange('reports/sample/report.yaml', (t) => t.replace('subtitle: A fixture for tests', 'subtitle: A fixture for tests\nabout: Our <b>note</b>')))[0]).toMatch(/^reports\/sample\/report\.yaml:3: about: /);
  });

  it('publishes a declared notes page (about_page) from its own file, checked like an entry, and not as an entry', () => {
    const declare = (file: string) => (t: string) => t.replace('subtitle: A fixture for tests', `subtitle: A fixture for tests\nabout_page:\n  title: How this was made\n  file: ${file}`);
    const withNotes = (notes: string) => {
      const dir = withChange('reports/sample/report.yaml', declare('notes.md'));
      writeFileSync(join(dir, 'reports/sample/notes.md'), notes);
      return dir;
    };
    const dir = withNotes('## Sources\n\nRead **the plan**, see [the glossary](/glossary/).\n');
    const { content, diagnostics, files } = loadContent(dir, { root: dir });
    expect(diagnostics).toEqual([]);
    const report = content!.reports[0]!;
    expect(report.aboutPage).toEqual({
      title: 'How this was made',
      file: 'reports/sample/notes.md',
      html: '<h2>Sources</h2>\n<p>Read <strong>the plan</strong>, see <a href="/glossary/">the glossary</a>.</p>',
    });
    expect(files).toContain('reports/sample/notes.md');
    // Not an entry, and no word about it being ignored.
    expect(report.entries.map((e) => e.id)).toEqual(['gamma', 'alpha', 'beta']);
    // The rules of an entry's body, with the notes file's own line.
    expect(messages(withNotes('## Sources\n\nSome text.\n\n<div>raw</div>\n'))).toEqual([
      'reports/sample/notes.md:5: HTML is not allowed in this page (found <div>) (write plain Markdown: "- " for a list item, **bold**, [link text](https://…))',
    ]);
    expect(messages(withNotes('Text.\n\n[a file](../../shared/x.txt)\n'))[0]).toMatch(/^reports\/sample\/notes\.md:3: the link "\.\.\/\.\.\/shared\/x\.txt" is not allowed/);
    expect(messages(withNotes('# Title again\n\nText.\n'))[0]).toMatch(/^reports\/sample\/notes\.md:1: a "# " heading is not allowed here/);
    // With an error elsewhere in report.yaml, the entries are still checked, and the notes file is still not one of them.
    const broken = withNotes('## Sources\n\nText.\n');
    writeFileSync(join(broken, 'reports/sample/report.yaml'), readFileSync(join(broken, 'reports/sample/report.yaml'), 'utf8').replace('subtitle: A fixture for tests', 'subtitle: [A, list]'));
    const brokenMessages = messages(broken);
    expect(brokenMessages.join('\n')).toMatch(/report\.yaml:\d+: subtitle: /);
    expect(brokenMessages.join('\n')).not.toContain('notes.md');
    // A missing file is named at its setting.
    expect(messages(withChange('reports/sample/report.yaml', declare('missing.md')))).toEqual([
      'reports/sample/report.yaml:5: about_page.file: "missing.md" is not a file in the report’s folder (add reports/sample/missing.md, or correct the name)',
    ]);
    // "about" is the page's address: no entry may take it.
    const clash = withChange('reports/sample/alpha.md', (t) => t);
    cpSync(join(clash, 'reports/sample/alpha.md'), join(clash, 'reports/sample/about.md'));
    expect(messages(clash).join('\n')).toMatch(/reports\/sample\/about\.md.*used by the site's own pages/);
  });

  it('suggests the nearest field for an unknown one, and does not also call the field it meant missing', () => {
    const dir = withChange('reports/sample/gamma.md', (t) => t.replace('status: moving', 'staus: moving'));
    expect(messages(dir)).toEqual([
      'reports/sample/gamma.md:4: staus: "staus" is not a known entry field (did you mean "status"? known: title, theme, status, next_phase, next_phase_text, order, evidence, updated; a new column is declared first in reports/sample/report.yaml under "fields:")',
    ]);
  });

  it('still says a required field is missing when no unknown setting is a typing mistake for it', () => {
    const dir = withChange('reports/sample/gamma.md', (t) => t.replace('status: moving', 'owner: moving'));
    expect(messages(dir)[0]).toBe('reports/sample/gamma.md:2: status: is required but missing (add a line "status: …")');
  });

  it('names an unknown site setting with the nearest known one, at the top and inside a group', () => {
    const dir = withChange('site.yaml', () => 'title: X\norganisation: Y\ntitel: Z\naccessibility:\n  contact_emial: a@example.org\n');
    expect(messages(dir)).toEqual([
      'site.yaml:5: accessibility, contact_emial: "contact_emial" is not a known field of accessibility (did you mean "contact_email"? known: contact_email, contact_phone, contact_address, response_days, compliance, known_issues, prepared, last_reviewed)',
      'site.yaml:3: titel: "titel" is not a known site setting (did you mean "title"? known: title, organisation, description, language, accessibility)',
    ]);
  });

  it('warns when the accessibility statement’s compliance status does not fit the issues it lists', () => {
    const site = (block: string) => withChange('site.yaml', () => `title: X\norganisation: Y\naccessibility:\n  contact_email: a@example.org\n${block}`);
    // Reviewed, partially compliant by default, and nothing listed: the reason is missing.
    expect(messages(site("  last_reviewed: '2024-01-15'\n"))).toEqual([
      'site.yaml:3: warning: accessibility, compliance: the accessibility statement says the website is partially compliant after its review, but lists no known issues (list each non-compliance the review found under "known_issues:", or set "compliance: full" if it found none)',
    ]);
    expect(messages(site("  last_reviewed: '2024-01-15'\n  compliance: full\n  known_issues:\n    - Scanned PDFs\n"))).toEqual([
      'site.yaml:6: warning: accessibility, compliance: the accessibility statement says the website is fully compliant, but lists known issues (set "compliance: partial" (or "not"), or remove the issues that have been fixed from "known_issues:")',
    ]);
    // What fits: partial with its issues; full with none; partial before any review ("until it has been reviewed", with the review date asked for).
    expect(messages(site("  last_reviewed: '2024-01-15'\n  known_issues:\n    - Scanned PDFs\n"))).toEqual([]);
    expect(messages(site("  last_reviewed: '2024-01-15'\n  compliance: full\n"))).toEqual([]);
    expect(messages(site('')).map((m) => m.replace(/ \(.*$/, ''))).toEqual(['site.yaml:3: warning: accessibility: the accessibility statement lacks the date of its last review']);
  });

  it('rejects impossible dates and unsafe links', () => {
    const dir = withChange('reports/sample/alpha.md', (t) =>
      t.replace("date: '2023-03-23'", "date: '2023-02-30'\n    url: javascript:alert(1)"),
    );
    const m = messages(dir);
    expect(m.some((x) => x.startsWith('reports/sample/alpha.md:9: evidence 1, date: "2023-02-30" is not a date that exists in the calendar'))).toBe(true);
    expect(m.some((x) => x.startsWith('reports/sample/alpha.md:10: evidence 1, url: "javascript:alert(1)" must start with https://'))).toBe(true);
  });

  it('warns about capitalised words the glossary lacks, with their line, but still builds', () => {
    const dir = withChange('reports/sample/beta.md', (t) => t.replace('Some work.', 'Some work.\n\nThe XYZ board and the ABCs.'));
    writeFileSync(join(dir, 'glossary.yaml'), 'terms:\n  - term: ABC\n    expansion: A Big Committee\nignore: [ZZZ]\nunexplained: [YYY]\n');
    const result = loadContent(dir, { root: dir });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'reports/sample/beta.md:14: warning: "XYZ" looks like an abbreviation that the glossary does not explain (add it to glossary.yaml: under "terms:" with what it stands for, under "ignore:" if it is a name, or under "unexplained:" if its meaning is not known)',
    ]);
    expect(result.content?.glossary).toEqual({ terms: [{ term: 'ABC', expansion: 'A Big Committee' }], ignore: ['ZZZ'], unexplained: ['YYY'] });
    expect(result.content?.reports[0]!.entries.find((e) => e.id === 'beta')!.sections.undertaken!.html).toContain('<abbr title="A Big Committee" tabindex="0">ABCs</abbr>');
  });

  it('says how to rename an entry saved as .txt (or .md.txt), and only when it starts like an entry', () => {
    const dir = withChange('reports/sample/gamma.md', (t) => t);
    const gamma = readFileSync(join(dir, 'reports/sample/gamma.md'), 'utf8');
    writeFileSync(join(dir, 'reports/sample/delta.md.txt'), '\uFEFF' + gamma.replace('order: 1', 'order: 8').replace(/\n/g, '\r\n'));
    writeFileSync(join(dir, 'reports/sample/epsilon.txt'), gamma.replace('order: 1', 'order: 9'));
    writeFileSync(join(dir, 'reports/sample/notes.txt'), 'Notes about the plan\n---\n');
    expect(messages(dir)).toEqual([
      'reports/sample/delta.md.txt: looks like an entry but is not read, because its name does not end in .md (rename it to "delta.md")',
      'reports/sample/epsilon.txt: looks like an entry but is not read, because its name does not end in .md (rename it to "epsilon.md")',
      'reports/sample/notes.txt: is not a Markdown entry (.md) (a report folder holds report.yaml and one .md file per row; move other files elsewhere)',
    ]);
  });

  it('checks the entries against what of a report.yaml with errors could be read, and says what was not checked', () => {
    // A field declaration with a mistake: the statuses and the other fields are still checked, the theme is not.
    const badField = withChange('reports/sample/report.yaml', (t) => t.replace('    type: choice\n', '    type: chioce\n'));
    const edit = (dir: string, file: string, change: (t: string) => string) => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
    edit(badField, 'reports/sample/beta.md', (t) => t.replace('status: moving', 'status: movin').replace('theme: second-theme', 'theme: nonsense'));
    edit(badField, 'reports/sample/gamma.md', (t) => t.replace('order: 1', 'order: 2'));
    expect(messages(badField)).toEqual([
      expect.stringMatching(/^reports\/sample\/report\.yaml:10: fields 1, type: "chioce" must be one of: /),
      'reports/sample/beta.md:4: status: "movin" is not a colour code (legend entry) of this report (did you mean "moving"? choices: done, moving; they are listed in reports/sample/report.yaml)',
      'reports/sample/alpha.md:6: order: 2 is also the order of reports/sample/gamma.md (each row needs its own position in the table: give one of them another number; 3 is the next free number)',
      'reports/sample/gamma.md:6: order: 2 is also the order of reports/sample/alpha.md (each row needs its own position in the table: give one of them another number; 3 is the next free number)',
      'reports/sample/report.yaml: warning: its entries were checked without the field theme, because of the errors in report.yaml (fix report.yaml, then check again)',
    ]);

    // A legend colour with a mistake changes no status: everything is still checked.
    const badLegend = withChange('reports/sample/report.yaml', (t) => t.replace('colour: "#d9ead3"', 'colour: green'));
    edit(badLegend, 'reports/sample/beta.md', (t) => t.replace('status: moving', 'status: movin').replace('theme: second-theme', 'theme: secnd-theme'));
    expect(messages(badLegend).map((m) => m.replace(/ \(.*$/, ''))).toEqual([
      'reports/sample/report.yaml:50: legend 1, colour: "green" must be a colour written as "#rrggbb"',
      'reports/sample/beta.md:3: theme: "secnd-theme" is not a theme of this report',
      'reports/sample/beta.md:4: status: "movin" is not a colour code',
    ]);

    // A legend item without an id: the status is left out, the other fields are still checked.
    const noId = withChange('reports/sample/report.yaml', (t) => t.replace('  - id: done\n', '  - ids: done\n'));
    edit(noId, 'reports/sample/beta.md', (t) => t.replace('status: moving', 'status: movin').replace('theme: second-theme', 'theme: secnd-theme'));
    expect(messages(noId).map((m) => m.replace(/ \(.*$/, ''))).toEqual([
      'reports/sample/report.yaml:48: legend 1, id: is required but missing',
      'reports/sample/report.yaml:48: legend 1, ids: "ids" is not a known field of legend',
      'reports/sample/beta.md:3: theme: "secnd-theme" is not a theme of this report',
      'reports/sample/report.yaml: warning: its entries were checked without the field status, because of the errors in report.yaml',
    ]);

    // Nothing usable: said once.
    const unreadable = withChange('reports/sample/report.yaml', (t) => t.replace('title: Sample improvement plan', 'title: "Sample improvement plan'));
    expect(messages(unreadable).map((m) => m.replace(/ \(.*$/, ''))).toEqual([
      'reports/sample/report.yaml:1: a quotation mark is opened on this line but never closed',
      'reports/sample/report.yaml: warning: its entries were not checked, because of the errors in report.yaml',
    ]);
  });

  it('reports two entries with the same order', () => {
    const dir = withChange('reports/sample/beta.md', (t) => t.replace('order: 3', 'order: 2'));
    expect(messages(dir)).toEqual([
      'reports/sample/alpha.md:6: order: 2 is also the order of reports/sample/beta.md (each row needs its own position in the table: give one of them another number; 3 is the next free number)',
      'reports/sample/beta.md:7: order: 2 is also the order of reports/sample/alpha.md (each row needs its own position in the table: give one of them another number; 3 is the next free number)',
    ]);
  });

  it('refuses a legend colour whose text contrast is under 4.5:1', () => {
    const dir = withChange('reports/sample/report.yaml', (t) => t.replace('colour: "#d9ead3"', 'colour: "#777777"'));
    const m = messages(dir);
    expect(m).toHaveLength(1);
    expect(m[0]).toMatch(/^reports\/sample\/report\.yaml:50: legend 1, colour: text in #0b0c0c on #777777 has a contrast of 4\.\d\d:1, below the 4\.5:1/);
  });
});
