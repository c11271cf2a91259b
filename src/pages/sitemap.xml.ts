import type { APIRoute } from 'astro';
import { sitemap } from '../core/feed.ts';
import { getReports } from '../lib/data.ts';
import { absoluteUrl, destinationUrl, entryUrl, reportUrl, statusUrl, themeUrl, url } from '../lib/urls.ts';

/** Every page. A valid sitemap needs full addresses: set SITE when building. */
export const GET: APIRoute = async () => {
  const reports = await getReports();
  const pages = [
    { url: url(), lastmod: reports.map((r) => r.lastUpdated).sort().at(-1) },
    { url: url('glossary/') },
    { url: url('accessibility/') },
    { url: url('search/') },
    ...reports.flatMap((r) => [
      { url: reportUrl(r.id), lastmod: r.lastUpdated },
      ...r.entries.map((e) => ({ url: entryUrl(r.id, e.id), lastmod: e.lastUpdated })),
      ...r.themes.map((t) => ({ url: themeUrl(r.id, t.id) })),
      ...r.legend.map((l) => ({ url: statusUrl(r.id, l.id) })),
      ...r.destinations.map((d) => ({ url: destinationUrl(r.id, d.id) })),
    ]),
  ];
  return new Response(sitemap(pages.map((p) => ({ ...p, url: absoluteUrl(p.url) }))), { headers: { 'Content-Type': 'application/xml' } });
};
