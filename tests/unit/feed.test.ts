import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { atomFeed, FEED_LIMIT, latest, sitemap, type FeedItem } from '../../src/core/feed.ts';

const item = (n: number, updated: string, extra: Partial<FeedItem> = {}): FeedItem => ({
  title: `Action ${n}`,
  url: `https://plan.example.org/r/${n}/`,
  updated,
  summary: `Summary ${n}`,
  ...extra,
});
const feed = (items: FeedItem[], extra = {}) =>
  atomFeed({ title: 'Plan & more', url: 'https://plan.example.org/', selfUrl: 'https://plan.example.org/feed.xml', author: 'Council', language: 'en-GB', items, ...extra });

describe('Atom feed', () => {
  it('lists entries newest first, the feed updated when the newest was', () => {
    const $ = load(feed([item(1, '2024-01-01T00:00:00.000Z'), item(2, '2024-03-01T10:00:00.000Z'), item(3, '2024-02-01T00:00:00.000Z')]), { xml: true });
    expect($('feed').attr('xmlns')).toBe('http://www.w3.org/2005/Atom');
    expect($('feed').attr('xml:lang')).toBe('en-GB');
    expect($('entry > title').map((_, t) => $(t).text()).get()).toEqual(['Action 2', 'Action 3', 'Action 1']);
    expect($('feed > updated').text()).toBe('2024-03-01T10:00:00.000Z');
    expect($('entry').first().find('id').text()).toBe('https://plan.example.org/r/2/');
    expect($('entry').first().find('link').attr('href')).toBe('https://plan.example.org/r/2/');
    expect($('feed > link[rel=self]').attr('href')).toBe('https://plan.example.org/feed.xml');
    expect($('feed > author > name').text()).toBe('Council');
  });

  it('escapes text so the XML stays well-formed', () => {
    const xml = feed([item(1, '2024-01-01T00:00:00.000Z', { title: 'Old <one> & "two"', summary: 'B & C' })]);
    expect(xml).toContain('<title>Plan &amp; more</title>');
    expect(xml).toContain('<title>Old &lt;one&gt; &amp; &quot;two&quot;</title>');
    const $ = load(xml, { xml: true });
    expect($('entry > title').text()).toBe('Old <one> & "two"');
    expect($('entry > summary').text()).toBe('B & C');
  });

  it('keeps the newest entries only, up to the limit', () => {
    const many = Array.from({ length: FEED_LIMIT + 5 }, (_, i) => item(i, new Date(Date.UTC(2024, 0, 1 + i)).toISOString()));
    const $ = load(feed(many), { xml: true });
    expect($('entry')).toHaveLength(FEED_LIMIT);
    expect($('entry > title').first().text()).toBe(`Action ${FEED_LIMIT + 4}`);
    expect(load(feed(many, { limit: 2 }), { xml: true })('entry')).toHaveLength(2);
  });

  it('refuses site-relative addresses, which Atom does not allow', () => {
    expect(() => feed([item(1, '2024-01-01T00:00:00.000Z', { url: '/r/1/' })])).toThrow('"/r/1/" is not a full address (https://…): feeds and sitemaps need SITE to be set');
  });
});

describe('sitemap', () => {
  it('lists full addresses, with the day each last changed where known', () => {
    const $ = load(sitemap([{ url: 'https://plan.example.org/', lastmod: '2024-03-01T10:00:00Z' }, { url: 'https://plan.example.org/a?b&c' }]), { xml: true });
    expect($('urlset').attr('xmlns')).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect($('url').map((_, u) => [[$(u).find('loc').text(), $(u).find('lastmod').text()]]).get()).toEqual([
      ['https://plan.example.org/', '2024-03-01'],
      ['https://plan.example.org/a?b&c', ''],
    ]);
    expect(() => sitemap([{ url: 'plan/' }])).toThrow('not a full address');
  });

  it('latest() picks the newest date and ignores missing ones', () => {
    expect(latest(['2024-01-02T00:00:00Z', undefined, '2024-03-01T00:00:00Z'])).toBe('2024-03-01T00:00:00Z');
    expect(latest([])).toBeUndefined();
  });
});
