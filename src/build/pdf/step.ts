/**
 * Post-build step: typeset each report's PDF, dist/<report>/<report>.pdf, and
 * a large-print copy beside it (<report>-large-print.pdf), with Typst
 * (typeset.ts), from what the report's PDF prints: the JSON the page build
 * writes at <report>/print-document.json (src/core/print/document.ts), which
 * this step removes, used or not. Then fill in the report page's links with
 * each PDF's page count and size.
 *
 * SKIP_PDF=1 skips the PDF. Where the Typst module cannot load (a platform
 * npm has no build of it for), the step says so in one line and the build
 * goes on without the PDF (the links stay hidden); REQUIRE_PDF=1 makes that
 * an error (for CI).
 *
 * A PDF is not typeset again when what it is made from has not changed: it
 * is kept in a cache folder (PDF_CACHE, default
 * node_modules/.cache/improvement-report/pdf) under a SHA-256 digest of the
 * print document, the variant, the template, the typesetting code and the
 * Typst package's version.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LARGE_PRINT_PT, PDF_VARIANTS, PRINT_DOCUMENT, STANDARD_PT, pdfLargeLinkText, pdfLinkText, pdfPath, type PdfVariant } from '../../core/pdf.ts';
import type { PrintDocument } from '../../core/print/types.ts';
import { i18n } from '../../i18n/index.ts';
import type { PostBuildStep } from '../post-build.ts';
import { typesetterVersion, typeset, TYPESET_FILES } from './typeset.ts';

export function pdfCacheDir(): string {
  return resolve(process.env.PDF_CACHE ?? 'node_modules/.cache/improvement-report/pdf');
}

/** Writes a file by renaming a complete copy into place, so nothing ever reads half of it. */
function writeAtomic(file: string, data: string | Uint8Array): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, file);
}

const SIZES: Record<PdfVariant, number> = { standard: STANDARD_PT, 'large-print': LARGE_PRINT_PT };

/** The digest of everything a PDF is made from. */
function digestOf(json: string, variant: PdfVariant): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ variant, size: SIZES[variant], typst: typesetterVersion() }));
  for (const file of TYPESET_FILES) hash.update(readFileSync(file));
  hash.update(json);
  return hash.digest('hex');
}

interface Made {
  file: string;
  variant: PdfVariant;
  pages: number;
  bytes: number;
}

export const pdfStep: PostBuildStep = {
  name: 'pdf',
  async run({ dir, base, logger }) {
    const reports = readdirSync(dir).filter((name) => existsSync(join(dir, name, PRINT_DOCUMENT)));
    const documents = reports.map((id) => ({ id, json: readFileSync(join(dir, id, PRINT_DOCUMENT), 'utf8') }));
    // Not published, whatever happens next.
    for (const id of reports) rmSync(join(dir, id, PRINT_DOCUMENT), { force: true });
    if (process.env.SKIP_PDF || documents.length === 0) return;
    const cache = pdfCacheDir();
    mkdirSync(cache, { recursive: true });
    let typesetCount = 0;
    const made = new Map<string, Made[]>();
    for (const { id, json } of documents) {
      const list: Made[] = [];
      for (const { id: variant } of PDF_VARIANTS) {
        const file = pdfPath(`${id}/${id}.pdf`, variant);
        const prefix = `${id}-${variant}-`;
        const digest = digestOf(json, variant);
        // Cached as <report>-<variant>-<digest>.<pages>.pdf: the page count is not read back from the PDF.
        const cached = readdirSync(cache).find((f) => f.startsWith(`${prefix}${digest}.`));
        let pdf: Uint8Array;
        let pages: number;
        if (cached) {
          pdf = readFileSync(join(cache, cached));
          pages = Number(cached.split('.').at(-2));
          logger.info(`${file}: unchanged, from the cache`);
        } else {
          let out: ReturnType<typeof typeset>;
          try {
            out = typeset({ ...(JSON.parse(json) as PrintDocument), size: SIZES[variant] });
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            if ((error as { code?: string }).code === 'TYPST_UNAVAILABLE') {
              if (process.env.REQUIRE_PDF) throw error;
              logger.warn(message);
              return;
            }
            // The standard PDF is the one the build promises; without large print the build goes on, saying why.
            if (variant !== 'large-print') throw error;
            logger.warn(`${file} could not be made (${message.split('\n')[0]}); the report page links only the standard PDF.`);
            continue;
          }
          ({ pdf, pages } = out);
          if (out.warning) logger.warn(`${file}: ${out.warning}`);
          typesetCount++;
          // Keep only the newest PDF of each report and variant in the cache.
          for (const old of readdirSync(cache)) if (old.startsWith(prefix)) rmSync(join(cache, old), { force: true });
          writeAtomic(join(cache, `${prefix}${digest}.${pages}.pdf`), pdf);
          logger.info(`${file}: typeset`);
        }
        writeFileSync(join(dir, file), pdf);
        logger.info(`${file}: ${pages} pages, ${Math.round(pdf.length / 1024)} KB`);
        list.push({ file, variant, pages, bytes: pdf.length });
      }
      made.set(id, list);
    }
    // Show the links, with what they lead to. The report page has empty, hidden
    // placeholders until the PDFs exist: no dead link without them.
    for (const [id, list] of made) {
      const html = join(dir, id, 'index.html');
      let text = readFileSync(html, 'utf8');
      const t = i18n(/<html lang="([^"]+)"/.exec(text)?.[1]);
      const links = list.map(({ file, variant, pages, bytes }) => {
        const words = variant === 'large-print' ? pdfLargeLinkText(pages, bytes, t) : pdfLinkText(pages, bytes, t);
        return `<li class="pdf-download" data-pdf="${file}"><a href="${base}${file}">${words}</a></li>`;
      });
      const placeholder = `<li class="pdf-download" data-pdf="${id}/${id}.pdf" hidden></li>`;
      if (!text.includes(placeholder)) throw new Error(`the report page ${html} has no place for the PDF's link`);
      text = text.replace(placeholder, links.join(''));
      // Atomic: the search index may read the page at the same time.
      writeAtomic(html, text);
    }
    const count = [...made.values()].reduce((n, l) => n + l.length, 0);
    const reused = count - typesetCount;
    return `${count} PDF${count === 1 ? '' : 's'}${reused ? ` (${reused === count ? 'all' : reused} unchanged, from the cache)` : ''}`;
  },
};
