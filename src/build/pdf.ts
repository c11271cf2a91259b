/**
 * Post-build step: print each report page to dist/<report>/<report>.pdf with
 * Debian's Chromium (playwright-core), then fill in the report page's link
 * with the page count and size. Without Chromium the step says so in one line
 * and the build goes on (the link stays hidden); REQUIRE_PDF=1 makes that an
 * error (for CI), SKIP_PDF=1 skips the PDF (e.g. for benchmarks).
 *
 * The page is loaded at the site's public address (SITE and BASE), each
 * request answered from the built folder and none sent out, so every link in
 * the PDF leads to the published site. Without SITE there is no address to
 * lead to: links to the site's own pages are left out of the PDF (their text
 * stays), links within the page and to other sites are kept.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfLinkText, pdfPageCount } from '../core/pdf.ts';
import { i18n } from '../i18n/index.ts';
import { CHROMIUM, CHROMIUM_ARGS, CHROMIUM_HINT, chromiumAvailable } from './chromium.ts';
import { lookup } from './static-server.ts';
import type { PostBuildStep } from './post-build.ts';

/** The report pages that offer a PDF: their HTML has data-pdf="<report>/<report>.pdf". */
function pdfTargets(dir: string): { html: string; pdf: string; page: string }[] {
  const targets: { html: string; pdf: string; page: string }[] = [];
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
    // playwright-core is large: load it only when a PDF is made.
    const { chromium } = await import('playwright-core');
    // Without SITE, a name that can never be reached (RFC 6761 reserves .invalid); nothing is fetched from it either way.
    const origin = site ? new URL(site).origin : 'https://site.invalid';
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    let written = 0;
    try {
      const context = await browser.newContext();
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.origin !== origin) return route.abort('blockedbyclient');
        const found = lookup(dir, base, url.pathname);
        if (found.status === 301) return route.fulfill({ status: 301, headers: { location: found.location } });
        return route.fulfill({ status: found.status, contentType: found.type, body: found.file ? readFileSync(found.file) : 'Not found' });
      });
      for (const target of targets) {
        const page = await context.newPage();
        await page.goto(`${origin}${base}${target.page}`, { waitUntil: 'load' });
        if (!site) {
          await page.evaluate(() => {
            for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
              const to = new URL(a.href);
              // A link to a place on this page becomes a link inside the PDF, where the place is in it.
              const withinPage = to.pathname === location.pathname && to.search === location.search && to.hash !== '' && document.getElementById(decodeURIComponent(to.hash.slice(1))) !== null;
              if (to.origin === location.origin && !withinPage) a.removeAttribute('href');
            }
          });
        }
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
        await page.close();
        writeFileSync(join(dir, target.pdf), pdf);
        const pages = pdfPageCount(pdf);
        if (!pages) throw new Error(`could not count the pages of ${target.pdf}`);
        // Show the link, with what it leads to. The report page has an empty, hidden
        // placeholder until the PDF exists: no dead link without Chromium.
        const text = readFileSync(target.html, 'utf8');
        writeFileSync(
          target.html,
          text.replace(
            `<li class="pdf-download" data-pdf="${target.pdf}" hidden></li>`,
            `<li class="pdf-download" data-pdf="${target.pdf}"><a href="${base}${target.pdf}">${pdfLinkText(pages, pdf.length, i18n(/<html lang="([^"]+)"/.exec(text)?.[1]))}</a></li>`,
          ),
        );
        logger.info(`${target.pdf}: ${pages} pages, ${Math.round(pdf.length / 1024)} KB`);
        written++;
      }
    } finally {
      await browser.close();
    }
    return `${written} PDF${written === 1 ? '' : 's'}`;
  },
};
