/** PDFs read back with poppler (pdfinfo, pdftotext, pdftohtml): what a reader and a screen reader get. */
import { execFileSync } from 'node:child_process';
import * as cheerio from 'cheerio';

// poppler says "Suspects object is wrong type" of Typst's /MarkInfo on stderr, and reads the file all the same.
export const pdfinfo = (file: string, ...args: string[]) => execFileSync('pdfinfo', [...args, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
export const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(pdfinfo(file))![1]);
export const pdftext = (file: string, first?: number, last = first, ...args: string[]) =>
  execFileSync('pdftotext', [...args, ...(first ? ['-f', String(first), '-l', String(last)] : []), file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
/** Text without line breaks or runs of spaces, so wrapped titles can be found. */
export const flat = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** The web addresses a PDF's links lead to. */
export const pdfLinks = (file: string) =>
  pdfinfo(file, '-url')
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/)[2])
    .filter((url): url is string => Boolean(url));

/** The document's language, from its XMP metadata (dc:language), which poppler prints with -meta. */
export const pdfLanguage = (file: string) => /<dc:language>\s*<rdf:Bag>\s*<rdf:li>([^<]+)<\/rdf:li>/.exec(pdfinfo(file, '-meta'))?.[1];

/**
 * A PDF read back with poppler's pdftohtml -xml at zoom 1: each line of text
 * with its page and font size in points, and the bookmarks (outline).
 */
export function readPdf(file: string) {
  const $ = cheerio.load(execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-zoom', '1', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }), { xml: true });
  const sizes = new Map($('fontspec').map((_, f) => [[$(f).attr('id'), Number($(f).attr('size'))]]).get() as [string, number][]);
  const lines = $('page text')
    .map((_, t) => ({ page: Number($(t).closest('page').attr('number')), size: sizes.get($(t).attr('font')!)!, text: $(t).text() }))
    .get()
    .filter((l) => l.text.trim() !== '');
  const outline = (list: ReturnType<typeof $>, depth: number): { title: string; page: number; depth: number }[] =>
    list.children().get().flatMap((el) => (el.tagName === 'item' ? [{ title: $(el).text(), page: Number($(el).attr('page')), depth }] : el.tagName === 'outline' ? outline($(el), depth + 1) : []));
  return { lines, outline: outline($('pdf2xml > outline').first(), 0) };
}

/**
 * The height of each word on each page, in points, from pdftotext -bbox-layout
 * (poppler makes each word's box as tall as its font size).
 */
export function wordHeights(file: string): Word[] {
  const $ = cheerio.load(execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }), { xml: true });
  return $('page')
    .get()
    .flatMap((page, i) =>
      $(page)
        .find('word')
        .get()
        .map((w) => {
          const [x, y, xMax, yMax] = ['xMin', 'yMin', 'xMax', 'yMax'].map((a) => Number($(w).attr(a)));
          return { page: i + 1, word: $(w).text(), x: x!, y: y!, xMax: xMax!, height: yMax! - y! };
        }),
    );
}

export interface Word {
  page: number;
  word: string;
  x: number;
  y: number;
  xMax: number;
  height: number;
}

/**
 * The text of the table's first two columns (reference and title) on each
 * page, read from the word boxes left of the third column's heading (the
 * first word of `third`), top to bottom: a long cell beside it cannot run into it.
 */
export function firstColumns(file: string, third: string): Map<number, string> {
  const words = wordHeights(file);
  const out = new Map<number, string>();
  for (const page of new Set(words.map((w) => w.page))) {
    const on = words.filter((w) => w.page === page);
    const header = on.find((w) => w.word === third.split(/\s+/)[0]);
    if (!header) continue;
    const column = on.filter((w) => w.xMax <= header.x).sort((a, b) => a.y - b.y || a.x - b.x);
    out.set(page, column.map((w) => w.word).join(' '));
  }
  return out;
}

/**
 * A page printed from the browser, read back (pdftotext -raw): the text before its glossary (the
 * running footers left out), the terms and meanings the glossary prints, one a line, and the
 * abbreviations it names as not explained.
 */
export function printedGlossary(raw: string): { page: string; listed: [string, string][]; unexplained: string } {
  const lines = raw.replace(/\f/g, '').split('\n').filter((l) => !/^Page \d+ of \d+$/.test(l) && !l.startsWith('Printed from '));
  const start = lines.indexOf('Glossary of abbreviations');
  if (start < 0) return { page: lines.join('\n'), listed: [], unexplained: '' };
  const rest = lines.slice(start + 2);
  const end = rest.indexOf('Not explained');
  const listed = (end < 0 ? rest : rest.slice(0, end)).filter((l) => l.trim()).map((l) => /^(\S+) (.+)$/.exec(l)!.slice(1, 3) as [string, string]);
  return { page: lines.slice(0, start).join('\n'), listed, unexplained: end < 0 ? '' : rest.slice(end + 1).join(' ') };
}
