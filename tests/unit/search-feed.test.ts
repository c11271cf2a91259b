/**
 * The search index `npm run build` makes from the pages as Astro renders them
 * (src/build/search-feed.ts, fed by src/site/search-pages.ts): whatever order
 * the pages arrive in, and however the pipe cuts them, the index is the same,
 * and holds what Pagefind's step reading the same pages from disk
 * (src/build/pagefind.ts) makes; pages on disk that were not handed over, or
 * pages promised that never came, make no index, so that the step reads the
 * pages from disk instead.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { pagefindStep } from '../../src/build/pagefind.ts';
import { SearchFeed, searchFrames } from '../../src/build/search-feed.ts';
import { pageFile } from '../../src/site/search-pages.ts';

const work = mkdtempSync(join(tmpdir(), 'search-feed-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const page = (title: string, words: string, body = true) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main${body ? ' data-pagefind-body' : ''}><h1>${title}</h1><p>${words}</p><ul data-pagefind-ignore><li>Download</li></ul></main></body></html>`;

/** A small built site: a report page, three entry pages, a search page without data-pagefind-body, and a facet page the index does not read. */
const PAGES: Record<string, string> = {
  'plan/index.html': page('The plan', 'Every action of the plan, in a table.'),
  'plan/recruitment/index.html': page('Recruitment', 'Values-based recruitment for officers; governance.'),
  'plan/scrutiny/index.html': page('Scrutiny', 'The scrutiny work programme, agreed with members.'),
  'plan/budget/index.html': page('Budget', 'The medium-term financial plan and its risks.'),
  'search/index.html': page('Search', 'Search the plan', false),
  'plan/themes/governance/index.html': page('Governance', 'Every governance action'),
};
/** The files the index reads (INDEXED_PAGES), in the order Astro would list them. */
const INDEXED = ['plan/index.html', 'plan/recruitment/index.html', 'plan/scrutiny/index.html', 'plan/budget/index.html', 'search/index.html'];

function site(name: string): string {
  const dir = join(work, name);
  for (const [file, html] of Object.entries(PAGES)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), html);
  }
  return dir;
}

/** Feeds the pages through a pipe, in the given order, cut into chunks of `chunk` bytes; returns what finish() says. */
async function feed(dir: string, list: string[], order: string[], chunk: number) {
  const pipe = new PassThrough();
  const feed = new SearchFeed();
  feed.read(pipe);
  const bytes = Buffer.concat([searchFrames.list(list), ...order.map((f) => searchFrames.page(f, Buffer.from(PAGES[f]!)))]);
  for (let i = 0; i < bytes.length; i += chunk) pipe.write(bytes.subarray(i, i + chunk));
  pipe.end();
  try {
    return await feed.finish(dir);
  } finally {
    feed.close();
  }
}

/** Each file of the index, name → bytes. */
function indexFiles(dir: string): Map<string, Buffer> {
  const root = join(dir, 'pagefind');
  return new Map((readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]).filter((e) => e.isFile()).map((e) => [join(e.parentPath, e.name).slice(root.length + 1), readFileSync(join(e.parentPath, e.name))]));
}

/** The pages of an index, as Pagefind's fragments (gzip'd JSON after a 12-byte signature) hold them. */
function fragments(dir: string): { url: string; content: string }[] {
  const folder = join(dir, 'pagefind', 'fragment');
  return readdirSync(folder)
    .map((f) => JSON.parse(gunzipSync(readFileSync(join(folder, f))).subarray(12).toString()) as { url: string; content: string })
    .sort((a, b) => a.url.localeCompare(b.url));
}

describe('the search index made as the pages are rendered', () => {
  it('is the same whatever order the pages come in and however the pipe cuts them, and holds what reading them from disk does', async () => {
    const inOrder = site('in-order');
    expect(await feed(inOrder, INDEXED, INDEXED, 1 << 16)).toEqual({ pages: 5 });
    const shuffled = site('shuffled');
    expect(await feed(shuffled, INDEXED, [...INDEXED].reverse(), 7)).toEqual({ pages: 5 });
    expect(indexFiles(shuffled)).toEqual(indexFiles(inOrder));

    const fromDisk = site('from-disk');
    await pagefindStep.run({ dir: fromDisk, base: '/', logger: { info: () => {}, warn: () => {} } });
    expect(fragments(inOrder)).toEqual(fragments(fromDisk));
    expect(fragments(inOrder).map((f) => f.url)).toEqual(['/plan/', '/plan/budget/', '/plan/recruitment/', '/plan/scrutiny/']);
    expect(fragments(inOrder).find((f) => f.url === '/plan/recruitment/')!.content).toContain('Values-based recruitment');
    expect(fragments(inOrder).some((f) => f.content.includes('Download'))).toBe(false);
  });

  it('is not made when a page on disk was not handed over, nor when a page promised never came', async () => {
    const unlisted = site('unlisted');
    const missing = INDEXED.filter((f) => f !== 'plan/budget/index.html');
    expect(await feed(unlisted, missing, missing, 1 << 16)).toEqual({ reason: expect.stringContaining('are not those handed over') });
    expect(existsSync(join(unlisted, 'pagefind'))).toBe(false);

    const short = site('short');
    expect(await feed(short, INDEXED, INDEXED.slice(0, 3), 1 << 16)).toEqual({ reason: expect.stringMatching(/^2 of the 5 pages never came/) });
    expect(existsSync(join(short, 'pagefind'))).toBe(false);

    // Without pages (`astro build` run directly, or a page process that never got to them), the step reads them from disk.
    const none = new SearchFeed();
    expect(await none.finish(site('none'))).toEqual({ reason: 'no page was handed over' });
  });
});

describe('the file a page is written to', () => {
  it('is its folder’s index.html, or 404.html', () => {
    expect(pageFile('/')).toBe('index.html');
    expect(pageFile('')).toBe('index.html');
    expect(pageFile('/plan/')).toBe('plan/index.html');
    expect(pageFile('plan/recruitment')).toBe('plan/recruitment/index.html');
    expect(pageFile('/404')).toBe('404.html');
  });
});
