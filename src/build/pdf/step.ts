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
 * Typeset in parts, joined into one tagged PDF (join.ts): the front, the
 * table in chunks of at most PDF_PART_ROWS rows (src/core/print/parts.ts),
 * the glossary, then the running footers alone, drawn onto the joined pages.
 * Typst's memory grows with what one compile lays out: parts keep it low.
 * They are typeset in child processes (typesetters.ts), PDF_WORKERS at a
 * time (default 2), which end before the parts are joined.
 *
 * Nothing is typeset again that has not changed. A cache folder (PDF_CACHE,
 * default node_modules/.cache/improvement-report/pdf) keeps each finished PDF
 * under a SHA-256 digest of the print document, the variant, the rows per
 * part, the template, the code and the packages' versions (an unchanged
 * document costs a file copy), and each part's PDF under a digest of the
 * part's own JSON, the variant, the template, the typesetting code and
 * Typst's version (an edit to one entry typesets its chunk again, and the
 * front or the footers only if what they print changed, then joins).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LARGE_PRINT_PT, PDF_VARIANTS, PRINT_DOCUMENT, STANDARD_PT, pdfLargeLinkText, pdfLinkText, pdfPath, type PdfVariant } from '../../core/pdf.ts';
import type { PrintDocument } from '../../core/print/types.ts';
import { i18n } from '../../i18n/index.ts';
import type { PostBuildStep } from '../post-build.ts';
import { footerPart, partRows, printParts } from '../../core/print/parts.ts';
import type { PrintPart } from '../../core/print/types.ts';
import { joinParts, type JoinPart } from './join.ts';
import { TYPESET_CODE } from './typeset.ts';
import { codeDigest } from '../code-digest.ts';
import { Typesetters } from './typesetters.ts';

/** What a whole PDF depends on besides its document: what its parts do, and the code that cuts and joins them. */
const PDF_CODE = {
  files: [...TYPESET_CODE.files, ...['./join.ts', './footers.ts', '../../core/print/parts.ts'].map((file) => fileURLToPath(new URL(file, import.meta.url)))],
  packages: [...TYPESET_CODE.packages, '@cantoo/pdf-lib'],
};

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

/** The digest of everything a whole PDF is made from: its document, the rows per part, the code that typesets, cuts and joins. */
function digestOf(json: string, variant: PdfVariant, rows: number): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ variant, size: SIZES[variant], rows, code: codeDigest(PDF_CODE.files, PDF_CODE.packages) }));
  hash.update(json);
  return hash.digest('hex');
}

/** The digest of everything a part's PDF is made from: its JSON (what it holds of the document), the template and the code that typesets. */
function partDigest(json: string, variant: PdfVariant): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ variant, size: SIZES[variant], code: codeDigest(TYPESET_CODE.files, TYPESET_CODE.packages) }));
  hash.update(json);
  return hash.digest('hex');
}

/** What the cache keeps of a part beside its PDF. */
interface PartMeta {
  pages: number;
  levels: number[];
  ua: boolean;
  warning?: string;
}

/** A part's PDF from the cache, or undefined (absent, or removed by another build meanwhile). */
function cachedPart(file: string): (JoinPart & PartMeta) | undefined {
  try {
    const meta = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as PartMeta;
    return { ...meta, pdf: readFileSync(`${file}.pdf`) };
  } catch {
    return undefined;
  }
}

/**
 * Typesets the parts (or takes them from the cache, under `prefix`), in
 * order, `typesetters` at a time; says which cached parts it used.
 */
async function typesetParts(parts: PrintPart[], cache: string, prefix: string, variant: PdfVariant, counts: { typeset: number; reused: number }, typesetters: Typesetters) {
  const names = parts.map((part) => `${prefix}part-${partDigest(JSON.stringify(part), variant)}`);
  const out = await Promise.all(
    parts.map(async (part, i): Promise<JoinPart & PartMeta> => {
      const file = join(cache, names[i]!);
      const cached = cachedPart(file);
      if (cached) {
        counts.reused++;
        return cached;
      }
      const result = await typesetters.typeset(part, { tags: part.part !== 'footers' });
      const meta: PartMeta = { pages: result.pages, levels: result.levels, ua: result.ua, ...(result.warning ? { warning: result.warning } : {}) };
      writeAtomic(`${file}.pdf`, result.pdf);
      writeAtomic(`${file}.json`, JSON.stringify(meta));
      counts.typeset++;
      return { ...meta, pdf: result.pdf };
    }),
  );
  return { out, used: new Set(names) };
}

/**
 * The number of Typst processes at a time: PDF_WORKERS, or 2 where the
 * machine has two cores or more. Two took 0.65 GB together at 1,000 entries
 * (BENCHMARKS.md), less than the page build before them.
 */
function workers(): number {
  const value = Number(process.env.PDF_WORKERS);
  return Number.isInteger(value) && value > 0 ? value : Math.min(2, availableParallelism());
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
    const counts = { typeset: 0, reused: 0 };
    const rows = partRows();
    const made = new Map<string, Made[]>();
    // 1. What is not in the cache whole: its parts, typeset (or from the cache), then its footers.
    const typesetters = new Typesetters(workers());
    const jobs = documents.flatMap(({ id, json }) =>
      PDF_VARIANTS.map(({ id: variant }) => {
        const file = pdfPath(`${id}/${id}.pdf`, variant);
        const prefix = `${id}-${variant}-`;
        const digest = digestOf(json, variant, rows);
        // Cached as <report>-<variant>-<digest>.<pages>.pdf: the page count is not read back from the PDF.
        const cached = readdirSync(cache).find((f) => f.startsWith(`${prefix}${digest}.`) && f.endsWith('.pdf'));
        const doc: PrintDocument = { ...(JSON.parse(json) as PrintDocument), size: SIZES[variant] };
        const parts = cached
          ? undefined
          : (async () => {
              const { out, used } = await typesetParts(printParts(doc, rows), cache, prefix, variant, counts, typesetters);
              const pages = out.reduce((n, p) => n + p.pages, 0);
              const footers = await typesetParts([footerPart(doc, pages)], cache, prefix, variant, counts, typesetters);
              return { parts: out, footers: footers.out[0]!, pages, used: new Set([...used, ...footers.used]) };
            })();
        // (Handled below, in order.)
        parts?.catch(() => undefined);
        return { id, variant, file, prefix, digest, cached, parts };
      }),
    );
    const started = performance.now();
    await Promise.allSettled(jobs.map((j) => j.parts));
    if (counts.typeset) logger.info(`${counts.typeset} parts typeset in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    // Typst's memory is given back before the parts are joined.
    typesetters.close();

    // 2. Join each, in order, and keep it in the cache.
    for (const { id, variant, file, prefix, digest, cached, parts } of jobs) {
      const list = made.get(id) ?? [];
      made.set(id, list);
      let pdf: Uint8Array;
      let pages: number;
      if (cached) {
        pdf = readFileSync(join(cache, cached));
        pages = Number(cached.split('.').at(-2));
        logger.info(`${file}: unchanged, from the cache`);
      } else {
        let typeset: Awaited<typeof parts>;
        try {
          typeset = await parts;
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
        for (const warning of new Set(typeset!.parts.map((p) => p.warning).filter(Boolean))) logger.warn(`${file}: ${warning}`);
        const joining = performance.now();
        pdf = await joinParts(typeset!.parts, typeset!.footers.pdf);
        logger.info(`${file}: ${typeset!.parts.length} parts joined in ${((performance.now() - joining) / 1000).toFixed(2)} s`);
        pages = typeset!.pages;
        typesetCount++;
        // Keep only the newest PDF of each report and variant in the cache, and the parts it is made of.
        for (const old of readdirSync(cache)) {
          if (old.startsWith(prefix) && (old.startsWith(`${prefix}part-`) ? !typeset!.used.has(old.replace(/\.(pdf|json)$/, '')) : true)) rmSync(join(cache, old), { force: true });
        }
        writeAtomic(join(cache, `${prefix}${digest}.${pages}.pdf`), pdf);
        logger.info(`${file}: typeset in parts and joined`);
      }
      writeFileSync(join(dir, file), pdf);
      logger.info(`${file}: ${pages} pages, ${Math.round(pdf.length / 1024)} KB`);
      list.push({ file, variant, pages, bytes: pdf.length });
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
    // "2 PDFs (1 unchanged, from the cache; 3 of 12 parts typeset again)"
    const notes = [
      ...(reused ? [`${reused === count ? 'all' : reused} unchanged, from the cache`] : []),
      ...(typesetCount ? [counts.typeset ? `${counts.typeset} of ${counts.typeset + counts.reused} parts typeset${counts.reused ? ' again' : ''}` : `joined from ${counts.reused} parts in the cache`] : []),
    ];
    return `${count} PDF${count === 1 ? '' : 's'}${notes.length ? ` (${notes.join('; ')})` : ''}`;
  },
};
