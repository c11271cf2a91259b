/**
 * /sitemap.xml: every page of the site's routes (src/site/routes/), with the
 * date it last changed where the model knows it. Injected by
 * src/site/report-site.ts only when SITE is set (a sitemap needs full addresses).
 */
import type { APIRoute } from 'astro';
import { sitemap } from '../core/feed.ts';
import { getReports } from '../site/data.ts';
import { allPaths } from '../site/routes/index.ts';
import { absoluteUrl, url } from '../site/urls.ts';

export const GET: APIRoute = async () => {
  const pages = allPaths(await getReports(), { site: true }).filter((p) => p.sitemap);
  return new Response(sitemap(pages.map((p) => ({ url: absoluteUrl(url(p.path)), ...(p.lastmod ? { lastmod: p.lastmod } : {}) }))), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
