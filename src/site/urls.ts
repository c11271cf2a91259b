/**
 * Every internal link goes through here so the site works under a sub-path
 * (`base`, e.g. GitHub Pages' /<repo>/). The paths themselves are the site's
 * routes' (src/core/routes.ts): a page's address is written in one place.
 */
import { paths } from '../core/routes.ts';

const BASE = import.meta.env.BASE_URL;

/** `url('plan/')` → `/base/plan/` */
export function url(path = ''): string {
  const base = BASE.endsWith('/') ? BASE : `${BASE}/`;
  return base + path.replace(/^\/+/, '');
}

export const reportUrl = (report: string) => url(paths.report(report));
/** A report's page of the site's own notes (report.yaml `about_page:`). */
export const aboutUrl = (report: string) => url(paths.about(report));
export const entryUrl = (report: string, entry: string) => url(paths.entry(report, entry));
/** A facet's page for one value: `/<report>/<facet path>/<value>/`. */
export const facetUrl = (report: string, path: string, value: string) => url(paths.facet(report, path, value));
/** What changed in an edition: the latest at `/<report>/changes/`, earlier ones at `/<report>/changes/<as_at>/`. */
export const changesUrl = (report: string, asAt?: string) => url(paths.changes(report, asAt));
/** A past edition's table: `/<report>/editions/<as_at>/`. */
export const editionUrl = (report: string, asAt: string) => url(paths.edition(report, asAt));
/** An export file of a report (src/core/exports/formats.ts): `/<report>/data.csv`, … */
export const exportUrl = (report: string, file: string) => url(paths.file(report, file));

/** A page or file of the whole site by its kind: `siteUrl('feed')` → `/base/feed.xml`. */
export const siteUrl = (kind: 'home' | 'search' | 'glossary' | 'accessibility' | 'feed' | 'sitemap') => url(paths[kind]());

/** The full address of a path when `site` is configured (SITE=…), else the path itself. */
export function absoluteUrl(path: string): string {
  const site = import.meta.env.SITE;
  return site ? new URL(path, site).href : path;
}
