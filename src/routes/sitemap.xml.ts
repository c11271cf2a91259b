/**
 * /sitemap.xml: every page, with the date it last changed where the model knows
 * it. Injected by src/integrations/report-site.ts only when SITE is set (a
 * sitemap needs full addresses).
 */
import type { APIRoute } from 'astro';
import { latest, sitemap } from '../core/feed.ts';
import { entriesWhere, facets } from '../core/model.ts';
import { getReports } from '../site/data.ts';
import { aboutUrl, absoluteUrl, changesUrl, editionUrl, entryUrl, facetUrl, reportUrl, url } from '../site/urls.ts';

export const GET: APIRoute = async () => {
  const reports = await getReports();
  const pages = [
    { url: url(), lastmod: latest(reports.map((r) => r.lastUpdated)) },
    { url: url('glossary/') },
    { url: url('accessibility/') },
    { url: url('search/') },
    ...reports.flatMap((r) => {
      const lastmod = (fieldId: string, id: string) => latest(entriesWhere(r, fieldId, id).map((e) => e.lastUpdated));
      return [
        { url: reportUrl(r.id), lastmod: r.lastUpdated },
        ...(r.aboutPage ? [{ url: aboutUrl(r.id) }] : []),
        ...r.entries.map((e) => ({ url: entryUrl(r.id, e.id), lastmod: e.lastUpdated })),
        ...facets(r).flatMap((f) => f.values.map((v) => ({ url: facetUrl(r.id, f.path, v.id), lastmod: lastmod(f.field.id, v.id) }))),
        // What changed in each edition, and each past edition's table.
        ...(r.history?.changes.length ? [{ url: changesUrl(r.id), lastmod: r.history.changes.at(-1)!.to }] : []),
        ...(r.history?.changes ?? []).map((c) => ({ url: changesUrl(r.id, c.to), lastmod: c.to })),
        ...(r.history?.editions ?? []).slice(0, -1).map((e) => ({ url: editionUrl(r.id, e.asAt), lastmod: e.asAt })),
      ];
    }),
  ];
  return new Response(sitemap(pages.map((p) => ({ ...p, url: absoluteUrl(p.url) }))), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
