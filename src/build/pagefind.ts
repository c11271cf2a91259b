/**
 * Post-build step: index the built site with Pagefind (Node API), so dist/
 * always has a fresh search index in dist/pagefind/. Only elements marked
 * data-pagefind-body (entry and report pages) are indexed, and only those
 * pages are read (INDEXED_PAGES, from the site's paths in src/core/routes.ts).
 * `npm run build` reads them as Astro renders them instead (search-feed.ts),
 * and runs this step only when that could not be done.
 */
import * as pagefind from 'pagefind';
import { INDEXED_PAGES } from '../core/routes.ts';
import type { PostBuildStep } from './post-build.ts';
import { SEARCH_INDEX_STEP } from './search-feed.ts';
import { openIndex, pagefindError, writeIndex } from './pagefind-index.ts';


export const pagefindStep: PostBuildStep = {
  name: SEARCH_INDEX_STEP,
  async run({ dir, logger }) {
    const started = Date.now();
    try {
      const index = await openIndex(pagefind);
      const added = await index.addDirectory({ path: dir, glob: INDEXED_PAGES });
      if (added.errors.length) throw pagefindError('index the site', added.errors);
      if (added.page_count === 0) throw pagefindError('index the site', ['no page has data-pagefind-body']);
      await writeIndex(index, dir);
      logger.info(`read ${added.page_count} pages into the index in ${Date.now() - started} ms`);
      return 'a search index';
    } finally {
      await pagefind.close();
    }
  },
};
