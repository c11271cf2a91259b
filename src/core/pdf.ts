/**
 * The page count of a PDF written by Chromium: the /Count of its page tree
 * root. Chromium (Skia) writes the page tree uncompressed, so this is read
 * directly rather than with a PDF library; the tests check it against
 * poppler's pdfinfo.
 */
import { t as defaultI18n, type I18n } from '../i18n/index.ts';

export function pdfPageCount(pdf: Uint8Array): number | undefined {
  const text = Buffer.from(pdf).toString('latin1');
  let best: number | undefined;
  // Each page-tree dictionary: << … /Type /Pages … /Count n … >> (no nested dictionaries).
  for (const match of text.matchAll(/<<((?:(?!<<|>>)[^])*?\/Type\s*\/Pages\b(?:(?!<<|>>)[^])*)>>/g)) {
    const count = /\/Count\s+(\d+)/.exec(match[1]!);
    if (!count) continue;
    const n = Number(count[1]);
    // The root of the tree has the largest count.
    if (best === undefined || n > best) best = n;
  }
  return best;
}

/** "Download as PDF (A4, 6 pages, 210 KB)" */
export function pdfLinkText(pages: number, bytes: number, t: I18n = defaultI18n): string {
  const m = t.messages.size;
  const size = bytes < 1024 * 1024 ? t.format(m.kb, { count: Math.round(bytes / 1024) }) : t.format(m.mb, { count: (bytes / 1024 / 1024).toFixed(1) });
  return t.format(t.messages.report.pdf, { pages: t.plural(t.messages.report.pdfPages, pages), size });
}

/** The PDFs made of a report page: the standard one and the large-print one, beside it. */
export const PDF_VARIANTS = [
  { id: 'standard', suffix: '' },
  // print.css switches to large print under html.large-print (set by the PDF step before printing).
  { id: 'large-print', suffix: '-large-print' },
] as const;
export type PdfVariant = (typeof PDF_VARIANTS)[number]['id'];

/** The body text size of the large-print PDF, in points (print.css). */
export const LARGE_PRINT_PT = 14;

/** "dist/<report>/<report>-large-print.pdf" beside "<report>.pdf". */
export function pdfPath(standard: string, variant: PdfVariant): string {
  const suffix = PDF_VARIANTS.find((v) => v.id === variant)!.suffix;
  return standard.replace(/\.pdf$/, `${suffix}.pdf`);
}

/** "Download as large-print PDF (14 pt text, A4 landscape, 12 pages, 420 KB)" */
export function pdfLargeLinkText(pages: number, bytes: number, t: I18n = defaultI18n): string {
  const m = t.messages.size;
  const fileSize = bytes < 1024 * 1024 ? t.format(m.kb, { count: Math.round(bytes / 1024) }) : t.format(m.mb, { count: (bytes / 1024 / 1024).toFixed(1) });
  return t.format(t.messages.report.pdfLarge, { size: String(LARGE_PRINT_PT), pages: t.plural(t.messages.report.pdfPages, pages), fileSize });
}
