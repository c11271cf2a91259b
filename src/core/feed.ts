/** An Atom feed (RFC 4287) of entries by when they last changed, and a sitemap. */
export interface FeedItem {
  title: string;
  url: string;
  updated: string;
  summary: string;
}

export const xmlEscape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

export function atomFeed(feed: { title: string; url: string; selfUrl: string; author: string; items: FeedItem[] }): string {
  const items = [...feed.items].sort((a, b) => b.updated.localeCompare(a.updated) || a.title.localeCompare(b.title));
  const updated = items[0]?.updated ?? new Date(0).toISOString();
  const entries = items.map(
    (i) => `  <entry>
    <title>${xmlEscape(i.title)}</title>
    <link href="${xmlEscape(i.url)}"/>
    <id>${xmlEscape(i.url)}</id>
    <updated>${i.updated}</updated>
    <summary>${xmlEscape(i.summary)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${xmlEscape(feed.title)}</title>
  <link href="${xmlEscape(feed.url)}"/>
  <link rel="self" href="${xmlEscape(feed.selfUrl)}"/>
  <id>${xmlEscape(feed.url)}</id>
  <updated>${updated}</updated>
  <author><name>${xmlEscape(feed.author)}</name></author>
${entries.join('\n')}
</feed>
`;
}

export function sitemap(urls: { url: string; lastmod?: string }[]): string {
  const items = urls.map((u) => `  <url><loc>${xmlEscape(u.url)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.slice(0, 10)}</lastmod>` : ''}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${items.join('\n')}
</urlset>
`;
}
