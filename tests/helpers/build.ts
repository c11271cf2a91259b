/** Building a site from the tests, as `npm run build` does. */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { SiteBuild } from './paths.ts';

/**
 * The environment of a child build: vitest sets NODE_ENV=test and Vite's
 * BASE_URL/MODE/DEV/PROD/SSR in process.env, which would leak into Astro's build.
 */
export function buildEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(VITEST|VITE_|TEST$|NODE_ENV$|BASE_URL$|MODE$|DEV$|PROD$|SSR$)/.test(key)) delete env[key];
  }
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/** Builds a site into build.dir with `npm run build`'s entry point (a clean folder each time). */
export function buildSite(build: SiteBuild, extraEnv: Record<string, string> = {}): void {
  rmSync(build.dir, { recursive: true, force: true });
  execFileSync(process.execPath, ['src/cli/build.ts', '--outDir', build.dir], {
    env: buildEnv({ BASE: build.base, CONTENT_DIR: build.content, SITE: build.site, ...build.env, ...extraEnv }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
