/**
 * Which rows the PDF keeps whole (src/build/pdf/fit.ts), checked against
 * Typst's own layout: the template measures every row of a real print
 * document when asked (measureRows), and each estimate must be close to it;
 * no row kept whole may be taller than a page (Typst would cut it off). Then
 * a row far taller than a page is typeset and read back with poppler: all its
 * text is printed, over several pages.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureRows, typeset } from '../../src/build/pdf/typeset.ts';
import { rowHeight, tableGeometry, withLayout, WHOLE_BELOW } from '../../src/build/pdf/fit.ts';
import { readSample, SAMPLE_CONTENT, writeGenerated } from '../../src/cli/bench/content.ts';
import { glossaryFor } from '../../src/core/glossary.ts';
import { loadContent } from '../../src/core/load.ts';
import type { Content, Report } from '../../src/core/model.ts';
import { printDocument } from '../../src/core/print/document.ts';
import type { PrintDocument } from '../../src/core/print/types.ts';
import { i18n } from '../../src/i18n/index.ts';
import { ROOT } from '../helpers/paths.ts';

const SIZES = [10, 14];
/** Words in a row of every kind of text a cell can hold: nested lists, a quotation, code, a long address, emphasis. */
const MIXED = `## Progress

The board agreed the **revised** plan; see the *minutes* and \`item-7/appendix-B\`.

- First step, done in the spring, with a longer explanation that runs over several lines of the column
  - A nested step under it, also long enough to wrap onto a second line of the narrow column
  - Another nested step
- Second step: https://www.example.org/a/very/long/address/that/does/not/break/anywhere/at/all/in/the/column

> A quotation from the peer review, long enough to take more than one line in its column of the table.

1. Numbered one
2. Numbered two, with more words to wrap it onto another line or two of the column in print

A reference with no place to break: ${'a1b2c3d4e5'.repeat(14)} and on.

Text the fonts have no glyph for: 改善計画の進捗状況を委員会に報告する 🙂🙂🙂 and 한국어 문장.

Hard line breaks:\
one\
two\
three

Closing words of the mixed row.
`;
/** A row far taller than a page: every paragraph must be printed. */
const TALL = Array.from({ length: 90 }, (_, i) => `Paragraph ${i + 1} of the tall row says what was done and what is left to do in this part of the plan.`).join('\n\n');

let reports: { name: string; report: Report; content: Content }[] = [];

function load(dir: string): Content {
  const result = loadContent(dir, { root: dir });
  if (!result.content) throw new Error(JSON.stringify(result.diagnostics));
  return result.content;
}

function doc(r: (typeof reports)[number]): PrintDocument {
  return printDocument(r.report, { t: i18n('en-GB'), glossary: glossaryFor(r.content.glossary, r.report.id), publisher: r.content.site.organisation, base: '/' });
}

beforeAll(() => {
  // The bench's generated rows (long, many near a page's height), with a mixed row and a tall one.
  const generated = join(mkdtempSync(join(tmpdir(), 'fit-')), 'content');
  const sample = readSample(SAMPLE_CONTENT);
  writeGenerated(sample, generated, 60, 7);
  const entry = (name: string, title: string, order: number, body: string) =>
    writeFileSync(join(generated, 'reports', sample.reportId, name), `---\ntitle: ${title}\ntheme: finance\nstatus: in-progress\nnext_phase: phase-3\norder: ${order}\n---\n\n${body}\n\n## Next steps\n\nNone.\n`);
  entry('zz-mixed.md', 'Mixed row', 61, MIXED);
  entry('zz-tall.md', 'Tall row', 62, `## Progress\n\n${TALL}`);
  const shapes = join(mkdtempSync(join(tmpdir(), 'fit-')), 'content');
  cpSync(join(ROOT, 'tests/fixtures/shapes'), shapes, { recursive: true });
  for (const [name, dir] of [['generated', generated], ['shapes', shapes], ['shipped', join(ROOT, 'content')]] as const) {
    const content = load(dir);
    for (const report of content.reports) reports.push({ name: `${name}/${report.id}`, report, content });
  }
});

describe("the PDF's estimate of each row's height", () => {
  it('is close to the height Typst lays the row out at, and never keeps whole a row taller than a page', () => {
    let checked = 0;
    for (const r of reports) {
      const d = doc(r);
      for (const size of SIZES) {
        const geometry = tableGeometry(size, d.table.columns.length);
        const measured = new Map(measureRows({ ...d, size }).map((m) => [m.ref, m.height]));
        const fitted = withLayout(d, size);
        for (const row of fitted.table.groups.flatMap((g) => g.rows)) {
          const real = measured.get(row.ref)!;
          const estimate = rowHeight(row, size, geometry);
          const where = `${r.name} row ${row.ref} at ${size} pt: estimate ${estimate.toFixed(1)} pt, Typst ${real.toFixed(1)} pt`;
          expect(real, where).toBeGreaterThan(0);
          // Erring tall is safe (the row gets a page of its own); erring short must stay well inside the margin.
          expect(estimate / real, where).toBeGreaterThan(0.96);
          expect(estimate / real, where).toBeLessThan(1.3);
          if (row.fit === 'whole') expect(real, where).toBeLessThan(geometry.limit);
          else expect(real, where).toBeGreaterThan(geometry.limit * WHOLE_BELOW * 0.8);
          checked++;
        }
      }
    }
    // Every report of every content folder, at both sizes.
    expect(checked).toBeGreaterThan(2 * 80);
  });

  it('lets the rows near a page height start a page and keeps the short ones together', () => {
    const d = withLayout(doc(reports.find((r) => r.name.startsWith('generated/'))!), 10);
    const fits = d.table.groups.flatMap((g) => g.rows.map((r) => r.fit));
    expect(fits).toContain('whole');
    expect(fits).toContain('break');
  });
});

describe('a row taller than a page', () => {
  it('is printed in full over more than one page, its reference and title at the top of the first', () => {
    const r = reports.find((x) => x.name.startsWith('generated/'))!;
    const d = doc(r);
    const tall = d.table.groups.flatMap((g) => g.rows).find((row) => row.title === 'Tall row')!;
    for (const size of SIZES) {
      const file = join(mkdtempSync(join(tmpdir(), 'fit-pdf-')), `tall-${size}.pdf`);
      writeFileSync(file, typeset({ ...d, size }).pdf);
      const pages = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f');
      // (pdftotext may run a line of the next column into one of this cell's: each paragraph is found by its number.)
      const paragraph = (i: number) => new RegExp(`\\bParagraph ${i} of\\b`);
      const holding = (i: number) => pages.findIndex((p) => paragraph(i).test(p));
      const first = holding(1);
      const last = holding(90);
      expect(first, `${size} pt`).toBeGreaterThan(0);
      expect(last, `${size} pt`).toBeGreaterThan(first);
      for (let i = 1; i <= 90; i++) expect(holding(i), `paragraph ${i} at ${size} pt`).toBeGreaterThanOrEqual(first);
      // The row starts a page: its reference and title are on the page of its first paragraph.
      expect(pages[first]!.replace(/\s+/g, ' ')).toContain('Tall row');
      expect(pages[first]!).toMatch(new RegExp(`(^|\\s)${tall.ref}\\s`));
    }
  });
});
