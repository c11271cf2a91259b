/**
 * The committee pack's print document (src/core/print/) made from a real
 * content load of the tracker fixture, and typeset with Typst
 * (src/build/pdf/typeset.ts), then read back with poppler: content text is
 * printed as text, never run as Typst markup.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { typeset } from '../../src/build/pdf/typeset.ts';
import { glossaryFor } from '../../src/core/glossary.ts';
import { loadContent } from '../../src/core/load.ts';
import type { Content } from '../../src/core/model.ts';
import { STATUS_SYMBOLS } from '../../src/core/legend.ts';
import { rowReference, sectionLabel, tableColumns } from '../../src/core/model.ts';
import { groupRows } from '../../src/core/table-order.ts';
import { printDocument, type PrintOptions } from '../../src/core/print/document.ts';
import { printNodes } from '../../src/core/print/nodes.ts';
import { i18n } from '../../src/i18n/index.ts';
import { ROOT } from '../helpers/paths.ts';

/** Typst's markup, in an entry's title and body: each must print as written. */
const HOSTILE_TITLE = 'Costs #panic("x") $x$ [ @ref <label> \\ end';
const HOSTILE_BODY = 'Read #panic("body") and $y^2$ then #set text(size: 2pt) [see @ref] #import "x.typ" and a back\\\\slash.';

let content: Content;
const options = (extra: Partial<PrintOptions> = {}): PrintOptions => ({ t: i18n('en-GB'), glossary: glossaryFor(content.glossary, 'tracker'), publisher: content.site.organisation, base: '/plan/', ...extra });
const tracker = () => content.reports.find((r) => r.id === 'tracker')!;

beforeAll(() => {
  const dir = join(mkdtempSync(join(tmpdir(), 'print-')), 'content');
  cpSync(join(ROOT, 'tests/fixtures/shapes'), dir, { recursive: true });
  writeFileSync(
    join(dir, 'reports/tracker/hostile.md'),
    `---\ntitle: '${HOSTILE_TITLE}'\nreference: P9.9\ndirectorate: place\nstage: red\norder: 4\n---\n\n## Update\n\n${HOSTILE_BODY} The RAG is red.\n`,
  );
  const result = loadContent(dir, { root: dir });
  if (!result.content) throw new Error(JSON.stringify(result.diagnostics));
  content = result.content;
});

describe('the print document', () => {
  it("has the report page's columns, in its order, after the plan's own reference and the title", () => {
    const doc = printDocument(tracker(), options());
    // The tracker declares its own references (reference: reference, labelled "Ref").
    expect(doc.table.refLabel).toBe('Ref');
    expect(doc.table.titleLabel).toBe(tracker().title_label);
    expect(doc.table.columns).toEqual(tableColumns(tracker()).map((c) => (c.kind === 'section' ? sectionLabel(c.section) : c.field.label)));
    const rows = doc.table.groups.flatMap((g) => g.rows);
    // Grouped as the report page groups them, each with its reference.
    expect(rows.map((r) => [r.ref, r.title])).toEqual(groupRows(tracker()).flatMap((g) => g.entries.map((e) => [rowReference(tracker(), e), e.title])));
    expect(rows.map((r) => r.ref)).toEqual(expect.arrayContaining(['P1.2', 'P2.4', 'P9.9']));
    expect(doc.table.columns).not.toContain('Ref');
    expect(doc.table.groups.map((g) => g.heading)).toEqual(groupRows(tracker()).map((g) => g.value?.label));
    for (const row of rows) expect(row.cells).toHaveLength(doc.table.columns.length);
  });

  it('links every entry to its published page with SITE, and to none without', () => {
    const withSite = printDocument(tracker(), options({ site: 'https://plan.example.org' }));
    const rows = withSite.table.groups.flatMap((g) => g.rows);
    expect(rows.map((r) => r.url)).toEqual(groupRows(tracker()).flatMap((g) => g.entries.map((e) => `https://plan.example.org/plan/tracker/${e.id}/`)));
    expect(withSite.footer.address).toBe('Published at https://plan.example.org/plan/tracker/');
    const without = printDocument(tracker(), options());
    expect(without.table.groups.flatMap((g) => g.rows).some((r) => r.url)).toBe(false);
    // Without a public address, the publisher (site.yaml's organisation), as the website's footer names it; not the site's title.
    expect(without.footer.address).toBe('Published by Example Borough Council');
    expect(JSON.stringify(without)).not.toMatch(/"url":"\//);
  });

  it('gives the reporting date, the progress headline and a glossary of the abbreviations it prints', () => {
    const doc = printDocument(tracker(), options());
    expect(doc.date).toBe('As at 30 June 2025.');
    expect(doc.footer.date).toBe(doc.date);
    expect(doc.summary.progress).toMatch(/^\d+ of \d+ complete$/);
    expect(doc.glossary?.terms).toEqual([{ term: 'RAG', meaning: 'Red, amber, green' }]);
    expect(doc.changes).toBeUndefined();
    // "P9" (of the reference P9.9) looks like an abbreviation the glossary neither explains nor names (P1 and P2 are
    // under "ignore:"): listed as not explained, in the words of /glossary/, as it would be under "unexplained:".
    const notExplained = { heading: 'Not explained', intro: i18n('en-GB').messages.glossary.unexplained, terms: ['P9'] };
    expect(doc.glossary?.unexplained).toEqual(notExplained);
    const glossary = options().glossary;
    expect(printDocument(tracker(), options({ glossary: { ...glossary, unexplained: ['P9'] } })).glossary?.unexplained).toEqual(notExplained);
    expect(printDocument(tracker(), options({ glossary: { ...glossary, ignore: [...glossary.ignore, 'P9'] } })).glossary?.unexplained).toBeUndefined();
  });

  it('turns Markdown into a tree of text nodes, links made absolute or dropped', () => {
    const html = '<p>See <a href="/plan/x/">the page</a>, <a href="https://example.org/a">a site</a> and <abbr title="Red, amber, green" tabindex="0">RAG</abbr>.</p>\n<ul>\n<li>one<br>two</li>\n</ul>';
    expect(printNodes(html, { link: (href) => (href.startsWith('/') ? undefined : href) })).toEqual([
      { t: 'p', c: ['See ', 'the page', ', ', { t: 'link', url: 'https://example.org/a', c: ['a site'] }, ' and ', { t: 'abbr', text: 'RAG', title: 'Red, amber, green' }, '.'] },
      { t: 'list', ordered: false, c: [{ t: 'li', c: ['one', { t: 'br' }, 'two'] }] },
    ]);
  });
});

describe('the typeset PDF', () => {
  it('has a glyph for every status symbol, the changed mark and the arrow in the font it ships, and uses no other font', () => {
    const font = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf/DejaVuSans.ttf');
    // fontconfig's view of the font's character set: ranges of hexadecimal code points.
    const ranges = execFileSync('fc-query', ['--format=%{charset}', font], { encoding: 'utf8' })
      .trim()
      .split(/\s+/)
      .map((r) => r.split('-').map((h) => parseInt(h, 16)));
    const has = (ch: string) => ranges.some(([a, b = a]) => ch.codePointAt(0)! >= a! && ch.codePointAt(0)! <= b!);
    for (const ch of [...STATUS_SYMBOLS, '✱', '→', '–', '’', '“', '”']) expect(has(ch), ch).toBe(true);
    const { pdf } = typeset({ ...printDocument(tracker(), options()), size: 10 });
    const file = join(mkdtempSync(join(tmpdir(), 'print-pdf-')), 'fonts.pdf');
    writeFileSync(file, pdf);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+DejaVuSans(Mono)?(-\w+)?\s/);
  });

  it('says at the top of each page that goes on with a row which row it is, a long title shortened to two lines, as text', () => {
    const doc = printDocument(tracker(), options());
    // The hostile row, with a title of many words and an update longer than a page.
    const long = `${HOSTILE_TITLE} ${Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ')}`;
    const tall = [{ t: 'list' as const, ordered: false, c: Array.from({ length: 120 }, (_, i) => ({ t: 'li' as const, c: [`Point ${i + 1}.`] })) }];
    for (const g of doc.table.groups) for (const r of g.rows) if (r.ref === 'P9.9') Object.assign(r, { title: long, cells: r.cells.map((c, i) => (i === r.cells.length - 1 ? tall : c)) });
    const { pdf } = typeset({ ...doc, size: 14 });
    const file = join(mkdtempSync(join(tmpdir(), 'print-pdf-')), 'continued.pdf');
    writeFileSync(file, pdf);
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
    const first = pages.findIndex((p) => p.includes('Point 1.'));
    const last = pages.findIndex((p) => p.includes('Point 120.'));
    expect(first).toBeGreaterThan(0);
    expect(last).toBeGreaterThan(first);
    for (const page of pages.slice(first + 1, last + 1)) {
      const lines = page.split('\n').filter((l) => l.trim());
      // The words, then the table's header row ("Ref  Action …") on the third line at the latest.
      const header = lines.findIndex((l) => /^\s*Ref\s+Action\s/.test(l));
      expect(header, page).toBeGreaterThan(0);
      expect(header).toBeLessThanOrEqual(2);
      const words = lines.slice(0, header).map((l) => l.trim()).join(' ');
      expect(words.startsWith(`Ref P9.9 (continued): ${HOSTILE_TITLE} word0`), words).toBe(true);
      expect(words).toMatch(/ word\d+…$/);
    }
    expect(pages[first]!.split('\n').find((l) => l.trim())).not.toContain('(continued)');
  });

  it("prints an entry's Typst syntax as literal text, in its title and its body", () => {
    const doc = printDocument(tracker(), options({ site: 'https://plan.example.org' }));
    const { pdf, pages } = typeset({ ...doc, size: 10 });
    const file = join(mkdtempSync(join(tmpdir(), 'print-pdf-')), 'tracker.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })).toMatch(new RegExp(`^Pages:\\s+${pages}$`, 'm'));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(HOSTILE_TITLE);
    expect(text).toContain('Read #panic("body") and $y^2$ then #set text(size: 2pt) [see @ref] #import "x.typ" and a back\\slash.');
  });
});
