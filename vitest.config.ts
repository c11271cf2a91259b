import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // Component examples rendered with Astro's Container API (it needs Astro's Vite set-up).
      'vitest.components.config.ts',
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'] },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          // Builds the real site once (at the root and under a sub-path) for every build test.
          globalSetup: ['tests/setup/build-sites.ts'],
          // One file at a time: builds and Chromium share a small machine.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
