/**
 * Every kind of mistake an editor can make, one fixture file each in
 * tests/fixtures/bad/, dropped into a copy of tests/fixtures/small: the exact
 * file, line, field and message, a hint on every problem, and no crash.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.ts';
import { loadContent, MAX_FILE_BYTES } from '../../src/core/load.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SMALL = resolve(ROOT, 'tests/fixtures/small');
const BAD = resolve(ROOT, 'tests/fixtures/bad');
const GOOD = resolve(ROOT, 'tests/fixtures/good');

/** Where a fixture goes: report-*.yaml replaces report.yaml, site-*.yaml replaces site.yaml, glossary-*.yaml is the glossary, others are entries. */
function targetOf(name: string, special?: string): string {
  if (special) return special;
  if (name.startsWith('glossary-')) return 'glossary.yaml';
  if (name.startsWith('report-')) return 'reports/sample/report.yaml';
  if (name.startsWith('site-')) return 'site.yaml';
  return `reports/sample/${name}`;
}

function contentWith(files: [from: string, to: string][]): string {
  const dir = mkdtempSync(join(tmpdir(), 'bad-'));
  cpSync(SMALL, dir, { recursive: true });
  for (const [from, to] of files) copyFileSync(from, join(dir, to));
  return dir;
}

const without = (d: { file: string; line?: number; field?: string; message: string }) =>
  `${d.file}${d.line ? `:${d.line}` : ''}: ${d.field ? `${d.field}: ` : ''}${d.message}`;

// [fixture, target path (when not the default), expected problems without their hints]
const CASES: [string, string | undefined, string[]][] = [
  ["bad-file-name.md", "reports/sample/My Action.md", [
    "reports/sample/My Action.md: \"My Action.md\" cannot be an entry's file name (it becomes the page address)",
  ]],
  ["body-backslash-link.md", undefined, [
    "reports/sample/body-backslash-link.md:11: body: the link \"/\\evil.example/paper\" contains a backslash (\\), which browsers read as \"/\" and which could take readers to another site",
  ]],
  ["body-image.md", undefined, [
    "reports/sample/body-image.md:11: body: images are not allowed in an entry",
  ]],
  ["body-javascript-link.md", undefined, [
    "reports/sample/body-javascript-link.md:11: body: the link \"javascript:alert(1)\" is not allowed",
  ]],
  ["control-character-body.md", undefined, [
    "reports/sample/control-character-body.md:12: body: contains an invisible control character (U+001B), which is not allowed",
  ]],
  ["control-character-escape.md", undefined, [
    "reports/sample/control-character-escape.md:9: evidence 1, note: contains an invisible control character (U+001B), which is not allowed",
  ]],
  ["control-character-title.md", undefined, [
    "reports/sample/control-character-title.md:2: title: contains an invisible control character (U+0007), which is not allowed",
  ]],
  ["deep-lists.md", undefined, [
    "reports/sample/deep-lists.md:26: body: block quotes or lists are nested more than 15 levels deep here",
  ]],
  ["deep-quotes.md", undefined, [
    "reports/sample/deep-quotes.md:11: body: block quotes or lists are nested more than 15 levels deep here",
  ]],
  ["date-month-name.md", undefined, [
    "reports/sample/date-month-name.md:7: updated: \"31 March 2025\" must be a date written YYYY-MM-DD: write 2025-03-31",
  ]],
  ["date-wrong-format.md", undefined, [
    "reports/sample/date-wrong-format.md:7: updated: \"20/03/2024\" must be a date written YYYY-MM-DD: write 2024-03-20",
  ]],
  ["duplicate-id.md", "reports/sample/alpha.markdown", [
    "reports/sample/alpha.md: has the same address (\"alpha\") as reports/sample/alpha.markdown",
  ]],
  ["duplicate-key.md", undefined, [
    "reports/sample/duplicate-key.md:7: the field \"theme\" is written twice",
  ]],
  ["duplicate-order.md", undefined, [
    "reports/sample/duplicate-order.md:6: order: 1 is also the order of reports/sample/gamma.md",
    "reports/sample/gamma.md:6: order: 1 is also the order of reports/sample/duplicate-order.md",
  ]],
  ["duplicate-section.md", undefined, [
    "reports/sample/duplicate-section.md:13: body: the section \"Activity undertaken\" appears twice",
  ]],
  ["empty-file.md", undefined, [
    "reports/sample/empty-file.md:1: the file is empty",
  ]],
  ["empty-title.md", undefined, [
    "reports/sample/empty-title.md:2: title: \"\" must not be empty (task / action, as the plan words it)",
  ]],
  ["entry-as-text.txt", undefined, [
    "reports/sample/entry-as-text.txt: looks like an entry but is not read, because its name does not end in .md",
  ]],
  ["evidence-backslash-url.md", undefined, [
    "reports/sample/evidence-backslash-url.md:9: evidence 1, url: \"/\\evil.example/paper\" contains a backslash (\\), which browsers read as \"/\" and which could take readers to another site",
  ]],
  ["evidence-data-url.md", undefined, [
    "reports/sample/evidence-data-url.md:9: evidence 1, url: \"data:text/html,hello\" must start with https://, http://, mailto: or / (a page of this site); other kinds of link are not allowed",
  ]],
  ["evidence-date-year-first.md", undefined, [
    "reports/sample/evidence-date-year-first.md:9: evidence 1, date: \"2024/03/20\" must be a date written YYYY-MM-DD: write 2024-03-20",
  ]],
  ["evidence-impossible-date.md", undefined, [
    "reports/sample/evidence-impossible-date.md:9: evidence 1, date: \"2023-04-31\" is not a date that exists in the calendar",
  ]],
  ["evidence-javascript-url.md", undefined, [
    "reports/sample/evidence-javascript-url.md:9: evidence 1, url: \"javascript:alert(1)\" must start with https://, http://, mailto: or / (a page of this site); other kinds of link are not allowed",
  ]],
  ["evidence-not-list.md", undefined, [
    "reports/sample/evidence-not-list.md:7: evidence: \"Board paper\" must be a list of items, each starting with \"- title:\"",
  ]],
  ["evidence-protocol-relative-url.md", undefined, [
    "reports/sample/evidence-protocol-relative-url.md:9: evidence 1, url: \"//evil.example/paper\" must start with https://, http://, mailto: or / (a page of this site); other kinds of link are not allowed",
  ]],
  // A label in capitals where the id goes: the error says so, with no warning that "DONE" looks like an abbreviation.
  ["status-shouting.md", undefined, [
    "reports/sample/status-shouting.md:4: status: \"DONE\" is the label of a colour code (legend entry), not its id",
  ]],
  ["field-capitals.md", undefined, [
    "reports/sample/field-capitals.md:4: Status: \"Status\" is not a known entry field",
  ]],
  ["glossary-control-character.yaml", undefined, [
    "glossary.yaml:3: terms 1, expansion: contains an invisible control character (U+000C), which is not allowed",
  ]],
  ["glossary-alias-bomb.yaml", undefined, [
    "glossary.yaml:3: uses too many YAML aliases (*a)",
  ]],
  ["glossary-listed-twice.yaml", undefined, [
    "glossary.yaml:4: terms 2, term: \"CA\" is listed twice (also at terms 1, term)",
    "glossary.yaml:9: unexplained 1: \"CMT\" is listed twice (also at ignore 1)",
  ]],
  ["glossary-missing-expansion.yaml", undefined, [
    "glossary.yaml:4: terms 2, expansion: is required but missing",
  ]],
  ["glossary-unknown-field.yaml", undefined, [
    "glossary.yaml:4: ignored: \"ignored\" is not a known glossary setting",
  ]],
  ["impossible-date.md", undefined, [
    "reports/sample/impossible-date.md:7: updated: \"2023-02-30\" is not a date that exists in the calendar",
  ]],
  ["invalid-utf8.md", undefined, [
    "reports/sample/invalid-utf8.md:2: the file is not UTF-8 text",
  ]],
  ["long-line.md", undefined, [
    "reports/sample/long-line.md:11: this line is 7,501 characters long, more than the 5,000 allowed",
  ]],
  ["misspelt-heading.md", undefined, [
    "reports/sample/misspelt-heading.md:13: body: the heading \"## Activity Outstanding:\" is not written as the section \"## Activity outstanding\"",
  ]],
  ["missing-order.md", undefined, [
    "reports/sample/missing-order.md:2: order: is required but missing",
  ]],
  ["missing-section.md", undefined, [
    "reports/sample/missing-section.md:8: body: the section \"## Activity outstanding\" is missing",
  ]],
  ["missing-title.md", undefined, [
    "reports/sample/missing-title.md:2: title: is required but missing",
  ]],
  ["next-phase-comma.md", undefined, [
    "reports/sample/next-phase-comma.md:5: next_phase: \"later, nowhere\" is read as one value, not as a list",
  ]],
  ["next-phase-empty.md", undefined, [
    "reports/sample/next-phase-empty.md:5: next_phase: is empty but needs at least one new phase",
  ]],
  ["no-frontmatter.md", undefined, [
    "reports/sample/no-frontmatter.md:1: the file does not start with a frontmatter block",
  ]],
  ["no-sections.md", undefined, [
    "reports/sample/no-sections.md:9: body: text before the first section heading",
    "reports/sample/no-sections.md:8: body: the section \"## Activity undertaken\" is missing",
    "reports/sample/no-sections.md:8: body: the section \"## Activity outstanding\" is missing",
  ]],
  ["not-markdown.txt", "reports/sample/notes.txt", [
    "reports/sample/notes.txt: is not a Markdown entry (.md)",
  ]],
  ["onclick-attribute.md", undefined, [
    "reports/sample/onclick-attribute.md:11: body: HTML is not allowed in an entry (found <a>)",
  ]],
  ["order-fraction.md", undefined, [
    "reports/sample/order-fraction.md:6: order: 1.5 must be a whole number (the row’s position in the table)",
  ]],
  ["order-not-number.md", undefined, [
    "reports/sample/order-not-number.md:6: order: \"first\" must be a whole number (the row’s position in the table)",
  ]],
  ["order-quoted.md", undefined, [
    "reports/sample/order-quoted.md:6: order: \"10\" is in quotes, so it is read as text, not as a number",
  ]],
  ["order-zero.md", undefined, [
    "reports/sample/order-zero.md:6: order: 0 must be 1 or more",
  ]],
  ["raw-iframe.md", undefined, [
    "reports/sample/raw-iframe.md:11: body: HTML is not allowed in an entry (found <iframe>)",
  ]],
  ["raw-script.md", undefined, [
    "reports/sample/raw-script.md:11: body: HTML is not allowed in an entry (found <script>)",
  ]],
  ["report-colour-unquoted.yaml", undefined, [
    "reports/sample/report.yaml:54: legend 2, colour: is empty: # starts a comment in YAML, so \"#fff2cc\" was not read",
  ]],
  ["report-control-character.yaml", undefined, [
    "reports/sample/report.yaml:2: subtitle: contains an invisible control character (U+007F), which is not allowed",
    "reports/sample/report.yaml: its entries were not checked, because of the errors in report.yaml",
  ]],
  ["report-colour-format.yaml", undefined, [
    "reports/sample/report.yaml:50: legend 1, colour: \"green\" must be a colour written as \"#rrggbb\" (in quotes, because # starts a comment in YAML)",
  ]],
  ["report-duplicate-legend-id.yaml", undefined, [
    "reports/sample/report.yaml:52: legend 2, id: \"done\" is used twice in legend",
    "reports/sample/report.yaml: its entries were checked without the field status, because of the errors in report.yaml",
  ]],
  ["report-low-contrast.yaml", undefined, [
    "reports/sample/report.yaml:54: legend 2, colour: text in #0b0c0c on #6b6b6b has a contrast of 3.68:1, below the 4.5:1 that WCAG 2.2 AA requires",
  ]],
  ["report-no-themes.yaml", undefined, [
    "reports/sample/report.yaml:12: fields 1, values: needs at least one value",
    "reports/sample/report.yaml: its entries were checked without the field theme, because of the errors in report.yaml",
  ]],
  ["report-tab-indent.yaml", undefined, [
    "reports/sample/report.yaml:4: a tab is used for indenting on this line; YAML needs spaces",
    "reports/sample/report.yaml: its entries were not checked, because of the errors in report.yaml",
  ]],
  ["report-unknown-field.yaml", undefined, [
    "reports/sample/report.yaml:47: legends: \"legends\" is not a known report setting",
    "reports/sample/report.yaml:1: legend: is needed by the status field",
    "reports/sample/report.yaml: its entries were checked without the field status, because of the errors in report.yaml",
  ]],
  ["report-unsafe-markdown.yaml", undefined, [
    "reports/sample/report.yaml:3: introduction: HTML is not allowed in report.yaml (found <script>)",
    "reports/sample/report.yaml:3: introduction: the link \"javascript:alert(1)\" is not allowed",
    "reports/sample/report.yaml:3: introduction: the link \"javascript:alert(2)\" is not allowed",
    "reports/sample/report.yaml:3: introduction: the link \"data:text/html,hello\" is not allowed",
    "reports/sample/report.yaml:3: introduction: the link \"vbscript:msgbox\" is not allowed",
    "reports/sample/report.yaml:3: introduction: the link \"//evil.example/x\" is not allowed",
    "reports/sample/report.yaml:3: introduction: images are not allowed in report.yaml",
    "reports/sample/report.yaml:3: introduction: the link \"javascript:alert(4)\" is not allowed",
    "reports/sample/report.yaml:15: notes 2: HTML is not allowed in report.yaml (found <a>)",
    "reports/sample/report.yaml:67: legend 1, description: the link \"javascript:alert(5)\" is not allowed",
    "reports/sample/report.yaml:28: fields 1, values 1, description: images are not allowed in report.yaml",
    "reports/sample/report.yaml:44: fields 3, values 1, description: the link \"vbscript:x\" is not allowed",
  ]],
  ["report-yaml-syntax.yaml", undefined, [
    "reports/sample/report.yaml:2: a quotation mark is opened on this line but never closed",
    "reports/sample/report.yaml: its entries were not checked, because of the errors in report.yaml",
  ]],
  ["reserved-file-name.md", "reports/sample/themes.md", [
    "reports/sample/themes.md: \"themes.md\" cannot be an entry's file name (it becomes the page address)",
  ]],
  ["site-control-character.yaml", undefined, [
    "site.yaml:4: organisation: contains an invisible control character (U+000B), which is not allowed",
  ]],
  ["site-missing-organisation.yaml", undefined, [
    "site.yaml:1: organisation: is required but missing",
  ]],
  ["status-boolean.md", undefined, [
    "reports/sample/status-boolean.md:4: status: false is read as yes/no and must be one of the ids of colour code (legend entry)",
  ]],
  ["status-empty.md", undefined, [
    "reports/sample/status-empty.md:4: status: is empty but must be one of the ids of colour code (legend entry)",
  ]],
  ["status-label.md", undefined, [
    "reports/sample/status-label.md:4: status: \"Moving On\" is the label of a colour code (legend entry), not its id",
  ]],
  ["status-no.md", undefined, [
    "reports/sample/status-no.md:4: status: \"no\" is not a colour code (legend entry) of this report",
  ]],
  ["status-on.md", undefined, [
    "reports/sample/status-on.md:4: status: \"on\" is not a colour code (legend entry) of this report",
  ]],
  ["style-attribute.md", undefined, [
    "reports/sample/style-attribute.md:11: body: HTML is not allowed in an entry (found <span>)",
  ]],
  ["style-element.md", undefined, [
    "reports/sample/style-element.md:11: body: HTML is not allowed in an entry (found <style>)",
  ]],
  ["tab-indent.md", undefined, [
    "reports/sample/tab-indent.md:8: a tab is used for indenting on this line; YAML needs spaces",
  ]],
  ["title-list.md", undefined, [
    "reports/sample/title-list.md:2: title: is a list, but must be text (task / action, as the plan words it)",
  ]],
  ["unknown-column.md", undefined, [
    "reports/sample/unknown-column.md:7: owner: \"owner\" is not a known entry field",
  ]],
  ["unknown-destination.md", undefined, [
    "reports/sample/unknown-destination.md:5: next_phase: \"phase-3\" is not a new phase of this report",
  ]],
  ["unknown-evidence-field.md", undefined, [
    "reports/sample/unknown-evidence-field.md:9: evidence 1, link: \"link\" is not a known field of evidence",
  ]],
  // A typing mistake in a required field's name: one error, naming the field meant, not also "status is required".
  ["unknown-field.md", undefined, [
    "reports/sample/unknown-field.md:4: staus: \"staus\" is not a known entry field",
  ]],
  ["unknown-heading.md", undefined, [
    "reports/sample/unknown-heading.md:15: body: \"## Next steps\" is not a section of an entry",
  ]],
  ["unknown-status.md", undefined, [
    "reports/sample/unknown-status.md:4: status: \"complete\" is not a colour code (legend entry) of this report",
  ]],
  ["unknown-theme.md", undefined, [
    "reports/sample/unknown-theme.md:3: theme: \"frist-theme\" is not a theme of this report",
  ]],
  ["unterminated-frontmatter.md", undefined, [
    "reports/sample/unterminated-frontmatter.md:1: the frontmatter block is never closed",
  ]],
  ["yaml-alias-bomb.md", undefined, [
    "reports/sample/yaml-alias-bomb.md:8: uses too many YAML aliases (*a)",
  ]],
  ["yaml-colon-in-title.md", undefined, [
    "reports/sample/yaml-colon-in-title.md:2: the value on this line contains \": \", which YAML reads as another field",
  ]],
  ["yaml-curly-quotes-title.md", undefined, [
    "reports/sample/yaml-curly-quotes-title.md:2: the value on this line contains \": \", which YAML reads as another field",
  ]],
  ["yaml-no-space-after-colon.md", undefined, [
    "reports/sample/yaml-no-space-after-colon.md:4: there is no space after the colon in \"status:done\"",
  ]],
  ["yaml-syntax.md", undefined, [
    "reports/sample/yaml-syntax.md:2: a quotation mark is opened on this line but never closed",
  ]],
];

describe('bad content', () => {
  it('has a fixture for every case and a case for every fixture (at least 40)', () => {
    expect(CASES.map(([name]) => name).sort()).toEqual(readdirSync(BAD).sort());
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)('%s', (name, special, expected) => {
    const dir = contentWith([[join(BAD, name), targetOf(name, special)]]);
    const { diagnostics, content } = loadContent(dir, { root: dir });
    expect(diagnostics.map(without)).toEqual(expected);
    expect(content).toBeUndefined();
    // `npm run check` skips the HTML and dates, and finds exactly the same.
    expect(loadContent(dir, { root: dir, checkOnly: true }).diagnostics).toEqual(diagnostics);
    for (const d of diagnostics) {
      // The one warning: which of a report's entries were not checked because of its report.yaml.
      expect(d.severity, without(d)).toBe(/^its entries were (not )?checked/.test(d.message) ? 'warning' : 'error');
      // Every problem says how to fix it, except where the message itself says so.
      if (!/written twice|is required/.test(d.message)) expect(d.hint, without(d)).toBeTruthy();
    }
  });

  it('a file far too large', () => {
    const dir = contentWith([]);
    writeFileSync(join(dir, 'reports/sample/huge.md'), '---\ntitle: x\n---\n' + 'a'.repeat(MAX_FILE_BYTES + 1));
    expect(loadContent(dir, { root: dir }).diagnostics.map(without)).toEqual([
      `reports/sample/huge.md:1: the file is too large (over ${MAX_FILE_BYTES / 1024} KB)`,
    ]);
  });
});

/** The whole line an editor reads, fix included, for the mistakes officers met (issue "Editors"). */
describe('messages in an officer\'s words', () => {
  // A report.yaml that cannot be read at all also gets the one note that its entries were not checked.
  const UNCHECKED = 'reports/sample/report.yaml: warning: its entries were not checked, because of the errors in report.yaml (fix report.yaml, then check again)';
  const WORDING: [fixture: string, line: string][] = [
    ['date-wrong-format.md', `reports/sample/date-wrong-format.md:7: updated: "20/03/2024" must be a date written YYYY-MM-DD: write 2024-03-20 (change the line to updated: '2024-03-20')`],
    ['evidence-date-year-first.md', `reports/sample/evidence-date-year-first.md:9: evidence 1, date: "2024/03/20" must be a date written YYYY-MM-DD: write 2024-03-20 (change the line to date: '2024-03-20')`],
    ['report-colour-unquoted.yaml', 'reports/sample/report.yaml:54: legend 2, colour: is empty: # starts a comment in YAML, so "#fff2cc" was not read (put the value in quotes: colour: "#fff2cc")'],
    ['report-tab-indent.yaml', 'reports/sample/report.yaml:4: a tab is used for indenting on this line; YAML needs spaces (replace the tab with spaces, lined up with the lines above it)'],
    ['yaml-curly-quotes-title.md', 'reports/sample/yaml-curly-quotes-title.md:2: the value on this line contains ": ", which YAML reads as another field (put the value in straight quotes: title: "Review: phase 2 plan"; YAML does not read “ ” as quotes and would publish them)'],
    // A setting the report does not declare, not near any it does: how to declare it as a column (no "did you mean \"order\"?").
    ['unknown-column.md', 'reports/sample/unknown-column.md:7: owner: "owner" is not a known entry field (to add a new column, declare it in reports/sample/report.yaml under "fields:", e.g. - { id: owner, label: Owner, type: text, column: true }; docs/editing.md lists the other types; known: title, theme, status, next_phase, next_phase_text, order, evidence, updated)'],
    // A typing mistake of a declared field: the field meant, and the new column all the same.
    ['unknown-field.md', 'reports/sample/unknown-field.md:4: staus: "staus" is not a known entry field (did you mean "status"? known: title, theme, status, next_phase, next_phase_text, order, evidence, updated; a new column is declared first in reports/sample/report.yaml under "fields:")'],
    ['field-capitals.md', 'reports/sample/field-capitals.md:4: Status: "Status" is not a known entry field (write it in lower case: "status:")'],
    // An empty choice: what it needs, an example, and the ids from report.yaml.
    ['next-phase-empty.md', 'reports/sample/next-phase-empty.md:5: next_phase: is empty but needs at least one new phase (write one id, e.g. next_phase: later, or several as a list, e.g. next_phase: [later, nowhere]; the ids, listed under "values:" of next_phase in reports/sample/report.yaml: later, nowhere)'],
    ['status-empty.md', 'reports/sample/status-empty.md:4: status: is empty but must be one of the ids of colour code (legend entry) (write one id, e.g. status: done; the ids, listed under "legend:" in reports/sample/report.yaml: done, moving)'],
    ['next-phase-comma.md', 'reports/sample/next-phase-comma.md:5: next_phase: "later, nowhere" is read as one value, not as a list (write several values as a list in square brackets: next_phase: [later, nowhere])'],
    ['order-quoted.md', 'reports/sample/order-quoted.md:6: order: "10" is in quotes, so it is read as text, not as a number (take the quotes off: order: 10)'],
    ['date-month-name.md', `reports/sample/date-month-name.md:7: updated: "31 March 2025" must be a date written YYYY-MM-DD: write 2025-03-31 (change the line to updated: '2025-03-31')`],
    ['yaml-no-space-after-colon.md', 'reports/sample/yaml-no-space-after-colon.md:4: there is no space after the colon in "status:done" (put a space after the colon: status: done)'],
  ];
  it.each(WORDING)('%s', (name, line) => {
    const dir = contentWith([[join(BAD, name), targetOf(name)]]);
    const lines = loadContent(dir, { root: dir }).diagnostics.map(formatDiagnostic);
    expect(lines).toEqual(name === 'report-tab-indent.yaml' ? [line, UNCHECKED] : [line]);
  });

  it('a date that could be day first or month first gets both readings', () => {
    const dir = contentWith([[join(BAD, 'date-wrong-format.md'), 'reports/sample/date-wrong-format.md']]);
    writeFileSync(join(dir, 'reports/sample/date-wrong-format.md'), readFileSync(join(BAD, 'date-wrong-format.md'), 'utf8').replace('20/03/2024', '03/04/2024'));
    expect(loadContent(dir, { root: dir }).diagnostics.map(formatDiagnostic)).toEqual([
      `reports/sample/date-wrong-format.md:7: updated: "03/04/2024" must be a date written YYYY-MM-DD: write 2024-04-03 for 3 April 2024, or 2024-03-04 for 4 March 2024 (change the line to updated: '2024-04-03' or updated: '2024-03-04')`,
    ]);
  });

  it('two ids where one is allowed, and a list-valued text field given a group of fields, say how to write them', () => {
    const dir = contentWith([[join(BAD, 'next-phase-comma.md'), 'reports/sample/next-phase-comma.md']]);
    const text = readFileSync(join(BAD, 'next-phase-comma.md'), 'utf8');
    writeFileSync(join(dir, 'reports/sample/next-phase-comma.md'), text.replace('theme: first-theme', 'theme: first-theme, second-theme').replace('next_phase: later, nowhere', 'next_phase: later\nnext_phase_text:\n  wording: Later'));
    expect(loadContent(dir, { root: dir }).diagnostics.map(formatDiagnostic)).toEqual([
      'reports/sample/next-phase-comma.md:3: theme: "first-theme, second-theme" gives 2 values, but an entry has only one theme (keep one of them, e.g. theme: first-theme)',
      'reports/sample/next-phase-comma.md:6: next_phase_text: is a group of fields, but must be text (new phase (as worded in the plan)) (write the next_phase_text as plain text after "next_phase_text: "; several values go on lines of their own under "next_phase_text:", each starting "- ")',
    ]);
  });

  it('an evidence item without a space after "title:" says so', () => {
    const dir = contentWith([[join(BAD, 'tab-indent.md'), 'reports/sample/tab-indent.md']]);
    writeFileSync(join(dir, 'reports/sample/tab-indent.md'), readFileSync(join(BAD, 'tab-indent.md'), 'utf8').replace('\t- title: Board paper', '  - title:Board paper'));
    expect(loadContent(dir, { root: dir }).diagnostics.map(formatDiagnostic)).toEqual([
      'reports/sample/tab-indent.md:8: evidence 1: there is no space after the colon in "title:Board paper" (put a space after the colon: title: Board paper)',
    ]);
  });
});

describe('good content that looks odd', () => {
  it('a byte-order mark, Windows line endings and a bare date simply work', () => {
    const dir = contentWith([[join(GOOD, 'bom-crlf.md'), 'reports/sample/bom-crlf.md']]);
    const { diagnostics, content } = loadContent(dir, { root: dir });
    expect(diagnostics).toEqual([]);
    const entry = content!.reports[0]!.entries.find((e) => e.id === 'bom-crlf')!;
    expect(entry.title).toBe('Byte-order mark and Windows line endings');
    expect(entry.updated).toBe('2024-03-01');
    expect(entry.sections.undertaken!.html).toBe('<ul>\n<li>Works</li>\n</ul>');
  });
});

describe('checking only', () => {
  it('finds the same in the shipped content as a full load, and leaves the HTML and dates out', () => {
    const full = loadContent(resolve(ROOT, 'content'), { root: ROOT });
    const checked = loadContent(resolve(ROOT, 'content'), { root: ROOT, checkOnly: true });
    expect(checked.diagnostics).toEqual(full.diagnostics);
    expect(checked.files).toEqual(full.files);
    const entries = (r: typeof full) => r.content!.reports.flatMap((report) => report.entries);
    expect(entries(checked).map((e) => e.id)).toEqual(entries(full).map((e) => e.id));
    const html = (e: ReturnType<typeof entries>[number]) => e.sections.undertaken!.html + e.sections.outstanding!.html;
    expect(entries(full).every((e) => html(e) !== '' && e.lastUpdated !== '')).toBe(true);
    expect(entries(checked).every((e) => html(e) === '' && e.lastUpdated === '')).toBe(true);
  });
});

describe('npm run check', () => {
  const check = (content: string) =>
    spawnSync(process.execPath, ['src/cli/check.ts', '--content', content], { cwd: ROOT, encoding: 'utf8' });

  it('passes the shipped content, warning only that the accessibility contact is still to be provided', () => {
    const result = check('content');
    expect(result.stdout.trim().split('\n')).toEqual([
      'content/site.yaml:3: warning: accessibility: the accessibility statement lacks a contact (contact_email, contact_phone or contact_address) and the date of its last review (last_reviewed) (public bodies must publish how to report an accessibility problem: add them under "accessibility:" (see docs/editing.md))',
      expect.stringMatching(/^0 errors, 1 warning in \d+ files$/),
    ]);
    expect(result.status).toBe(0);
  });

  it('lists every problem at once, one line each, then a summary, exit 1, no stack trace', () => {
    const dir = contentWith(CASES.filter(([name]) => name.endsWith('.md') && !['duplicate-id.md', 'bad-file-name.md', 'reserved-file-name.md', 'duplicate-order.md'].includes(name)).map(([name]) => [join(BAD, name), `reports/sample/${name}`]));
    const result = check(dir);
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^\d+ errors, 0 warnings in \d+ files$/);
    const errors = Number(/^(\d+) errors/.exec(lines.at(-1)!)![1]);
    expect(errors).toBeGreaterThanOrEqual(35);
    expect(lines.length).toBe(errors + 1);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^\S*reports\/sample\/[\w.-]+\.md(:\d+)?: .+ \(.+\)$/);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(result.stderr).toBe('');
  });
});
