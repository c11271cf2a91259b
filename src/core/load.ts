/**
 * Reading content: the loader and what the command-line tools share with it.
 * The work is done by the modules of content/, one job each.
 */
export { loadContent, type LoadOptions, type LoadResult } from './content/load.ts';
export { MAX_FILE_BYTES } from './content/read.ts';
export { slugify } from './content/slug.ts';
export { validate } from './content/validate.ts';
