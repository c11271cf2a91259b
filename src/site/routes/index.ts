/**
 * Every page and file of the site, built from the model in one place: for
 * each kind, its items (the params and typed props of Astro's
 * getStaticPaths), its path (src/core/routes.ts) and, for pages, the date it
 * last changed. The pages' getStaticPaths, the sitemap and the test that the
 * built site holds exactly these pages all read this table. Pure: no Astro
 * module, so the tests read it too.
 */
import { exportFormatsOf, type ExportFormat } from '../../core/exports/formats.ts';
import { latest } from '../../core/feed.ts';
import type { Edition, EditionChanges } from '../../core/history/types.ts';
import { entriesWhere, facets, type AboutPage, type Choice, type Entry, type Facet, type Report } from '../../core/model.ts';
import { PRINT_DOCUMENT } from '../../core/pdf.ts';
import { paths } from '../../core/routes.ts';

type Params = Record<string, string | undefined>;

export interface RouteItem<P extends Params, Props> {
  params: P;
  props: Props;
}

export interface RouteKind<P extends Params, Props> {
  /** What getStaticPaths returns for this kind (one item per page or file). */
  items(reports: readonly Report[]): RouteItem<P, Props>[];
  /** The item's path under the site's base. */
  path(item: RouteItem<P, Props>): string;
  /** An HTML page the sitemap lists (false: a file, or a page it leaves out). */
  sitemap: boolean;
  /** When the page last changed, where the model knows it (the sitemap's lastmod). */
  lastmod?(item: RouteItem<P, Props>, reports: readonly Report[]): string | undefined;
}

/** What the built site holds of one kind: each item's path, whether the sitemap lists it, and its date. */
export interface BuiltPath {
  path: string;
  sitemap: boolean;
  lastmod?: string;
}

/** A kind of route, and the paths it builds (typed inside, the same shape for every kind outside). */
function kind<P extends Params, Props>(k: RouteKind<P, Props>): RouteKind<P, Props> & { built(reports: readonly Report[]): BuiltPath[] } {
  return {
    ...k,
    built: (reports) =>
      k.items(reports).map((item) => {
        const lastmod = k.lastmod?.(item, reports);
        return { path: k.path(item), sitemap: k.sitemap, ...(lastmod ? { lastmod } : {}) };
      }),
  };
}

/** One page or file of the whole site, with no params. */
const one = (path: string, sitemap = true, lastmod?: (reports: readonly Report[]) => string | undefined) =>
  kind<Params, Record<string, never>>({ items: () => [{ params: {}, props: {} }], path: () => path, sitemap, ...(lastmod ? { lastmod: (_item, reports) => lastmod(reports) } : {}) });
const perReport = (reports: readonly Report[]) => reports.map((report) => ({ params: { report: report.id }, props: { report } }));

export const routes = {
  home: one(paths.home(), true, (reports) => latest(reports.map((r) => r.lastUpdated))),
  search: one(paths.search()),
  glossary: one(paths.glossary()),
  accessibility: one(paths.accessibility()),
  notFound: one(paths.notFound(), false),
  report: kind({
    items: perReport,
    path: ({ params }) => paths.report(params.report),
    sitemap: true,
    lastmod: ({ props }) => props.report.lastUpdated,
  }),
  about: kind<{ report: string }, { report: Report; page: AboutPage }>({
    items: (reports) => reports.flatMap((report) => (report.aboutPage ? [{ params: { report: report.id }, props: { report, page: report.aboutPage } }] : [])),
    path: ({ params }) => paths.about(params.report),
    sitemap: true,
  }),
  entry: kind<{ report: string; entry: string }, { report: Report; entry: Entry }>({
    items: (reports) => reports.flatMap((report) => report.entries.map((entry) => ({ params: { report: report.id, entry: entry.id }, props: { report, entry } }))),
    path: ({ params }) => paths.entry(params.report, params.entry),
    sitemap: true,
    lastmod: ({ props }) => props.entry.lastUpdated,
  }),
  /** Every facet's pages, for each value of each facet the report declares. */
  facet: kind<{ report: string; facet: string; value: string }, { report: Report; facet: Facet; value: Choice }>({
    items: (reports) =>
      reports.flatMap((report) =>
        facets(report).flatMap((facet) => facet.values.map((value) => ({ params: { report: report.id, facet: facet.path, value: value.id }, props: { report, facet, value } }))),
      ),
    path: ({ params }) => paths.facet(params.report, params.facet, params.value),
    sitemap: true,
    lastmod: ({ props }) => latest(entriesWhere(props.report, props.facet.field.id, props.value.id).map((e) => e.lastUpdated)),
  }),
  /** Every edition's changes at changes/<as_at>/ (a stable address, for the feed); the latest also at changes/. */
  changes: kind<{ report: string; edition: string | undefined }, { report: Report; changes: EditionChanges }>({
    items: (reports) =>
      reports.flatMap((report) => {
        const all = report.history?.changes ?? [];
        return [
          ...all.map((changes) => ({ params: { report: report.id, edition: changes.to }, props: { report, changes } })),
          ...all.slice(-1).map((changes) => ({ params: { report: report.id, edition: undefined }, props: { report, changes } })),
        ];
      }),
    path: ({ params }) => paths.changes(params.report, params.edition),
    sitemap: true,
    lastmod: ({ props }) => props.changes.to,
  }),
  /** Each past edition's table (not the current one: that is the report page). */
  edition: kind<{ report: string; asAt: string }, { report: Report; edition: Edition }>({
    items: (reports) => reports.flatMap((report) => (report.history?.editions ?? []).slice(0, -1).map((edition) => ({ params: { report: report.id, asAt: edition.asAt }, props: { report, edition } }))),
    path: ({ params }) => paths.edition(params.report, params.asAt),
    sitemap: true,
    lastmod: ({ props }) => props.edition.asAt,
  }),
  /** The open-data files of each report, one per export format it publishes (one route per format: src/routes/export.ts). */
  export: kind<{ report: string }, { report: Report; format: ExportFormat }>({
    items: (reports) => reports.flatMap((report) => exportFormatsOf(report).map((format) => ({ params: { report: report.id }, props: { report, format } }))),
    path: ({ params, props }) => paths.file(params.report, props.format.file),
    sitemap: false,
  }),
  legendCss: kind({ items: perReport, path: ({ params }) => paths.file(params.report, 'legend.css'), sitemap: false }),
  reportPrintCss: kind({ items: perReport, path: ({ params }) => paths.file(params.report, 'print.css'), sitemap: false }),
  printCss: one(paths.printCss(), false),
  robots: one(paths.robots(), false),
};

/**
 * Files the build writes for its own steps, which remove them: not part of
 * the published site (so not in allPaths). What each report's PDF prints, for
 * the PDF step (src/build/pdf/).
 */
export const buildRoutes = {
  printDocument: kind({ items: perReport, path: ({ params }) => paths.file(params.report, PRINT_DOCUMENT), sitemap: false }),
};

/**
 * Routes added only when SITE is set (src/site/report-site.ts injects them):
 * a feed's ids and a sitemap's locations must be full addresses.
 */
export const siteRoutes = {
  feed: one(paths.feed(), false),
  sitemap: one(paths.sitemap(), false),
};

/** Every path the site builds (relative to its base), with the sitemap's date for the pages it lists. */
export function allPaths(reports: readonly Report[], options: { site: boolean }): BuiltPath[] {
  return Object.values({ ...routes, ...(options.site ? siteRoutes : {}) }).flatMap((k) => k.built(reports));
}
