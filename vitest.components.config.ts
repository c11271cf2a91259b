/**
 * The component tests (tests/components/): each component's examples rendered
 * with Astro's Container API, which needs Astro's Vite set-up (getViteConfig
 * reads astro.config.mjs), so they are a project of their own.
 */
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: { name: 'components', include: ['tests/components/**/*.test.ts'], setupFiles: ['tests/components/setup.ts'], globalSetup: ['tests/setup/temp-root.ts'] },
});
