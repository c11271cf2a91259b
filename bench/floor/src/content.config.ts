import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  entries: defineCollection({ loader: glob({ pattern: '*.md', base: process.env.FLOOR_CONTENT ?? 'missing' }) }),
};
