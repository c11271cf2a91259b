// @ts-check
import { defineConfig } from 'astro/config';
import { reportSite } from './src/site/report-site.ts';

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
  // Pages ship no client JavaScript unless a feature asks for it.
  scopedStyleStrategy: 'class',
  devToolbar: { enabled: false },
  // CSS in files, never inline, so the Content-Security-Policy needs no 'unsafe-inline'.
  // Four pages at a time: one at a time (Astro's default), the page process waited for each
  // page's folder and file to be written before rendering the next, idle half the time.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Scripts as files too, never inlined (Astro inlines small ones by default).
  vite: { build: { assetsInlineLimit: 0 } },
  // The post-build steps are loaded only when this integration runs them (a bare `astro build`):
  // `npm run build` runs them in a process of its own, and loading them would delay Astro's start.
  integrations: [reportSite({ steps: async () => (await import('./src/build/steps.ts')).postBuildSteps })],
});
