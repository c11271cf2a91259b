/**
 * The site's routes (src/site/routes/) against a built site: the model read
 * as the content loader reads it (content, then history from git), every
 * path the routes give, and the files the build wrote.
 */
import { existsSync } from 'node:fs';
import { join, matchesGlob } from 'node:path';
import { readHistory } from '../../src/core/history/index.ts';
import { reportHistory } from '../../src/core/history/site.ts';
import { loadContent } from '../../src/core/load.ts';
import type { Report } from '../../src/core/model.ts';
import { fileOf, INDEXED_PAGES } from '../../src/core/routes.ts';
import { allPaths } from '../../src/site/routes/index.ts';
import { htmlFiles, page } from './html.ts';

/** The reports of a content folder, with their history, as a build sees them. */
export async function reportsOf(contentDir: string): Promise<Report[]> {
  const { content, diagnostics } = loadContent(contentDir, { root: contentDir });
  if (!content) throw new Error(`the content has errors: ${diagnostics.map((d) => d.message).join('; ')}`);
  const history = await readHistory(contentDir);
  return content.reports.map((report) => ({ ...report, history: reportHistory(history.reports.find((r) => r.reportId === report.id), report, Boolean(history.notice)) }));
}

/** What the routes say a build holds, and what it holds: the HTML pages on each side, the other files missing. */
export async function routesAndBuild(dist: string, contentDir: string, site: boolean) {
  const routed = allPaths(await reportsOf(contentDir), { site }).map((p) => fileOf(p.path));
  // The search index's pages and Astro's assets are the build steps' and Astro's own.
  const built = htmlFiles(dist).filter((f) => !f.startsWith('pagefind/') && !f.startsWith('_astro/'));
  return {
    routedPages: routed.filter((f) => f.endsWith('.html')).sort(),
    builtPages: built,
    missingFiles: routed.filter((f) => !f.endsWith('.html') && !existsSync(join(dist, f))),
    duplicates: routed.filter((f, i) => routed.indexOf(f) !== i),
    /** Pages marked for the search index, and those the index reads (INDEXED_PAGES). */
    searchPages: built.filter((f) => page(dist, f)('[data-pagefind-body]').length > 0),
    indexedPages: built.filter((f) => matchesGlob(f, INDEXED_PAGES)),
  };
}
