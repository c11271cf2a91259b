// The framework floor for `npm run bench`: a bare Astro 7 site with one minimal
// page per Markdown entry and a Pagefind index, built from the same generated
// Markdown as the real build. It uses the project's own astro and pagefind.
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  devToolbar: { enabled: false },
  integrations: [
    {
      name: 'floor-pagefind',
      hooks: {
        'astro:build:done': async ({ dir }) => {
          const pagefind = await import('pagefind');
          const { index } = await pagefind.createIndex({});
          await index.addDirectory({ path: fileURLToPath(dir) });
          await index.writeFiles({ outputPath: fileURLToPath(new URL('pagefind/', dir)) });
          await pagefind.close();
        },
      },
    },
  ],
});
