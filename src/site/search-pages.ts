/**
 * `npm run build`: hands the pages the search index reads (INDEXED_PAGES:
 * the report and entry pages) to the build as Astro renders them, so that
 * Pagefind reads them beside the rendering instead of from disk once every
 * page is written (src/build/search-feed.ts). It wraps Astro's own
 * prerenderer (the `setPrerenderer` of the `astro:build:start` hook): the
 * pages are rendered and written exactly as without it.
 */
import type { AstroPrerenderer, PathWithRoute } from 'astro';
import { matchesGlob } from 'node:path';
import type { PageSink } from '../build/globals.ts';
import { INDEXED_PAGES } from '../core/routes.ts';

/** The file Astro writes a page to (build.format 'directory'), relative to the output folder: "plan/x/index.html", "404.html". */
export function pageFile(pathname: string): string {
  const path = decodeURI(pathname).replace(/^\/+|\/+$/g, '');
  if (path === '404' || path === '500') return `${path}.html`;
  return path === '' ? 'index.html' : `${path}/index.html`;
}

/** The page's path within the site: its address without the base ("/plan/" under base "/plan/" is ""). */
function sitePath(url: string, base: string): string {
  const path = new URL(url).pathname;
  return path.startsWith(base) ? path.slice(base.length) : path;
}

const indexed = ({ route, pathname }: PathWithRoute) => route.type === 'page' && matchesGlob(pageFile(pathname), INDEXED_PAGES);

/** Astro's prerenderer, with each indexed page also handed to the sink. `base` ends in "/". */
export function feedingPrerenderer(inner: AstroPrerenderer, sink: PageSink, base: string): AstroPrerenderer {
  const expected = new Set<string>();
  return {
    ...inner,
    name: `${inner.name}+search-pages`,
    async getStaticPaths() {
      const paths = await inner.getStaticPaths();
      const files = paths.filter(indexed).map((p) => pageFile(p.pathname));
      for (const file of files) expected.add(file);
      sink.expect(files);
      return paths;
    },
    async render(request, options) {
      const result = await inner.render(request, options);
      const response = result instanceof Response ? result : result.response;
      const file = pageFile(sitePath(request.url, base));
      if (options.routeData.type !== 'page' || response.status !== 200 || !response.body || !expected.has(file)) return result;
      const bytes = new Uint8Array(await response.arrayBuffer());
      sink.page(file, bytes);
      const copy = new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
      return result instanceof Response ? copy : { ...result, response: copy };
    },
  };
}
