/**
 * /feed.xml: an Atom feed of the entries by when they last changed. Injected by
 * src/site/report-site.ts only when SITE is set (a feed needs full addresses).
 */
import type { APIRoute } from 'astro';
import { atomFeed } from '../core/feed.ts';
import { destination, legendItem } from '../core/model.ts';
import { getI18n, getReports, getSite } from '../site/data.ts';
import { absoluteUrl, entryUrl, url } from '../site/urls.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  const reports = await getReports();
  const t = await getI18n();
  const items = reports.flatMap((report) =>
    report.entries.map((entry) => ({
      title: entry.title,
      url: absoluteUrl(entryUrl(report.id, entry.id)),
      updated: entry.lastUpdated,
      summary: t.format(t.messages.legacy.feedSummary, {
        status: legendItem(report, entry.status).label,
        destination: t.list(entry.nextPhase.map((id) => destination(report, id).title)),
        report: report.title,
      }),
    })),
  );
  const body = atomFeed({
    title: site.title,
    url: absoluteUrl(url()),
    selfUrl: absoluteUrl(url('feed.xml')),
    author: site.organisation,
    language: site.language,
    items,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
