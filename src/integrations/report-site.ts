/**
 * The project's Astro integration: runs the post-build steps (search index,
 * PDF, …) over the built site, in order, after Astro has written every page.
 * Each step lives in its own module and gets the output folder and a logger.
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

export function reportSite(options: { steps?: PostBuildStep[] } = {}): AstroIntegration {
  const steps = options.steps ?? [];
  let base = '/';
  let site: string | undefined;
  return {
    name: 'improvement-report-site',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        site = config.site;
      },
      'astro:build:start': () => progress('Building pages…'),
      'astro:build:done': async ({ dir, logger, pages }) => {
        progress(`Pages written: ${pages.length}`);
        for (const step of steps) {
          progress(`Pages written: ${pages.length}; ${step.name}…`);
          const log = logger.fork(step.name);
          await step.run({ dir: fileURLToPath(dir), base, site, logger: log });
        }
      },
    },
  };
}
