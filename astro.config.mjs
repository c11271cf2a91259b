// @ts-check
import { defineConfig } from 'astro/config';

/**
 * Where the site is published. Set these for your host, e.g. for GitHub Pages:
 *   SITE=https://<owner>.github.io BASE=/<repo> npm run build
 * Both are optional: without them the site works from the root of any host.
 */
const site = process.env.SITE || undefined;
const base = process.env.BASE || '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Pages ship no client JavaScript unless a feature asks for it.
  scopedStyleStrategy: 'class',
  devToolbar: { enabled: false },
});
