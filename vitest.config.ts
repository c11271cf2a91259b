import { defineConfig } from 'vitest/config';

// First in every project: the run's own temporary folder, removed when it ends (tests/setup/temp-root.ts).
const TEMP_ROOT = 'tests/setup/temp-root.ts';

export default defineConfig({
  test: {
    projects: [
      // Component examples rendered with Astro's Container API (it needs Astro's Vite set-up).
      'vitest.components.config.ts',
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'], globalSetup: [TEMP_ROOT] },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          // Builds the real site once (at the root and under a sub-path) for every build test.
          globalSetup: [TEMP_ROOT, 'tests/setup/build-sites.ts'],
          // One file at a time: builds and Chromium share a small machine.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
