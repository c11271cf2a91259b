/**
 * The typed model every output is made from: Site → Report → Entry. Types
 * are derived from the zod schemas (schema/): a Report is its report.yaml as
 * validated, plus what the loader adds. Plain, JSON-serialisable objects
 * (they pass through Astro's data store), and pure functions over them.
 * No Astro, no file system.
 */
import type { z } from 'zod';
import type { Glossary } from './glossary.ts';
import type { SiteHistory } from './history/types.ts';
import type { Section } from './markdown-render.ts';
import {
  choicesOf,
  fieldType,
  statuses,
  statusField,
  valueContext,
  type ChoiceValue,
  type FacetDecl,
  type FieldDecl,
  type FieldValue,
  type ReportFile,
  type SectionDecl,
  type Site,
  type Status,
  type EntryFrontmatter,
  type evidenceSchema,
} from './schema.ts';

export type { FieldDecl, FacetDecl, SectionDecl, Status, FieldValue };

export type { Site };
// A row's reference ("Row 14", "Ref CP-3"): one definition, used by every output.
export { referenceField, referenceInData, referenceLabel, referenceText, rowReference } from './reference.ts';
export type Accessibility = Site['accessibility'];
export type Evidence = z.output<typeof evidenceSchema>;

/** An entry: its built-in frontmatter as validated, its declared fields and sections, and what the loader adds. */
export type Entry = Pick<EntryFrontmatter, 'title' | 'order' | 'updated'> & {
  /** Slug from the file name; unique within its report; part of the URL. */
  id: string;
  report: string;
  evidence: Evidence[];
  /** When the entry last changed: `updated`, else its last git commit, else its file time (ISO date-time). */
  lastUpdated: string;
  /** The declared fields' values, by field id (a list for `multiple` fields); absent when not given. */
  fields: Record<string, FieldValue>;
  /** The declared sections, by section id. */
  sections: Record<string, Section>;
  /** Source file, relative to the project root. */
  file: string;
};

/** A report: its report.yaml as validated, with its id, entries and what the loader works out. */
export type Report = Omit<ReportFile, 'introduction' | 'about' | 'about_page' | 'notes'> & {
  /** Folder name under content/reports; part of the URL. */
  id: string;
  introductionHtml?: string;
  /** The site's own note about the report (`about:`), shown apart from the document's words. */
  aboutHtml?: string;
  /** The site's own notes page (`about_page:`), published at /<report>/about/; not an entry. */
  aboutPage?: AboutPage;
  notes: string[];
  /** Sorted by `order`. */
  entries: Entry[];
  file: string;
  /** The latest `lastUpdated` of its entries and of report.yaml (ISO date-time). */
  lastUpdated: string;
  /** Its editions from git and what changed between them (added by the site's loader; absent in `check`). */
  history?: SiteHistory;
};

/** A page of the site's own notes about a report, from a Markdown file in its folder. */
export interface AboutPage {
  title: string;
  html: string;
  /** Source file, relative to the project root. */
  file: string;
}

export interface Content {
  site: Site;
  /** Newest first (by reporting date, then title). */
  reports: Report[];
  glossary: Glossary;
}

export function sortEntries(entries: Entry[]): Entry[] {
  return entries.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export function sortReports(reports: Report[]): Report[] {
  return reports.sort((a, b) => (b.as_at ?? '').localeCompare(a.as_at ?? '') || a.title.localeCompare(b.title));
}

/** "1 action", "21 actions", in the report's own unit word. */
export function countOf(report: Pick<Report, 'unit'>, n: number): string {
  return `${n} ${n === 1 ? report.unit.singular : report.unit.plural}`;
}

// --- fields and their values

export function field(report: Report, id: string): FieldDecl {
  return find(report.fields, id, 'field');
}

/** The value ids or texts of a field of an entry, as a list (empty when not given). */
export function valuesOf(entry: Entry, fieldId: string): string[] {
  const v = entry.fields[fieldId];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

export type Choice = { id: string; label: string } & Partial<ChoiceValue> & Partial<Status>;

/** The declared value of a choice or status field. */
export function choice(report: Report, fieldId: string, valueId: string): Choice {
  return find(choicesOf(report, field(report, fieldId)) as Choice[], valueId, `value of ${fieldId}`);
}

/** A value as a reader sees it: the label of a choice, a formatted date, a percentage… */
export function displayValue(report: Report, f: FieldDecl, value: string | number): string {
  return fieldType(f).text(value, valueContext(report, f));
}

/** The fields shown as table columns, in declared order. */
export function columnFields(report: Report): FieldDecl[] {
  return report.fields.filter((f) => f.column);
}

export type TableColumn = { kind: 'field'; field: FieldDecl } | { kind: 'section'; section: SectionDecl };

/**
 * The table's columns after the title: `full`, the report page's; otherwise a
 * facet page's (sections with `in_facet_tables: false` left out). In the order
 * `columns` gives, the rest after it: sections, then fields, as declared. The
 * reference field (`reference:`) is not among them: the reference column,
 * before the title, shows it (rowReference).
 */
export function tableColumns(report: Report, full = true): TableColumn[] {
  const all: (TableColumn & { id: string })[] = [
    ...report.sections.filter((s) => (full ? s.in_table : (s.in_facet_tables ?? s.in_table))).map((section) => ({ kind: 'section' as const, section, id: section.id })),
    ...columnFields(report).filter((f) => f.id !== report.reference).map((field) => ({ kind: 'field' as const, field, id: field.id })),
  ];
  const order = report.columns ?? [];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return all.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c.id) - rank(b.c.id) || a.i - b.i).map(({ c: { id: _id, ...c } }) => c as TableColumn);
}

/** Fields shown in the cell and line of another (e.g. the plan's own wording of a choice). */
export function companions(report: Report, fieldId: string): FieldDecl[] {
  return report.fields.filter((f) => f.shown_with === fieldId);
}

/** A section's heading as readers see it. */
export function sectionLabel(section: SectionDecl): string {
  return section.label ?? section.heading;
}

// --- facets

export interface Facet {
  field: FieldDecl;
  /** The address segment: /<report>/<path>/<value>/. */
  path: string;
  /** The facet's name for readers, e.g. "Colour code". */
  label: string;
  summary: boolean;
  values: Choice[];
}

const facetCache = new WeakMap<object, Facet[]>();
export function facets(report: Report): Facet[] {
  let list = facetCache.get(report.facets);
  if (!list) {
    list = report.facets.map((f: FacetDecl) => {
      const decl = field(report, f.field);
      return { field: decl, path: f.path, label: f.label ?? decl.label, summary: f.summary, values: choicesOf(report, decl) as Choice[] };
    });
    facetCache.set(report.facets, list);
  }
  return list;
}

export function facetOf(report: Report, fieldId: string): Facet | undefined {
  return facets(report).find((f) => f.field.id === fieldId);
}

export function entriesWhere(report: Report, fieldId: string, value: string): Entry[] {
  return report.entries.filter((e) => valuesOf(e, fieldId).includes(value));
}

/** How many entries (of the report, or of `entries`: a facet page's) have each value of a field, in the report's own order of values (zeros kept). */
export function countBy(report: Report, fieldId: string, entries: readonly Entry[] = report.entries): { id: string; label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const e of entries) for (const v of valuesOf(e, fieldId)) counts.set(v, (counts.get(v) ?? 0) + 1);
  return choicesOf(report, field(report, fieldId)).map((v) => ({ id: v.id, label: v.label, count: counts.get(v.id) ?? 0 }));
}

// --- status and progress

/** The status of an entry, when the report has a status field and the entry one. */
export function statusOf(report: Report, entry: Entry): Status | undefined {
  const f = statusField(report);
  const id = f && valuesOf(entry, f.id)[0];
  return id ? legendItem(report, id) : undefined;
}

export function legendItem(report: Report, id: string): Status {
  return find(statuses(report), id, 'status');
}

/**
 * "64 of 114 complete": entries whose status counts as done, of all. A
 * document that lists only some rows declares its totals (`total:` on the
 * report and on legend entries); those counts are used where given.
 */
export function progress(report: Report): { done: number; total: number } | undefined {
  const f = statusField(report);
  const list = statuses(report);
  if (!f || !list.some((s) => s.done)) return undefined;
  const counts = countBy(report, f.id);
  const declared = new Map(report.legend.flatMap((l) => [[l.id, l.total], ...(l.children ?? []).map((c) => [c.id, c.total] as const)]));
  const countOfStatus = (s: Status) => declared.get(s.id) ?? counts.find((c) => c.id === s.id)?.count ?? 0;
  const done = list.filter((s) => s.done).reduce((n, s) => n + countOfStatus(s), 0);
  const total = report.total ?? list.reduce((n, s) => n + countOfStatus(s), 0);
  return { done, total };
}

function find<T extends { id: string }>(list: readonly T[], id: string, what: string): T {
  const item = list.find((x) => x.id === id);
  // Content is checked before the model is built, so this is a programming error.
  if (!item) throw new Error(`unknown ${what} "${id}"`);
  return item;
}

/** One line about an entry: its status, then each column field as "Label: value" ("Amber – at risk. Owner: Highways team."). */
export function entrySummary(report: Report, entry: Entry, list: (values: string[]) => string = (v) => v.join(', ')): string {
  const status = statusOf(report, entry);
  const parts = [
    status && (status.stage ? `${status.stage.label}: ${status.label}` : status.label),
    ...columnFields(report).map((f) => {
      const v = entry.fields[f.id];
      const values = v === undefined ? [] : Array.isArray(v) ? v : [v];
      return values.length ? `${f.label}: ${list(values.map((x) => displayValue(report, f, x)))}` : undefined;
    }),
  ];
  return parts
    .filter(Boolean)
    .map((p) => `${p}.`)
    .join(' ');
}
