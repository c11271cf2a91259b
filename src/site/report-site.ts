/**
 * The project's Astro integration: adds the export files' routes, and the
 * routes that need the site's full address (feed, sitemap) when SITE is set,
 * and runs the post-build steps (search index, PDF, …) over the built site,
 * in order, after Astro has written every page, unless `npm run build` runs them itself. The steps are
 * in src/build/ (post-build.ts says what a step is).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { deferred, searchPageSink } from '../build/globals.ts';
import { runSteps, type BuiltSite, type PostBuildStep } from '../build/post-build.ts';
import { progress } from '../build/progress.ts';
import { EXPORT_FORMATS } from '../core/exports/formats.ts';
import { paths } from '../core/routes.ts';
import { showContentErrors } from './dev-preview.ts';
import { feedingPrerenderer } from './search-pages.ts';

/**
 * Routes that only make sense with full addresses: an Atom feed's ids and a
 * sitemap's locations must be absolute. Without SITE they are left out (one
 * line says so) rather than written invalid.
 */
const SITE_ROUTES = [
  { pattern: `/${paths.feed()}`, entrypoint: new URL('../routes/feed.xml.ts', import.meta.url) },
  { pattern: `/${paths.sitemap()}`, entrypoint: new URL('../routes/sitemap.xml.ts', import.meta.url) },
];

/**
 * One endpoint for every export format (src/core/exports/formats.ts), at
 * /<report>/<its file name>: a route per format, so that each ends in its
 * extension and is served without a trailing slash.
 */
const EXPORT_ROUTES = EXPORT_FORMATS.map((f) => ({ pattern: `/[report]/${f.file}`, entrypoint: new URL('../routes/export.ts', import.meta.url) }));

export function reportSite(options: { steps?: () => Promise<PostBuildStep[]> } = {}): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  return {
    name: 'improvement-report-site',
    hooks: {
      'astro:config:setup': ({ config, injectRoute, logger }) => {
        for (const route of EXPORT_ROUTES) injectRoute(route);
        if (config.site) for (const route of SITE_ROUTES) injectRoute(route);
        else logger.info(`${SITE_ROUTES.map((r) => r.pattern.slice(1)).join(' and ')} left out: they need full addresses, so set SITE=https://… to publish them`);
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        site = config.site;
      },
      // `npm run dev`: while the content has errors, pages show the editor's messages.
      'astro:server:setup': ({ server, refreshContent }) => showContentErrors({ server, refreshContent }),
      'astro:build:start': ({ setPrerenderer }) => {
        progress('Building pages…');
        // `npm run build`: the search index reads its pages as Astro renders them.
        const sink = searchPageSink();
        if (sink) setPrerenderer((astro) => feedingPrerenderer(astro, sink, base));
      },
      'astro:build:done': async ({ dir, logger, pages }) => {
        progress(`Pages written: ${pages.length}`);
        const built: BuiltSite = { dir: fileURLToPath(dir), base, site, pages: pages.length };
        // `npm run build` runs the steps itself, in its own small process, once the
        // process that ran Astro has exited and its memory is free (src/build/globals.ts).
        const slot = deferred();
        if (slot) slot.built = built;
        else await runSteps((await options.steps?.()) ?? [], built, (name) => logger.fork(name));
      },
    },
  };
}
