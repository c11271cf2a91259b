/**
 * /sitemap.xml: every page, with the date it last changed where the model knows
 * it. Injected by src/site/report-site.ts only when SITE is set (a
 * sitemap needs full addresses).
 */
import type { APIRoute } from 'astro';
import { latest, sitemap } from '../core/feed.ts';
import { entriesWhere } from '../core/model.ts';
import { getReports } from '../site/data.ts';
import { absoluteUrl, destinationUrl, entryUrl, reportUrl, statusUrl, themeUrl, url } from '../site/urls.ts';

export const GET: APIRoute = async () => {
  const reports = await getReports();
  const pages = [
    { url: url(), lastmod: latest(reports.map((r) => r.lastUpdated)) },
    { url: url('glossary/') },
    { url: url('accessibility/') },
    { url: url('search/') },
    ...reports.flatMap((r) => {
      const lastmod = (facet: 'theme' | 'status' | 'nextPhase', id: string) => latest(entriesWhere(r, facet, id).map((e) => e.lastUpdated));
      return [
        { url: reportUrl(r.id), lastmod: r.lastUpdated },
        ...r.entries.map((e) => ({ url: entryUrl(r.id, e.id), lastmod: e.lastUpdated })),
        ...r.themes.map((t) => ({ url: themeUrl(r.id, t.id), lastmod: lastmod('theme', t.id) })),
        ...r.legend.map((l) => ({ url: statusUrl(r.id, l.id), lastmod: lastmod('status', l.id) })),
        ...r.destinations.map((d) => ({ url: destinationUrl(r.id, d.id), lastmod: lastmod('nextPhase', d.id) })),
      ];
    }),
  ];
  return new Response(sitemap(pages.map((p) => ({ ...p, url: absoluteUrl(p.url) }))), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
