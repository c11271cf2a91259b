/**
 * The project's Astro integration: adds the routes that need the site's full
 * address (feed, sitemap) when SITE is set, and runs the post-build steps
 * (search index, PDF, …) over the built site, in order, after Astro has
 * written every page. Each step lives in its own module and gets the output
 * folder and a logger.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { showContentErrors } from '../lib/dev-preview.ts';
import { progress } from '../lib/progress.ts';

/** What a step may say: info lines (shown with --verbose) and warnings (always shown). */
export interface StepLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface PostBuildContext {
  /** The output folder, as a path. */
  dir: string;
  /** The site's base path, e.g. "/" or "/plan/". */
  base: string;
  /** The public address of the site, when configured. */
  site?: string;
  logger: StepLogger;
}

export interface PostBuildStep {
  name: string;
  /** Does the step's work; returns what it made, for the build's summary line ("a search index", "1 PDF"), if anything. */
  run(context: PostBuildContext): Promise<string | void>;
}

/** What the steps need to know about a finished Astro build. */
export interface BuiltSite {
  dir: string;
  base: string;
  site?: string;
  pages: number;
}

/** Run the steps in order over a built site, with a progress line for each: what they made, and each one's time in ms. */
export async function runSteps(steps: PostBuildStep[], built: BuiltSite, logger: (step: string) => StepLogger): Promise<{ made: string[]; times: Record<string, number> }> {
  const made: string[] = [];
  const times: Record<string, number> = {};
  for (const step of steps) {
    progress(`Pages written: ${built.pages}; ${step.name}…`);
    const started = performance.now();
    const what = await step.run({ dir: built.dir, base: built.base, site: built.site, logger: logger(step.name) });
    times[step.name] = performance.now() - started;
    if (what) made.push(what);
  }
  return { made, times };
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
 * `npm run build` runs the steps itself, in its own small process, once the
 * process that ran Astro has exited and its memory is free: Pagefind and
 * Chromium then do not add their memory to Astro's. The build's page process
 * calls this before Astro's build and reads the finished site from the slot.
 * Without the CLI (`astro build`), the steps run in the hook.
 */
const DEFERRED = Symbol.for('improvement-report.deferred-steps');
type Deferred = { built?: BuiltSite };
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
      // `npm run dev`: while the content has errors, pages show the editor's messages.
      'astro:server:setup': ({ server, refreshContent }) => showContentErrors({ server, refreshContent }),
      'astro:build:start': () => progress('Building pages…'),
      'astro:build:done': async ({ dir, logger, pages }) => {
        progress(`Pages written: ${pages.length}`);
        const built: BuiltSite = { dir: fileURLToPath(dir), base, site, pages: pages.length };
        const deferred = (globalThis as { [DEFERRED]?: Deferred })[DEFERRED];
        if (deferred) deferred.built = built;
        else await runSteps(steps, built, (name) => logger.fork(name));
      },
    },
  };
}
