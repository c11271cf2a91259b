/**
 * /feed.xml: an Atom feed of the entries by when they last changed. Injected by
 * src/site/report-site.ts only when SITE is set (a feed needs full addresses).
 */
import type { APIRoute } from 'astro';
import { atomFeed } from '../core/feed.ts';
import { entrySummary } from '../core/model.ts';
import { getI18n, getReports, getSite } from '../site/data.ts';
import { absoluteUrl, changesUrl, entryUrl, reportUrl, siteUrl, url } from '../site/urls.ts';
import { formatDate } from '../core/format.ts';
import { groupChanges } from '../core/history/index.ts';
import { changeCount } from '../core/history/view.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  const reports = await getReports();
  const t = await getI18n();
  const h = t.messages.history;
  const groupNames = ['complete', 'worse', 'better', 'slipped', 'added', 'removed', 'other'] as const;
  // A report with editions (as_at in its history): one item per edition, summarising what changed.
  const editionItems = (report: (typeof reports)[number]) =>
    report.history!.editions.map((edition, i) => {
      const changes = i > 0 ? report.history!.changes[i - 1]! : undefined;
      const date = formatDate(edition.asAt);
      const groups = changes && groupChanges(changes);
      const summary = changes && groups
        ? t.format(h.feedSummary, {
            count: t.units(report, changeCount(changes)),
            previous: formatDate(changes.from),
            groups: t.list(groupNames.filter((g) => groups[g].length).map((g) => t.format(h.feedGroup, { count: groups[g].length, group: h.groups[g].toLowerCase() }))) || h.noChanges,
          })
        : t.format(h.feedFirst, { report: report.title, date });
      return {
        title: t.format(h.feedTitle, { report: report.title, date }),
        url: absoluteUrl(changes ? changesUrl(report.id, edition.asAt) : reportUrl(report.id)),
        updated: `${edition.asAt}T00:00:00Z`,
        summary,
      };
    });
  const items = reports.flatMap((report) =>
    report.history?.editions.length ? editionItems(report) : report.entries.map((entry) => ({
      title: entry.title,
      url: absoluteUrl(entryUrl(report.id, entry.id)),
      updated: entry.lastUpdated,
      summary: [entrySummary(report, entry, (values) => t.list(values)), `${report.title}.`].filter(Boolean).join(' '),
    })),
  );
  const body = atomFeed({
    title: site.title,
    url: absoluteUrl(url()),
    selfUrl: absoluteUrl(siteUrl('feed')),
    author: site.organisation,
    language: site.language,
    items,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
