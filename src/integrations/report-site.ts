/**
 * The project's Astro integration: adds the routes that need the site's full
 * address (feed, sitemap) when SITE is set, and runs the post-build steps
 * (search index, PDF, …) over the built site, in order, after Astro has
 * written every page. Each step lives in its own module and gets the output
 * folder and a logger.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { progress } from '../lib/progress.ts';

export interface PostBuildContext {
  /** The output folder, as a path. */
  dir: string;
  /** The site's base path, e.g. "/" or "/plan/". */
  base: string;
  /** The public address of the site, when configured. */
  site?: string;
  logger: AstroIntegrationLogger;
}

export interface PostBuildStep {
  name: string;
  run(context: PostBuildContext): Promise<void>;
}

/**
 * Routes that only make sense with full addresses: an Atom feed's ids and a
 * sitemap's locations must be absolute. Without SITE they are left out (one
 * line says so) rather than written invalid.
 */
const SITE_ROUTES = [
  { pattern: '/feed.xml', entrypoint: new URL('../routes/feed.xml.ts', import.meta.url) },
  { pattern: '/sitemap.xml', entrypoint: new URL('../routes/sitemap.xml.ts', import.meta.url) },
];

/**
 * `npm run build` runs the steps itself once Astro's build has returned and its
 * memory can be freed, so that Pagefind (a child process) and Chromium do not
 * add their memory to Astro's. Without the CLI (`astro build`), they run in the hook.
 */
const DEFERRED = Symbol.for('improvement-report.deferred-steps');
type Deferred = { run?: () => Promise<void> };
export function deferSteps(): Deferred {
  const slot: Deferred = {};
  (globalThis as { [DEFERRED]?: Deferred })[DEFERRED] = slot;
  return slot;
}

export function reportSite(options: { steps?: PostBuildStep[] } = {}): AstroIntegration {
  const steps = options.steps ?? [];
  let base = '/';
  let site: string | undefined;
  return {
    name: 'improvement-report-site',
    hooks: {
      'astro:config:setup': ({ config, injectRoute, logger }) => {
        if (config.site) for (const route of SITE_ROUTES) injectRoute(route);
        else logger.info(`${SITE_ROUTES.map((r) => r.pattern.slice(1)).join(' and ')} left out: they need full addresses, so set SITE=https://… to publish them`);
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        site = config.site;
      },
      'astro:build:start': () => progress('Building pages…'),
      'astro:build:done': async ({ dir, logger, pages }) => {
        progress(`Pages written: ${pages.length}`);
        const count = pages.length;
        const runAll = async () => {
          for (const step of steps) {
            progress(`Pages written: ${count}; ${step.name}…`);
            await step.run({ dir: fileURLToPath(dir), base, site, logger: logger.fork(step.name) });
          }
        };
        const deferred = (globalThis as { [DEFERRED]?: Deferred })[DEFERRED];
        if (deferred) deferred.run = runAll;
        else await runAll();
      },
    },
  };
}
