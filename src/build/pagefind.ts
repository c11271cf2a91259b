/**
 * Post-build step: index the built site with Pagefind (Node API), so dist/
 * always has a fresh search index in dist/pagefind/. Only elements marked
 * data-pagefind-body (entry and report pages) are indexed.
 */
import * as pagefind from 'pagefind';
import { join } from 'node:path';
import type { PostBuildStep } from './post-build.ts';

/**
 * The pages Pagefind reads: report pages (<report>/index.html) and entry pages
 * (<report>/<entry>/index.html), the only ones marked data-pagefind-body. The
 * theme, colour-code and destination pages (<report>/<kind>/<value>/) would be
 * read and then skipped, so they are left out: at 1,000 entries they are 3 MB
 * of HTML and a third of the indexing time. The index is the same either way.
 */
export const INDEXED_PAGES = '{*/index.html,*/*/index.html}';

export const pagefindStep: PostBuildStep = {
  name: 'search index',
  async run({ dir, logger }) {
    const started = Date.now();
    const fail = (what: string, errors: string[]) => {
      throw new Error(`Pagefind could not ${what}: ${errors.join('; ')}`);
    };
    try {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
      if (!index || errors.length) fail('start', errors);
      const added = await index!.addDirectory({ path: dir, glob: INDEXED_PAGES });
      if (added.errors.length) fail('index the site', added.errors);
      if (added.page_count === 0) fail('index the site', ['no page has data-pagefind-body']);
      const written = await index!.writeFiles({ outputPath: join(dir, 'pagefind') });
      if (written.errors.length) fail('write the index', written.errors);
      logger.info(`read ${added.page_count} pages into the index in ${Date.now() - started} ms`);
      return 'a search index';
    } finally {
      await pagefind.close();
    }
  },
};
