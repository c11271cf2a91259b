/**
 * The PDF in parts: the print document cut into parts (src/core/print/parts.ts)
 * and the PDF step (src/build/pdf/step.ts) run on the real content's print
 * document, typesetting each part with Typst and joining them, then again
 * after an edit to one row: only that row's chunk is typeset again. The
 * PDFs are read back with poppler.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfStep } from '../../src/build/pdf/step.ts';
import { glossaryFor } from '../../src/core/glossary.ts';
import { loadContent } from '../../src/core/load.ts';
import { printDocument } from '../../src/core/print/document.ts';
import { printParts, tableChunks } from '../../src/core/print/parts.ts';
import type { PrintDocument, PrintGroup, PrintRow } from '../../src/core/print/types.ts';
import { i18n } from '../../src/i18n/index.ts';
import { CONTENT } from '../helpers/paths.ts';
import { flat, pdfinfo, pdfPages, pdftext } from '../helpers/pdf.ts';

const row = (n: number): PrintRow => ({ ref: String(n), title: `Row ${n}`, cells: [] });
const group = (heading: string, from: number, count: number): PrintGroup => ({ heading, rows: Array.from({ length: count }, (_, i) => row(from + i)) });

describe('the parts of a print document', () => {
  it('keep every row once, in order, at most so many to a chunk; small groups share one, a long one is cut evenly, its heading with its first rows', () => {
    const groups = [group('A', 1, 2), group('B', 3, 3), group('C', 6, 11), group('D', 17, 1)];
    const chunks = tableChunks(groups, 5);
    expect(chunks.map((c) => c.map((g) => [g.heading ?? '…', g.rows.length]))).toEqual([
      [['A', 2], ['B', 3]],
      [['C', 4]],
      [['…', 4]],
      [['…', 3]],
      [['D', 1]],
    ]);
    expect(chunks.flat().flatMap((g) => g.rows.map((r) => r.ref))).toEqual(groups.flatMap((g) => g.rows.map((r) => r.ref)));
  });

  it('are the front, the table in chunks (the first with its heading) and the glossary, each with only what it prints', () => {
    const doc = { lang: 'en', title: 'T', table: { heading: 'The table', caption: '7 actions', refLabel: 'Row', titleLabel: 'Title', columns: [], groups: [group('A', 1, 7)] }, glossary: { heading: 'G', intro: '', terms: [] }, footer: { address: 'a', date: 'd', page: '{page}' } } as unknown as PrintDocument;
    const parts = printParts(doc, 3);
    expect(parts.map((p) => p.part)).toEqual(['front', 'table', 'table', 'table', 'glossary']);
    expect(parts.map((p) => (p.part === 'table' ? p.table.first : undefined))).toEqual([undefined, true, false, false, undefined]);
    // Only the first chunk prints the heading and the caption that counts the rows: only its JSON holds them.
    expect(parts.map((p) => (p.part === 'table' ? [p.table.heading, p.table.caption] : undefined))).toEqual([undefined, ['The table', '7 actions'], ['', ''], ['', ''], undefined]);
    expect(parts[0]).not.toHaveProperty('table');
    expect(parts[0]).not.toHaveProperty('footer');
    expect(parts[4]).not.toHaveProperty('table');
  });
});

describe('the PDF step, in parts', () => {
  const saved = { ...process.env };
  let dir: string;
  let doc: PrintDocument;
  const id = 'phase-2-close-down';
  const logger = { info: () => undefined, warn: (m: string) => warnings.push(m) };
  const warnings: string[] = [];
  const run = (d: PrintDocument) => {
    writeFileSync(join(dir, id, 'print-document.json'), JSON.stringify(d));
    writeFileSync(join(dir, id, 'index.html'), `<html lang="en-GB"><body><ul><li class="pdf-download" data-pdf="${id}/${id}.pdf" hidden></li></ul></body></html>`);
    return pdfStep.run({ dir, base: '/', logger });
  };

  beforeAll(() => {
    const root = mkdtempSync(join(tmpdir(), 'pdf-parts-'));
    dir = join(root, 'dist');
    mkdirSync(join(dir, id), { recursive: true });
    Object.assign(process.env, { PDF_CACHE: join(root, 'cache'), PDF_PART_ROWS: '4' });
    delete process.env.SKIP_PDF;
    const result = loadContent(CONTENT, { root: CONTENT });
    if (!result.content) throw new Error(JSON.stringify(result.diagnostics));
    const report = result.content.reports.find((r) => r.id === id)!;
    doc = printDocument(report, { t: i18n('en-GB'), glossary: glossaryFor(result.content.glossary, id), publisher: result.content.site.organisation, site: 'https://plan.example.org', base: '/' });
  });
  afterAll(() => {
    for (const key of ['PDF_CACHE', 'PDF_PART_ROWS', 'SKIP_PDF']) if (saved[key] === undefined) delete process.env[key];
    Object.assign(process.env, saved);
  });

  it('typesets every part, then none for the same document, then only the chunk of a row that changed', { timeout: 120_000 }, async () => {
    const file = join(dir, id, `${id}.pdf`);
    const first = await run(doc);
    const all = /^2 PDFs \((\d+) of (\d+) parts typeset\)$/.exec(String(first));
    expect(all, String(first)).not.toBeNull();
    expect(all![1]).toBe(all![2]);
    // Per variant: the front, 8 chunks of at most 4 rows (20 rows in themes of 5, 5, 1, 6 and 3: 3+2, 3+2, 1, 3+3, 3), the glossary, the footers.
    expect(Number(all![2])).toBe(2 * (1 + 8 + 1 + 1));
    expect(pdfinfo(file)).toMatch(/^Tagged:\s+yes$/m);
    const pages = pdfPages(file);

    expect(await run(doc)).toBe('2 PDFs (all unchanged, from the cache)');

    // An edit to one row in the middle of the table, its text as long as before.
    const edited = structuredClone(doc);
    const rows = edited.table.groups.flatMap((g) => g.rows);
    const target = rows[9]!;
    const before = target.title;
    target.title = `Edited ${before.slice(7)}`.slice(0, before.length).padEnd(before.length, 'x');
    expect(await run(edited)).toBe(`2 PDFs (2 of ${all![2]} parts typeset again)`);
    // Read in the structure tree's order (a title cell's lines come in a column beside others on the page).
    const text = flat([...pdfinfo(file, '-struct-text').matchAll(/^\s*"(.*)"$/gm)].map((m) => m[1]).join(''));
    expect(text).toContain(flat(target.title));
    expect(text).not.toContain(flat(before));
    expect(pdfPages(file)).toBe(pages);
    expect(flat(pdftext(file, pages))).toContain(flat(`Page ${pages} of ${pages}`));
    expect(warnings).toEqual([]);
    expect(readFileSync(join(dir, id, 'index.html'), 'utf8')).toContain(`href="/${id}/${id}.pdf"`);
  });
});
