/**
 * An Atom feed (RFC 4287) of entries by when they last changed, and a sitemap
 * (sitemaps.org 0.9). Both need full addresses (https://…), so the site only
 * makes them when SITE is set.
 */
export interface FeedItem {
  title: string;
  url: string;
  /** ISO date-time. */
  updated: string;
  summary: string;
}

export interface Feed {
  title: string;
  /** The site's home page. */
  url: string;
  /** The feed's own address. */
  selfUrl: string;
  author: string;
  language?: string;
  items: FeedItem[];
  /** The newest this many items (default 100): a feed is for news, the site has the rest. */
  limit?: number;
}

export const FEED_LIMIT = 100;

export const xmlEscape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Feeds and sitemaps must name full addresses: a site-relative one is a mistake (SITE not set). */
function absolute(url: string): string {
  if (!/^https?:\/\/[^/]/.test(url)) throw new Error(`"${url}" is not a full address (https://…): feeds and sitemaps need SITE to be set`);
  return xmlEscape(url);
}

export function atomFeed(feed: Feed): string {
  const items = [...feed.items]
    .sort((a, b) => b.updated.localeCompare(a.updated) || a.title.localeCompare(b.title))
    .slice(0, feed.limit ?? FEED_LIMIT);
  const updated = items[0]?.updated ?? new Date(0).toISOString();
  const entries = items.map(
    (i) => `  <entry>
    <title>${xmlEscape(i.title)}</title>
    <link rel="alternate" type="text/html" href="${absolute(i.url)}"/>
    <id>${absolute(i.url)}</id>
    <updated>${i.updated}</updated>
    <summary>${xmlEscape(i.summary)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"${feed.language ? ` xml:lang="${xmlEscape(feed.language)}"` : ''}>
  <title>${xmlEscape(feed.title)}</title>
  <link rel="alternate" type="text/html" href="${absolute(feed.url)}"/>
  <link rel="self" type="application/atom+xml" href="${absolute(feed.selfUrl)}"/>
  <id>${absolute(feed.url)}</id>
  <updated>${updated}</updated>
  <author><name>${xmlEscape(feed.author)}</name></author>
${entries.map((e) => `${e}\n`).join('')}</feed>
`;
}

export function sitemap(urls: { url: string; lastmod?: string }[]): string {
  const items = urls.map((u) => `  <url><loc>${absolute(u.url)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.slice(0, 10)}</lastmod>` : ''}</url>\n`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${items.join('')}</urlset>
`;
}

/** The latest of some ISO dates, if any. */
export function latest(dates: readonly (string | undefined)[]): string | undefined {
  return dates.filter((d): d is string => Boolean(d)).sort().at(-1);
}
