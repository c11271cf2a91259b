/**
 * The site's routes (src/site/routes/) are the built site: every path they
 * give is built, every built page is one of them, and the search index reads
 * every page marked for it. On the shared builds (at the root with
 * SITE set, and under /plan without); history.test.ts checks the same on a
 * site with editions.
 */
import { describe, expect, it } from 'vitest';
import { SITES, type SiteBuild } from '../helpers/paths.ts';
import { routesAndBuild } from '../helpers/routes.ts';

const builds: [string, SiteBuild][] = Object.entries(SITES);

describe.each(builds)('the routes of the %s build', (_name, build) => {
  it('are built, each once, and every page built is a route', async () => {
    const r = await routesAndBuild(build.dir, build.content, Boolean(build.site));
    expect(r.routedPages.length).toBeGreaterThan(30);
    expect(r.builtPages).toEqual(r.routedPages);
    expect(r.missingFiles).toEqual([]);
    expect(r.duplicates).toEqual([]);
  });

  it('give the search index every page marked for it, and none of the facet pages', async () => {
    const r = await routesAndBuild(build.dir, build.content, Boolean(build.site));
    expect(r.searchPages.length).toBeGreaterThan(20);
    expect(r.searchPages.filter((f) => !r.indexedPages.includes(f))).toEqual([]);
    expect(r.indexedPages.filter((f) => f.split('/').length > 3)).toEqual([]);
    expect(r.builtPages.filter((f) => f.split('/').length > 3).length).toBeGreaterThan(10);
  });
});
