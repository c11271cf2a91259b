import type { APIRoute } from 'astro';
import { atomFeed } from '../core/feed.ts';
import { destination, legendItem } from '../core/model.ts';
import { getReports, getSite } from '../lib/data.ts';
import { absoluteUrl, entryUrl, url } from '../lib/urls.ts';

const FEED_LENGTH = 100;

/** Entries by when they last changed. Full addresses need SITE; without it they are site-relative. */
export const GET: APIRoute = async () => {
  const site = await getSite();
  const reports = await getReports();
  const items = reports.flatMap((report) =>
    report.entries.map((entry) => ({
      title: entry.title,
      url: absoluteUrl(entryUrl(report.id, entry.id)),
      updated: entry.lastUpdated,
      summary: `${legendItem(report, entry.status).label}. New phase: ${destination(report, entry.nextPhase).title}. ${report.title}.`,
    })),
  );
  // The most recent changes, as feeds usually carry: a feed of every entry would grow with the plan.
  items.sort((a, b) => b.updated.localeCompare(a.updated));
  items.splice(FEED_LENGTH);
  const body = atomFeed({ title: site.title, url: absoluteUrl(url()), selfUrl: absoluteUrl(url('feed.xml')), author: site.organisation, items });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
