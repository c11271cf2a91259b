import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const OUTPUT = resolve(ROOT, 'tests/.output');
export const CONTENT = resolve(ROOT, 'content');

export interface SiteBuild {
  dir: string;
  base: string;
  content: string;
}

/** The real content, built at the root and under a sub-path. */
export const SITES = {
  root: { dir: resolve(OUTPUT, 'dist'), base: '/', content: CONTENT },
  base: { dir: resolve(OUTPUT, 'dist-base'), base: '/plan', content: CONTENT },
} satisfies Record<string, SiteBuild>;
