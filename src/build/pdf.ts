/**
 * Post-build step: print each report page to dist/<report>/<report>.pdf and a
 * large-print copy beside it (<report>-large-print.pdf) with Debian's Chromium
 * (playwright-core), then fill in the report page's links with each PDF's page
 * count and size. Without Chromium the step says so in one line and the build
 * goes on (the links stay hidden); REQUIRE_PDF=1 makes that an error (for CI),
 * SKIP_PDF=1 skips the PDF.
 *
 * The page is loaded at the site's public address (SITE and BASE), each
 * request answered from the built folder and none sent out, so every link in
 * the PDF leads to the published site. Without SITE there is no address to
 * lead to: links to the site's own pages are left out of the PDF (their text
 * stays), links within the page and to other sites are kept.
 *
 * The PDFs are tagged (structure for screen readers, with the page's language
 * and title) and have bookmarks: Chromium makes an outline entry of every
 * heading, so the report's sections are bookmarks; each group header of the
 * table (a theme's row, th scope=colgroup) is made a heading before printing,
 * so each theme is one too.
 *
 * Printing a long table is the slowest part of a build, so a PDF is not printed
 * again when what it is printed from has not changed: it is kept in a cache
 * folder (PDF_CACHE, default node_modules/.cache/improvement-report/pdf) under a
 * SHA-256 digest of the page's HTML, every stylesheet and script it loads, the
 * address it is printed at, the variant, the print options, the code that
 * prepares the page, playwright-core's version and the Chromium executable's
 * size and date.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { PDF_VARIANTS, pdfLargeLinkText, pdfLinkText, pdfPageCount, pdfPath, type PdfVariant } from '../core/pdf.ts';
import { i18n } from '../i18n/index.ts';
import { CHROMIUM, CHROMIUM_ARGS, CHROMIUM_HINT, chromiumAvailable } from './chromium.ts';
import { lookup } from './static-server.ts';
import type { PostBuildStep } from './post-build.ts';

/** What page.pdf is given; part of the cache key. */
const PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true, tagged: true, outline: true } as const;
/** Raise when the way a PDF is printed changes in a way the inputs below do not show. */
const CACHE_VERSION = 1;

interface Target {
  /** The report page's HTML file. */
  html: string;
  /** The standard PDF, relative to the output folder: "<report>/<report>.pdf". */
  pdf: string;
  /** The report page's path below the base: "<report>/". */
  page: string;
}

/** The report pages that offer a PDF: their HTML has data-pdf="<report>/<report>.pdf". */
function pdfTargets(dir: string): Target[] {
  const targets: Target[] = [];
  for (const name of readdirSync(dir)) {
    const html = join(dir, name, 'index.html');
    try {
      if (!statSync(html).isFile()) continue;
    } catch {
      continue;
    }
    const match = /data-pdf="([^"]+)"/.exec(readFileSync(html, 'utf8'));
    if (match && match[1] === `${name}/${name}.pdf`) targets.push({ html, pdf: match[1], page: `${name}/` });
  }
  return targets;
}

export function pdfCacheDir(): string {
  return resolve(process.env.PDF_CACHE ?? 'node_modules/.cache/improvement-report/pdf');
}

/**
 * The digest of everything a printed PDF depends on: the page, the stylesheets
 * and scripts it loads (found in its HTML; they are the site's own, the CSP
 * allows no other), where it is printed from, how, and with which Chromium.
 */
function inputDigest(dir: string, base: string, origin: string, html: string, variant: PdfVariant, site: string | undefined): string {
  const hash = createHash('sha256');
  const chromium = statSync(CHROMIUM);
  hash.update(JSON.stringify({ CACHE_VERSION, PDF_OPTIONS, variant, origin, base, site: site ?? null, chromium: [CHROMIUM, chromium.size, chromium.mtimeMs], playwright: playwrightVersion() }));
  // What is done to the page before it is printed.
  hash.update(print.toString());
  hash.update(html);
  const assets = new Set([...html.matchAll(/<(?:link[^>]*?\bhref|script[^>]*?\bsrc)="([^"]+)"/g)].map((m) => m[1]!).filter((href) => /\.(css|js|mjs)(\?|$)/.test(href)));
  for (const asset of [...assets].sort()) {
    const found = lookup(dir, base, new URL(asset, `${origin}${base}`).pathname);
    hash.update(`\0${asset}\0`);
    if (found.status === 200) hash.update(readFileSync(found.file));
  }
  return hash.digest('hex');
}

function playwrightVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../node_modules/playwright-core/package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Writes a file by renaming a complete copy into place, so nothing ever reads half of it. */
function writeAtomic(file: string, data: string | Uint8Array): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, file);
}

/** Print one page to PDF in a new tab; `large` switches print.css to large print. */
async function print(context: BrowserContext, url: string, variant: PdfVariant, site: string | undefined): Promise<Buffer> {
  const page = await context.newPage();
  try {
    // Print media before loading, so Chromium lays the long table out once, for paper.
    await page.emulateMedia({ media: 'print' });
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(
      ({ large, keepOwnLinks }) => {
        // A class, not an inline style: the site's Content-Security-Policy allows no inline styles.
        if (large) document.documentElement.classList.add('large-print');
        // Bookmarks: Chromium makes one of each heading. A table's group headers (a theme's row) become
        // headings one level below the table's own (h2), so each theme has a bookmark too.
        for (const th of document.querySelectorAll('table th[scope="colgroup"], table th[scope="rowgroup"]')) {
          const heading = document.createElement('span');
          heading.setAttribute('role', 'heading');
          heading.setAttribute('aria-level', '3');
          heading.append(...th.childNodes);
          th.append(heading);
        }
        if (keepOwnLinks) return;
        for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
          const to = new URL(a.href);
          // A link to a place on this page becomes a link inside the PDF, where the place is in it.
          const withinPage = to.pathname === location.pathname && to.search === location.search && to.hash !== '' && document.getElementById(decodeURIComponent(to.hash.slice(1))) !== null;
          if (to.origin === location.origin && !withinPage) a.removeAttribute('href');
        }
      },
      { large: variant === 'large-print', keepOwnLinks: Boolean(site) },
    );
    return await page.pdf(PDF_OPTIONS);
  } finally {
    await page.close();
  }
}

export const pdfStep: PostBuildStep = {
  name: 'pdf',
  async run({ dir, base, site, logger }) {
    if (process.env.SKIP_PDF) return;
    if (!chromiumAvailable()) {
      const message = `PDF skipped: no Chromium at ${CHROMIUM}; to get the PDF, ${CHROMIUM_HINT}.`;
      if (process.env.REQUIRE_PDF) throw new Error(message);
      logger.warn(message);
      return;
    }
    const targets = pdfTargets(dir);
    if (targets.length === 0) return;
    // Without SITE, a name that can never be reached (RFC 6761 reserves .invalid); nothing is fetched from it either way.
    const origin = site ? new URL(site).origin : 'https://site.invalid';
    const cache = pdfCacheDir();
    const jobs = targets.flatMap((target) => {
      const html = readFileSync(target.html, 'utf8');
      return PDF_VARIANTS.map(({ id: variant }) => {
        const digest = inputDigest(dir, base, origin, html, variant, site);
        const name = target.pdf.replace(/\//g, '_').replace(/\.pdf$/, '');
        return { target, variant, file: pdfPath(target.pdf, variant), cached: join(cache, `${name}-${variant}-${digest}.pdf`), prefix: `${name}-${variant}-` };
      });
    });
    const toPrint = jobs.filter((job) => !existsSync(job.cached));
    const failed = new Set<(typeof jobs)[number]>();
    let browser: import('playwright-core').Browser | undefined;
    try {
      if (toPrint.length > 0) {
        // playwright-core is large: load it only when a PDF is printed.
        const { chromium } = await import('playwright-core');
        browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
        const context = await browser.newContext();
        await context.route('**/*', (route) => {
          const url = new URL(route.request().url());
          if (url.origin !== origin) return route.abort('blockedbyclient');
          const found = lookup(dir, base, url.pathname);
          if (found.status === 301) return route.fulfill({ status: 301, headers: { location: found.location } });
          return route.fulfill({ status: found.status, contentType: found.type, body: found.file ? readFileSync(found.file) : 'Not found' });
        });
        mkdirSync(cache, { recursive: true });
        // One at a time: printing two at once, in two tabs, was hardly faster on two cores and
        // took half as much memory again (3.3 GB against 2.1 GB at 1,000 entries).
        for (const job of toPrint) {
          let pdf: Buffer;
          try {
            pdf = await print(context, `${origin}${base}${job.target.page}`, job.variant, site);
          } catch (error) {
            // The standard PDF is the one the build promises; without large print the build goes on, saying why.
            if (job.variant !== 'large-print') throw error;
            logger.warn(`${job.file} could not be printed (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); the report page links only the standard PDF.`);
            failed.add(job);
            continue;
          }
          // Keep only the newest PDF of each report and variant in the cache.
          for (const old of readdirSync(cache)) if (old.startsWith(job.prefix)) rmSync(join(cache, old), { force: true });
          writeAtomic(job.cached, pdf);
        }
      }
    } finally {
      await browser?.close();
    }
    for (const job of jobs.filter((j) => !failed.has(j))) {
      copyFileSync(job.cached, join(dir, job.file));
      logger.info(`${job.file}: ${toPrint.includes(job) ? 'printed' : 'unchanged, from the cache'}`);
    }
    // Show the links, with what they lead to. The report page has empty, hidden
    // placeholders until the PDFs exist: no dead link without Chromium.
    for (const target of targets) {
      let text = readFileSync(target.html, 'utf8');
      const t = i18n(/<html lang="([^"]+)"/.exec(text)?.[1]);
      const made = PDF_VARIANTS.filter(({ id: variant }) => !jobs.some((j) => j.target === target && j.variant === variant && failed.has(j)));
      const links = made.map(({ id: variant }) => {
        const file = pdfPath(target.pdf, variant);
        const pdf = readFileSync(join(dir, file));
        const pages = pdfPageCount(pdf);
        if (!pages) throw new Error(`could not count the pages of ${file}`);
        logger.info(`${file}: ${pages} pages, ${Math.round(pdf.length / 1024)} KB`);
        const words = variant === 'large-print' ? pdfLargeLinkText(pages, pdf.length, t) : pdfLinkText(pages, pdf.length, t);
        return `<li class="pdf-download" data-pdf="${file}"><a href="${base}${file}">${words}</a></li>`;
      });
      const placeholder = `<li class="pdf-download" data-pdf="${target.pdf}" hidden></li>`;
      if (!text.includes(placeholder)) throw new Error(`the report page ${target.html} has no place for the PDF's link`);
      text = text.replace(placeholder, links.join(''));
      // Atomic: the search index may read the page at the same time.
      writeAtomic(target.html, text);
    }
    const reused = jobs.length - toPrint.length;
    const made = jobs.length - failed.size;
    return `${made} PDF${made === 1 ? '' : 's'}${reused ? ` (${reused === jobs.length ? 'all' : reused} unchanged, from the cache)` : ''}`;
  },
};
