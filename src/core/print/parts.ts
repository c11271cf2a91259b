/**
 * The print document (document.ts) cut into parts that are typeset one by one
 * and joined into one PDF (src/build/pdf/): the front (cover, notices,
 * summary, changes, legend), the table in chunks of at most `rows` rows, and
 * the glossary appendix. Each part holds only what it prints, so an edit to
 * one entry changes one chunk's JSON and no other part's: the PDF step keeps
 * each part's PDF under a digest of it and typesets again only what changed.
 *
 * Chunks: a group (theme) of `rows` rows or fewer is never cut, and is put in
 * the chunk before it when both fit within `rows` rows; a longer group is cut
 * into chunks of nearly equal size. Each chunk starts on a new page; the first
 * carries the table's heading and caption, and a group's heading (its
 * bookmark) is printed in the chunk that holds the group's first row.
 *
 * The running footer ("Page 3 of 120") needs the joined PDF's page numbers,
 * which a part cannot know: no part prints it; footerPart makes the footers
 * alone, as one document of as many pages, drawn onto the joined pages.
 */
import type { PrintDocument, PrintGroup, PrintPart } from './types.ts';

/**
 * The most rows of the table in one part, by default. Measured at 1,000
 * generated entries (BENCHMARKS.md): Typst's memory grows with the rows of
 * one compile (the step's peak 465 MB at 50, 571 MB at 100, 620 MB at 200)
 * while the time to typeset them all hardly changes (10-12 s); the page
 * count is the same within a page, and an edit typesets 50 rows again.
 */
export const PART_ROWS = 50;

/** PDF_PART_ROWS (a positive whole number) or PART_ROWS: tests set it low to make several chunks of a small report. */
export function partRows(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.PDF_PART_ROWS);
  return Number.isInteger(value) && value > 0 ? value : PART_ROWS;
}

/** What every part has, for the PDF's title and language. */
function common(doc: PrintDocument): Pick<PrintPart, 'lang' | 'region' | 'title' | 'size'> {
  return { lang: doc.lang, ...(doc.region ? { region: doc.region } : {}), title: doc.title, ...(doc.size ? { size: doc.size } : {}) };
}

/** The table's groups cut into chunks of at most `rows` rows (see above). */
export function tableChunks(groups: PrintGroup[], rows: number): PrintGroup[][] {
  const chunks: { groups: PrintGroup[]; rows: number; whole: boolean }[] = [];
  for (const group of groups) {
    const n = group.rows.length;
    const last = chunks.at(-1);
    if (n <= rows) {
      if (last && last.whole && last.rows + n <= rows) {
        last.groups.push(group);
        last.rows += n;
      } else chunks.push({ groups: [group], rows: n, whole: true });
      continue;
    }
    const count = Math.ceil(n / rows);
    const size = Math.ceil(n / count);
    for (let start = 0; start < n; start += size) {
      const slice = group.rows.slice(start, start + size);
      // The group's heading goes with its first row only.
      const { heading, ...rest } = group;
      chunks.push({ groups: [{ ...(start === 0 && heading !== undefined ? { heading } : {}), ...rest, rows: slice }], rows: slice.length, whole: false });
    }
  }
  return chunks.map((c) => c.groups);
}

/** The parts of a print document, in the order they are joined. */
export function printParts(doc: PrintDocument, rows: number = partRows()): PrintPart[] {
  const { table, glossary, footer: _footer, ...front } = doc;
  const parts: PrintPart[] = [{ ...front, part: 'front' }];
  tableChunks(table.groups, rows).forEach((groups, i) => {
    // The table's heading and caption (which counts the rows) only in the first chunk, which prints
    // them: a row added or removed elsewhere leaves the other chunks' JSON, and their PDFs, as they were.
    parts.push({ ...common(doc), part: 'table', table: { ...table, ...(i > 0 ? { heading: '', caption: '' } : {}), groups, first: i === 0 } });
  });
  // A table with no rows still has its heading and caption.
  if (table.groups.length === 0) parts.push({ ...common(doc), part: 'table', table: { ...table, first: true } });
  if (glossary) parts.push({ ...common(doc), part: 'glossary', glossary });
  return parts;
}

/** The running footers of a joined PDF of `pages` pages, alone on as many pages. */
export function footerPart(doc: PrintDocument, pages: number): PrintPart {
  return { ...common(doc), part: 'footers', footer: doc.footer, pages };
}
