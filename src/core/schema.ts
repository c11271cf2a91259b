/**
 * The single source of truth for what content may say, composed of small
 * files in schema/. `npm run check`, the Astro content loader and the JSON
 * Schema files are all derived from these. Framework-free: zod, never Astro.
 */
export * from './schema/primitives.ts';
export * from './schema/field-types.ts';
export * from './schema/report.ts';
export * from './schema/shape.ts';
export * from './schema/entry.ts';
export * from './schema/site.ts';
export * from './schema/reference.ts';
