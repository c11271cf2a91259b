/**
 * The post-build steps' contract (what a step gets and returns) and the
 * runner that runs them in order over a built site. Used by `npm run build`,
 * which runs them in its own small process, and by the Astro integration
 * (src/site/report-site.ts) under a bare `astro build`.
 */
import { progress } from './progress.ts';

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
