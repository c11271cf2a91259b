/**
 * Page weight: the gzip size of a built page with every stylesheet and script
 * it loads, measured on the report page and the heaviest entry page of a
 * site's first report, against the targets of BENCHMARKS.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadContent } from '../../core/load.ts';

/** The targets (gzip, with the CSS and JS each page loads), from BENCHMARKS.md. */
export const WEIGHT_TARGETS = { reportPageKB: 60, entryPageKB: 14 };

export interface PageWeight {
  /** The page, relative to the site's folder. */
  page: string;
  kb: number;
  files: string[];
}

export interface SiteWeight {
  report: PageWeight;
  /** The entry page that weighs most, with everything it loads. */
  entry: PageWeight;
  /** Pages other than search and the report tables that load JavaScript. */
  scriptsOnOtherPages: string[];
}

/** gzip size of a built page and of every stylesheet and script it loads. */
export function pageWeight(dist: string, page: string): PageWeight {
  const html = readFileSync(join(dist, page), 'utf8');
  const assets = [...html.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]*href|script[^>]+src)="\/([^"]+)"/g)].map((m) => m[1]!);
  const files = [page, ...assets];
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f))).length, 0);
  return { page, kb: Math.round((bytes / 1024) * 10) / 10, files };
}

/** Every HTML file of a built site, relative to it. */
function htmlPages(dist: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(join(dist, d), { withFileTypes: true })) {
      const rel = d ? `${d}/${e.name}` : e.name;
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith('.html')) found.push(rel);
    }
  };
  walk('');
  return found;
}

/** The weight of the first report's page and its heaviest entry page, in a site built from `content` into `dist`. */
export function siteWeight(content: string, dist: string): SiteWeight {
  const loaded = loadContent(content, { root: content, checkOnly: true });
  const report = loaded.content?.reports[0];
  if (!report) throw new Error(`${content} could not be read to weigh its pages`);
  const entries = report.entries.map((e) => `${report.id}/${e.id}/index.html`).filter((p) => existsSync(join(dist, p)));
  if (!entries.length) throw new Error(`no entry page of ${report.id} in ${dist}`);
  const heaviest = entries.map((p) => pageWeight(dist, p)).reduce((a, b) => (b.kb > a.kb ? b : a));
  const allowed = new Set([`${report.id}/index.html`, 'search/index.html']);
  const scriptsOnOtherPages = htmlPages(dist).filter((p) => !allowed.has(p) && /<script/.test(readFileSync(join(dist, p), 'utf8')));
  return { report: pageWeight(dist, `${report.id}/index.html`), entry: heaviest, scriptsOnOtherPages };
}
