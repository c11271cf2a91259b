import { defineCollection } from 'astro:content';
import { contentLoader } from './site/content-loader.ts';

export const collections = {
  site: defineCollection({ loader: contentLoader('site') }),
  reports: defineCollection({ loader: contentLoader('reports') }),
};
