/**
 * The report's PDFs (typeset by src/build/pdf/ from src/core/print/): their
 * names, text sizes and the words of the report page's links to them.
 */
import { t as defaultI18n, type I18n } from '../i18n/index.ts';

/** The file the page build writes in a report's folder with what its PDF prints; the PDF step removes it. */
export const PRINT_DOCUMENT = 'print-document.json';

/** "Download as PDF (A4, 6 pages, 210 KB)" */
export function pdfLinkText(pages: number, bytes: number, t: I18n = defaultI18n): string {
  const m = t.messages.size;
  const size = bytes < 1024 * 1024 ? t.format(m.kb, { count: Math.round(bytes / 1024) }) : t.format(m.mb, { count: (bytes / 1024 / 1024).toFixed(1) });
  return t.format(t.messages.report.pdf, { pages: t.plural(t.messages.report.pdfPages, pages), size });
}

/** The PDFs made of a report page: the standard one and the large-print one, beside it. */
export const PDF_VARIANTS = [
  { id: 'standard', suffix: '' },
  { id: 'large-print', suffix: '-large-print' },
] as const;
export type PdfVariant = (typeof PDF_VARIANTS)[number]['id'];

/** The body text size of the standard PDF, in points: A4 landscape, text and status tags alike. */
export const STANDARD_PT = 10;

/** The body text size of the large-print PDF, in points: A4 landscape too (wide tables). */
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
