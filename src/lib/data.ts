/** Typed access to the content collections, for pages. */
import { getCollection, getEntry } from 'astro:content';
import type { Report, Site } from '../core/model.ts';
import { sortReports } from '../core/model.ts';

export async function getSite(): Promise<Site> {
  const entry = await getEntry('site', 'site');
  if (!entry) throw new Error('site.yaml was not loaded');
  return entry.data as unknown as Site;
}

/** Newest first; getCollection() gives no order of its own. */
export async function getReports(): Promise<Report[]> {
  const entries = await getCollection('reports');
  return sortReports(entries.map((e) => e.data as unknown as Report));
}
