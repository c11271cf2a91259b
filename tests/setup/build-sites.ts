/**
 * Build the real site before the build tests: once at the root and once under
 * the sub-path /plan, as on GitHub Pages. The outputs live in tests/.output/.
 */
import { existsSync } from 'node:fs';
import { buildSite } from '../helpers/build.ts';
import { SITES } from '../helpers/paths.ts';

export default function setup(): void {
  if (process.env.SKIP_SITE_BUILD && existsSync(SITES.root.dir) && existsSync(SITES.base.dir)) return;
  for (const build of Object.values(SITES)) buildSite(build);
}
