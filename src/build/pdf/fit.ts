/**
 * Which rows of the printed table can be kept whole on a page, decided before
 * Typst lays them out.
 *
 * The template (report.typ) never splits a row across pages unless it is
 * taller than a page (an unbreakable row taller than a page would be cut
 * off). Typst can only tell by laying each long row out twice (measure, then
 * place), which took most of the PDF's time. Here each cell's height is
 * estimated from the font's own advance widths (fontkit reads them from the
 * DejaVu files Typst uses) by breaking its lines as Typst does for text that
 * is not justified (first fit, no hyphenation). A row estimated clearly
 * shorter than a page is kept whole; any other row starts a page of its own
 * and goes on to the next page only if it must: for a row of nine tenths of a
 * page or more that changes nothing but the rare page it could have shared
 * with a few lines of the row before. On the bench's 1,000 rows the estimate
 * is within 2% below and 10% above Typst's own measure.
 *
 * The page's geometry is set here (PAGE, pageMargins, tableGeometry) and the
 * template lays its pages and table out with it; tests/unit/pdf-fit.test.ts
 * checks every decision made here against Typst's own measure.
 */
import { create, type Font } from 'fontkit';
import { fontData, FONT_FILES, type FontStyle } from './fonts.ts';
import type { PrintContent, PrintDocument, PrintRow } from '../../core/print/types.ts';

/** How a row is placed: kept whole, or starting a page of its own and breaking only if it must. */
export type RowFit = 'whole' | 'break';

/** Kept whole only below this part of a page: the margin for the estimate's error. */
export const WHOLE_BELOW = 0.9;

const MM = 72 / 25.4;

/**
 * The page: A4 landscape and its margins, in points. The one place they are
 * set: the template lays its pages out with them (typeset.ts gives them as
 * the document's `layout`), so the estimate and the print cannot differ.
 */
export const PAGE = { width: 297 * MM, height: 210 * MM };

/**
 * The page's margins at a body size, in points. The top one holds, on a page
 * that goes on with a row begun on the page before, the line that says which
 * ("Row 7 (continued): …", at the body size, on two lines at the most), 0.8 em
 * (`headerGap`) above the page's body and at least 5 mm below the paper's edge:
 * two lines take 2.3 em with their ascenders. The bottom one holds the
 * running footer.
 */
export function pageMargins(size: number) {
  return { x: 14 * MM, top: 5 * MM + 3.1 * size, bottom: 19 * MM, headerGap: 0.8 * size };
}

/** The table's geometry at a body size, in points: the template's column widths and cell inset, and what a row may take. */
export function tableGeometry(size: number, columns: number) {
  const margin = pageMargins(size);
  const bodyWidth = PAGE.width - 2 * margin.x;
  const bodyHeight = PAGE.height - margin.top - margin.bottom;
  // The reference, the title (2 parts) and each column (2.2 parts) of the page's width.
  const refWidth = 4.2 * size;
  const part = (bodyWidth - refWidth) / (2 + 2.2 * columns);
  return {
    bodyHeight,
    inset: 0.4 * size,
    widths: [refWidth, 2 * part, ...Array.from({ length: columns }, () => 2.2 * part)],
    /** What a row may take: the page, less an allowance for the header row repeated above it. */
    limit: bodyHeight - 5 * size,
  };
}

type Style = FontStyle;

interface Face {
  font: Font;
  /** Advance widths in ems, by code point. */
  widths: Map<number, number>;
}
let faces: Record<Style, Face> | undefined;
function face(style: Style): Face {
  if (!faces) {
    faces = Object.fromEntries((Object.keys(FONT_FILES) as Style[]).map((s) => [s, { font: create(fontData(s)) as Font, widths: new Map() }])) as Record<Style, Face>;
  }
  return faces[style];
}

/** A text's width in ems. */
function width(text: string, style: Style): number {
  const f = face(style);
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let a = f.widths.get(cp);
    if (a === undefined) {
      a = f.font.glyphForCodePoint(cp).advanceWidth / f.font.unitsPerEm;
      f.widths.set(cp, a);
    }
    w += a;
  }
  return w;
}

/** A word (no break inside it) and the width of the space after it, in ems. */
interface Word {
  w: number;
  space: number;
  /** A forced line break after it. */
  br?: boolean;
  /** A status tag: a box a little taller than its line. */
  tall?: boolean;
  /** Its pieces' widths, where it may break (after a slash or a hyphen: an address, a long compound). */
  pieces?: number[];
}

/** A paragraph: its words, its indent and hanging indent, in ems. */
interface Para {
  words: Word[];
  indent: number;
  hanging: number;
}

/** Text and inline nodes as words: a new word at each space. */
function inline(nodes: unknown, style: Style, out: Word[]): void {
  if (typeof nodes === 'string') {
    const parts = nodes.split(' ');
    parts.forEach((p, i) => {
      if (i > 0) {
        const last = out.at(-1);
        if (last && !last.br) last.space += width(' ', style);
        else if (!last) out.push({ w: 0, space: width(' ', style) });
      }
      if (!p) return;
      const last = out.at(-1);
      // Text that follows a word with no space between (bold then plain) continues it.
      const pieces = p.split(/(?<=[/-])/).map((piece) => width(piece, style));
      if (i === 0 && last && last.space === 0 && !last.br) {
        last.w += pieces.reduce((a, b) => a + b, 0);
        last.pieces = [...(last.pieces ?? [last.w]), ...pieces];
      } else out.push({ w: pieces.reduce((a, b) => a + b, 0), space: 0, ...(pieces.length > 1 ? { pieces } : {}) });
    });
    return;
  }
  if (Array.isArray(nodes)) {
    for (const n of nodes) inline(n, style, out);
    return;
  }
  if (!nodes || typeof nodes !== 'object') return;
  const n = nodes as { t: string; c?: unknown; text?: string; symbol?: string; label?: string };
  if (n.t === 'strong') inline(n.c, style === 'italic' || style === 'boldItalic' ? 'boldItalic' : 'bold', out);
  else if (n.t === 'em') inline(n.c, style === 'bold' || style === 'boldItalic' ? 'boldItalic' : 'italic', out);
  else if (n.t === 'code') inline(n.text ?? '', 'mono', out);
  else if (n.t === 'abbr') inline(n.text ?? '', style, out);
  else if (n.t === 'br') {
    const last = out.at(-1);
    if (last) last.br = true;
    else out.push({ w: 0, space: 0, br: true });
  } else if (n.t === 'tag') {
    // A box (0.25 em inset each side) that wraps its words inside itself when wider than the line.
    const pieces = `${n.symbol} ${n.label}`.split(' ').map((word, i, all) => width(i < all.length - 1 ? `${word} ` : word, style) + (i === 0 || i === all.length - 1 ? 0.25 : 0));
    out.push({ w: pieces.reduce((a, b) => a + b, 0), space: 0, tall: true, pieces });
  }
  else inline(n.c ?? n.text ?? '', style, out);
}

const BLOCKS = new Set(['p', 'list', 'quote', 'heading']);
const isBlock = (n: unknown) => !!n && typeof n === 'object' && !Array.isArray(n) && BLOCKS.has((n as { t: string }).t);

/** A cell's content as paragraphs, in the order the template lays them out (its md function). */
function paragraphs(content: readonly unknown[], indent: number, out: Para[]): void {
  let run: unknown[] = [];
  const flush = () => {
    if (run.length) {
      const words: Word[] = [];
      inline(run, 'regular', words);
      out.push({ words, indent, hanging: 0 });
    }
    run = [];
  };
  for (const n of content) {
    if (!isBlock(n)) {
      run.push(n);
      continue;
    }
    flush();
    const node = n as { t: string; c: unknown[]; ordered?: boolean };
    if (node.t === 'p') paragraphs(node.c, indent, out);
    else if (node.t === 'heading') {
      const words: Word[] = [];
      inline(node.c, 'bold', words);
      out.push({ words, indent, hanging: 0 });
    } else if (node.t === 'quote') paragraphs(node.c, indent + 2, out);
    else if (node.t === 'list') {
      for (const [i, li] of (node.c as { c: unknown[] }[]).entries()) {
        const children = li.c ?? [];
        const firstIsP = isBlock(children[0]) && (children[0] as { t: string }).t === 'p';
        const first = firstIsP ? (children[0] as { c: unknown[] }).c : children.filter((x) => !isBlock(x));
        const rest = firstIsP ? children.slice(1) : children.filter(isBlock);
        const words: Word[] = [];
        const marker = node.ordered ? `${((node as { start?: number }).start ?? 1) + i}. ` : '• ';
        inline([marker, ...first], 'regular', words);
        out.push({ words, indent, hanging: 0.9 });
        if (rest.length) paragraphs(rest, indent + 0.9, out);
      }
    }
  }
  flush();
}

/** Lines of a paragraph, broken first-fit at spaces as Typst breaks text that is not justified. */
function lines(p: Para, widthEm: number): number {
  let count = 1;
  let x = 0;
  let first = true;
  const avail = () => widthEm - p.indent - (first ? 0 : p.hanging);
  for (const word of p.words) {
    if (x > 0 && x + word.w > avail()) {
      count++;
      first = false;
      x = 0;
    }
    // A word wider than the line: Typst breaks it where it may (after a slash or a hyphen), else
    // anywhere, at worst one line per line's width.
    if (x === 0 && word.w > avail()) {
      for (const piece of word.pieces ?? [word.w]) {
        if (x > 0 && x + piece > avail()) {
          count++;
          first = false;
          x = 0;
        }
        const extra = piece > avail() ? Math.ceil(piece / avail()) - 1 : 0;
        count += extra;
        if (extra) first = false;
        x += piece - extra * avail();
      }
    } else x += word.w;
    x += word.space;
    if (word.br) {
      count++;
      first = false;
      x = 0;
    }
  }
  return count;
}

/** A line's own height in ems (Typst's "cap-height" top edge to the baseline), as Typst lays out DejaVu Sans: measured. */
const CAP = 0.76;
const LEADING = 0.55;
/** Space between paragraphs and blocks in a cell (the template's 0.5–0.65 em): the larger, to err tall. */
const GAP = 0.65;

/** A cell's height in points at a body size, for its content width in points. */
export function cellHeight(content: readonly unknown[], widthPt: number, size: number): number {
  const paras: Para[] = [];
  paragraphs(content, 0, paras);
  if (paras.length === 0) return 0;
  let em = 0;
  for (const p of paras) {
    const n = lines(p, widthPt / size);
    // A status tag's box (inset 0.15 em above and below) makes its line taller.
    em += n * CAP + (n - 1) * LEADING + (p.words.some((w) => w.tall) ? 0.3 : 0);
  }
  em += (paras.length - 1) * GAP;
  return em * size;
}

/** The title cell: its title in bold, then its status tag and "changed" marker on lines of their own. */
function titleContent(row: PrintRow): unknown[] {
  const out: unknown[] = [{ t: 'p', c: [{ t: 'strong', c: [row.title] }] }];
  if (row.status) out.push({ t: 'p', c: [row.status] });
  if (row.changed) out.push({ t: 'p', c: [{ t: 'em', c: [`✱ ${row.changed}`] }] });
  return out;
}

/** The estimated height of a row's tallest cell, with its insets, in points. */
export function rowHeight(row: PrintRow, size: number, geometry = tableGeometry(size, row.cells.length)): number {
  const cells: unknown[][] = [[{ t: 'strong', c: [row.ref] }], titleContent(row), ...(row.cells as PrintContent[])];
  let tallest = 0;
  cells.forEach((c, i) => {
    tallest = Math.max(tallest, cellHeight(c, geometry.widths[i]! - 2 * geometry.inset, size));
  });
  return tallest + 2 * geometry.inset;
}

/** How to place a row: whole when clearly shorter than a page, else on a page of its own. */
export function rowFit(row: PrintRow, size: number, geometry = tableGeometry(size, row.cells.length)): RowFit {
  return rowHeight(row, size, geometry) < geometry.limit * WHOLE_BELOW ? 'whole' : 'break';
}

/** The most lines the words at the top of a page that goes on with a row may take (the top margin holds two). */
export const CONTINUED_LINES = 2;

/**
 * The words at the top of a page that goes on with a row ("Row 7 (continued):
 * Recruitment"), in bold across the page: the table's words with the row's
 * reference and title, the title shortened (to its first words and "…") when
 * the whole would take more than two lines.
 */
export function continuedLine(words: PrintDocument['table']['continued'], row: Pick<PrintRow, 'ref' | 'title'>, size: number): string {
  const fill = (title: string) => words.map((w) => (typeof w === 'string' ? w : w.field === 'ref' ? row.ref : title)).join('');
  const widthEm = (PAGE.width - 2 * pageMargins(size).x) / size;
  const fits = (text: string) => {
    const out: Word[] = [];
    inline({ t: 'strong', c: [text] }, 'regular', out);
    return lines({ words: out, indent: 0, hanging: 0 }, widthEm) <= CONTINUED_LINES;
  };
  if (fits(fill(row.title))) return fill(row.title);
  const title = row.title.split(' ');
  let n = title.length - 1;
  while (n > 1 && !fits(fill(`${title.slice(0, n).join(' ')}…`))) n--;
  return fill(`${title.slice(0, n).join(' ')}…`);
}

/** What the template lays a document out with: the page's margins and, with a table, its columns' widths and cells' inset (points). */
export interface Layout {
  margin: ReturnType<typeof pageMargins>;
  table?: { widths: number[]; inset: number };
}

/**
 * The document (or a part) as the template reads it at a body size: its
 * layout, and each of its table's rows with its placement decided; a row that
 * may go on to the next page with the words that say so there (continuedLine).
 */
export function withLayout<D extends object>(doc: D, size: number): D & { size: number; layout: Layout } {
  const table = (doc as { table?: PrintDocument['table'] }).table;
  if (!table) return { ...doc, size, layout: { margin: pageMargins(size) } };
  const geometry = tableGeometry(size, table.columns.length);
  return {
    ...doc,
    size,
    layout: { margin: pageMargins(size), table: { widths: geometry.widths, inset: geometry.inset } },
    table: {
      ...table,
      groups: table.groups.map((g) => ({
        ...g,
        rows: g.rows.map((r) => {
          const fit = rowFit(r, size, geometry);
          return { ...r, fit, ...(fit === 'break' ? { continued: continuedLine(table.continued, r, size) } : {}) };
        }),
      })),
    },
  };
}
