/** Typed access to the content collections, for pages. */
import { getCollection, getEntry } from 'astro:content';
import { EMPTY_GLOSSARY, type Glossary } from '../core/glossary.ts';
import type { Report, Site } from '../core/model.ts';
import { i18n, type I18n } from '../i18n/index.ts';
import { sortReports } from '../core/model.ts';
import { currentContentError } from './dev-preview.ts';

/** In the dev preview, pages show the content's errors instead (dev-preview.ts); other files fail with them. */
function throwIfBroken(): void {
  const error = currentContentError();
  if (error) throw error;
}

export async function getSite(): Promise<Site> {
  throwIfBroken();
  const entry = await getEntry('site', 'site');
  if (!entry) throw new Error('site.yaml was not loaded');
  return entry.data as unknown as Site;
}

/** The interface wording in the site's language (site.yaml `language`; en-GB when unknown). */
export async function getI18n(): Promise<I18n> {
  const language = (await getSite()).language;
  let t = interfaces.get(language);
  if (!t) interfaces.set(language, (t = i18n(language)));
  return t;
}
/** One interface per language: components ask for it once per cell of a table. */
const interfaces = new Map<string, I18n>();

/** Newest first; getCollection() gives no order of its own. */
export async function getReports(): Promise<Report[]> {
  throwIfBroken();
  const entries = await getCollection('reports');
  return sortReports(entries.map((e) => e.data as unknown as Report));
}

export async function getGlossary(): Promise<Glossary> {
  throwIfBroken();
  const entry = await getEntry('site', 'glossary');
  return (entry?.data as unknown as Glossary | undefined) ?? EMPTY_GLOSSARY;
}
