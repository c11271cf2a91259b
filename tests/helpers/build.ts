/**
 * Build the real site before the build tests: once at the root and once under
 * the sub-path /plan, as on GitHub Pages. The outputs live in tests/.output/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { OUTPUT, SITES, type SiteBuild } from '../helpers/paths.ts';

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

export function buildSite(build: SiteBuild, extraEnv: Record<string, string> = {}): void {
  rmSync(build.dir, { recursive: true, force: true });
  execFileSync(process.execPath, ['src/cli/build.ts', '--outDir', build.dir], {
    env: buildEnv({ BASE: build.base, CONTENT_DIR: build.content, SITE: build.site, ...extraEnv }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export default function setup(): void {
  if (process.env.SKIP_SITE_BUILD && existsSync(SITES.root.dir) && existsSync(SITES.base.dir)) return;
  void OUTPUT;
  for (const build of Object.values(SITES)) buildSite(build);
}
