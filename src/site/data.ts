/** Typed access to the content collections, for pages. */
import { getCollection, getEntry } from 'astro:content';
import { EMPTY_GLOSSARY, type Glossary } from '../core/glossary.ts';
import type { Report, Site } from '../core/model.ts';
import { i18n, type I18n } from '../i18n/index.ts';
import { sortReports } from '../core/model.ts';
import { currentContentError } from './dev-preview.ts';
import { keptHistory } from '../build/globals.ts';

/** In the dev preview, pages show the content's errors instead (dev-preview.ts); other files fail with them. */
function throwIfBroken(): void {
  const error = currentContentError();
  if (error) throw error;
}

/**
 * In a build the content does not change while pages render, so each lookup
 * below is made once and shared by every page (components ask for the site's
 * wording once per cell of a table). The preview (DEV) looks up every time:
 * a save changes the content under it.
 */
function once<T>(lookUp: () => Promise<T>): () => Promise<T> {
  let found: Promise<T> | undefined;
  return () => {
    throwIfBroken();
    if (import.meta.env.DEV) return lookUp();
    return (found ??= lookUp());
  };
}

export const getSite = once(async (): Promise<Site> => {
  const entry = await getEntry('site', 'site');
  if (!entry) throw new Error('site.yaml was not loaded');
  return entry.data as unknown as Site;
});

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
export const getReports = once(async (): Promise<Report[]> => {
  const entries = await getCollection('reports');
  return sortReports(entries.map((e) => withHistory(e.data as unknown as Stored)));
});

/** A report as the loader stored it: in `npm run build`, its history is kept beside the store (src/build/globals.ts). */
type Stored = Report & { historyKept?: true };
/** Each stored report with its history, made once: the same object on every page. */
const withKept = new WeakMap<Stored, Report>();

function withHistory(stored: Stored): Report {
  if (!stored.historyKept) return stored;
  let report = withKept.get(stored);
  if (!report) {
    const history = keptHistory()?.get(stored.id);
    if (!history) throw new Error(`the history of report "${stored.id}" was kept beside Astro's content store, but the pages cannot find it (src/build/globals.ts)`);
    const { historyKept: _, ...rest } = stored;
    withKept.set(stored, (report = { ...rest, history }));
  }
  return report;
}

export const getGlossary = once(async (): Promise<Glossary> => {
  const entry = await getEntry('site', 'glossary');
  return (entry?.data as unknown as Glossary | undefined) ?? EMPTY_GLOSSARY;
});
