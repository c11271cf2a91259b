/**
 * The typed model every output is made from: Site → Report → Theme → Entry.
 * Plain, JSON-serialisable objects (they pass through Astro's data store),
 * and pure functions over them. No Astro, no file system.
 */
import { darkVariant } from './contrast.ts';
import type { Glossary } from './glossary.ts';
import type { Sections } from './markdown.ts';

export interface Accessibility {
  contactEmail?: string;
  contactPhone?: string;
  contactAddress?: string;
  responseDays?: number;
  compliance: 'full' | 'partial' | 'not';
  knownIssues: string[];
  prepared?: string;
  lastReviewed?: string;
}

export interface Site {
  title: string;
  organisation: string;
  description?: string;
  language: string;
  accessibility: Accessibility;
}

export interface LegendItem {
  id: string;
  label: string;
  colour: string;
  textColour: string;
  description?: string;
}

export interface Theme {
  id: string;
  title: string;
  description?: string;
}

export interface Destination {
  id: string;
  title: string;
  group?: string;
  description?: string;
  /** When the destination is a theme of another report of the site. */
  report?: string;
  theme?: string;
}

export interface Evidence {
  title: string;
  date?: string;
  url?: string;
  note?: string;
}

export interface Entry {
  /** Slug from the file name; unique within its report; part of the URL. */
  id: string;
  report: string;
  title: string;
  theme: string;
  status: string;
  /** Destination ids: one, or several when the row has several New Phase cells. */
  nextPhase: string[];
  /** The New Phase cells in the plan's own words, one per `nextPhase` id, when given. */
  nextPhaseText?: string[];
  order: number;
  evidence: Evidence[];
  /** The `updated` date an editor wrote, if any (YYYY-MM-DD). */
  updated?: string;
  /** When the entry last changed: `updated`, else its last git commit, else its file time (ISO date-time). */
  lastUpdated: string;
  sections: Sections;
  /** Source file, relative to the project root. */
  file: string;
}

export interface Report {
  /** Folder name under content/reports; part of the URL. */
  id: string;
  title: string;
  subtitle?: string;
  organisation?: string;
  date?: string;
  introductionHtml?: string;
  /** The site's own note about the report (`about:`), shown apart from the document's words. */
  aboutHtml?: string;
  notes: string[];
  legend: LegendItem[];
  themes: Theme[];
  destinations: Destination[];
  /** Sorted by `order`. */
  entries: Entry[];
  file: string;
  /** The latest `lastUpdated` of its entries and of report.yaml (ISO date-time). */
  lastUpdated: string;
}

export interface Content {
  site: Site;
  /** Newest first (by date, then title). */
  reports: Report[];
  glossary: Glossary;
}

export function sortEntries(entries: Entry[]): Entry[] {
  return entries.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export function sortReports(reports: Report[]): Report[] {
  return reports.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title));
}

export interface ThemeGroup {
  theme: Theme;
  entries: Entry[];
}

/**
 * Rows grouped by theme, as in the plan's table: themes in the report's order,
 * entries in their own order; themes with no entries are left out.
 */
export function groupByTheme(report: Report, entries: readonly Entry[] = report.entries): ThemeGroup[] {
  const byTheme = new Map<string, Entry[]>();
  for (const entry of entries) {
    const list = byTheme.get(entry.theme) ?? [];
    list.push(entry);
    byTheme.set(entry.theme, list);
  }
  return report.themes
    .filter((theme) => byTheme.has(theme.id))
    .map((theme) => ({ theme, entries: sortEntries([...(byTheme.get(theme.id) ?? [])]) }));
}

export type Facet = 'theme' | 'status' | 'nextPhase';

/** The values an entry has for a facet: one, or several (next phase). */
export function facetValues(entry: Entry, facet: Facet): string[] {
  const value = entry[facet];
  return typeof value === 'string' ? [value] : value;
}

export function entriesWhere(report: Report, facet: Facet, value: string): Entry[] {
  return report.entries.filter((e) => facetValues(e, facet).includes(value));
}

/**
 * How many entries have each value of a facet, in the report's own order of values (zeros kept).
 * An entry with several values is counted under each.
 */
export function countBy(report: Report, facet: Facet): { id: string; label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const e of report.entries) for (const v of facetValues(e, facet)) counts.set(v, (counts.get(v) ?? 0) + 1);
  const values =
    facet === 'theme'
      ? report.themes.map((t) => ({ id: t.id, label: t.title }))
      : facet === 'status'
        ? report.legend.map((l) => ({ id: l.id, label: l.label }))
        : report.destinations.map((d) => ({ id: d.id, label: d.title }));
  return values.map((v) => ({ ...v, count: counts.get(v.id) ?? 0 }));
}

/** An entry's new phases: each destination with the plan's own words for it, when they say more than its title. */
export function nextPhases(report: Report, entry: Entry): { destination: Destination; text?: string }[] {
  return entry.nextPhase.map((id, i) => {
    const d = destination(report, id);
    const text = entry.nextPhaseText?.[i];
    return { destination: d, text: text && text !== d.title ? text : undefined };
  });
}

/** The entries before and after this one in table order (theme groups, then order). */
export function neighbours(report: Report, entryId: string): { previous?: Entry; next?: Entry } {
  const { ordered, index } = tableOrder(report);
  const i = index.get(entryId);
  if (i === undefined) return {};
  return { previous: ordered[i - 1], next: ordered[i + 1] };
}

/** Entries in table order with their positions, computed once per report (every entry page asks). */
const tableOrders = new WeakMap<Report, { ordered: Entry[]; index: Map<string, number> }>();
function tableOrder(report: Report) {
  let order = tableOrders.get(report);
  if (!order) {
    const ordered = groupByTheme(report).flatMap((g) => g.entries);
    order = { ordered, index: new Map(ordered.map((e, i) => [e.id, i])) };
    tableOrders.set(report, order);
  }
  return order;
}

export function legendItem(report: Report, id: string): LegendItem {
  return find(report.legend, id, 'status');
}
export function theme(report: Report, id: string): Theme {
  return find(report.themes, id, 'theme');
}
export function destination(report: Report, id: string): Destination {
  return find(report.destinations, id, 'destination');
}

function find<T extends { id: string }>(list: readonly T[], id: string, what: string): T {
  const item = list.find((x) => x.id === id);
  // Content is checked before the model is built, so this is a programming error.
  if (!item) throw new Error(`unknown ${what} "${id}"`);
  return item;
}

/**
 * A shape per status, shown beside its colour and label so the status survives
 * black-and-white printing and colour blindness. Assigned by legend position.
 */
export const STATUS_SYMBOLS = ['●', '■', '▲', '◆', '★', '✚', '▼', '⬟'] as const;

export function statusSymbol(report: Report, statusId: string): string {
  const i = report.legend.findIndex((l) => l.id === statusId);
  return STATUS_SYMBOLS[i % STATUS_SYMBOLS.length] ?? '●';
}

/**
 * CSS custom properties for each legend colour, as `.status-<id>` classes, with
 * a dark-mode variant that keeps at least 4.5:1 contrast.
 */
export function legendCss(report: Report): string {
  const light = report.legend.map((l) => `.status-${l.id} { --status-bg: ${l.colour}; --status-fg: ${l.textColour}; }`);
  const dark = report.legend.map((l) => {
    const d = darkVariant(l.colour);
    return `  .status-${l.id} { --status-bg: ${d.colour}; --status-fg: ${d.textColour}; }`;
  });
  // Printing always uses the light colours: paper is white.
  return `${light.join('\n')}\n@media screen and (prefers-color-scheme: dark) {\n${dark.join('\n')}\n}\n`;
}
