/**
 * Read the content folder into the typed model, collecting every problem on
 * the way instead of stopping at the first. `npm run check` prints the
 * diagnostics; the Astro content loader refuses to build when any is an error.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { z } from 'zod';
import { contrastRatio, MIN_TEXT_CONTRAST } from './contrast.ts';
import { lastChanged } from './dates.ts';
import { EMPTY_GLOSSARY, glossaryFor, glossarySchema, unknownAbbreviations, type Glossary } from './glossary.ts';
import type { Diagnostic } from './diagnostics.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { parseBody, renderMarkdown, type MarkdownOptions } from './markdown.ts';
import { sortEntries, sortReports, type Content, type Entry, type Report, type Site } from './model.ts';
import {
  entrySchemaFor,
  ID_PATTERN,
  RESERVED_ENTRY_IDS,
  RESERVED_REPORT_IDS,
  reportSchema,
  siteSchema,
  statuses,
  type EntryFrontmatter,
  type FieldValue,
} from './schema.ts';
import { didYouMean, nearest } from './suggest.ts';
import { parseYaml, type ParsedYaml } from './yaml.ts';

/** Larger than any real entry by far; a file this big is a mistake (a pasted export, a binary). */
export const MAX_FILE_BYTES = 256 * 1024;

export interface LoadOptions {
  /** Paths in messages are relative to this folder (default: the current directory). */
  root?: string;
  markdown?: MarkdownOptions;
  /**
   * Check only (`npm run check`): the same checks and messages, without the
   * entries' HTML and text and without their last-changed dates (content then
   * holds empty sections and dates; do not build from it).
   */
  checkOnly?: boolean;
}

export interface LoadResult {
  /** Present when there are no errors. */
  content?: Content;
  diagnostics: Diagnostic[];
  /** Every file read, relative to `root`, for watchers and summaries. */
  files: string[];
}

export function loadContent(contentDir: string, options: LoadOptions = {}): LoadResult {
  const root = options.root ?? process.cwd();
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  const rel = (p: string) => relative(root, p) || p;

  const readText = (path: string): string | undefined => {
    const file = rel(path);
    files.push(file);
    let bytes: Buffer;
    try {
      if (statSync(path).size > MAX_FILE_BYTES) {
        diagnostics.push({ severity: 'error', file, line: 1, message: `the file is too large (over ${MAX_FILE_BYTES / 1024} KB)`, hint: 'an entry is a page of text; split it or remove pasted data' });
        return undefined;
      }
      bytes = readFileSync(path);
    } catch (e) {
      diagnostics.push({ severity: 'error', file, message: `cannot be read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
      return undefined;
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const loose = new TextDecoder('utf-8').decode(bytes);
      const line = loose.slice(0, loose.indexOf('\uFFFD')).split('\n').length;
      diagnostics.push({ severity: 'error', file, line, message: 'the file is not UTF-8 text', hint: 'save it again as "UTF-8" in your editor' });
      return undefined;
    }
  };

  const readYamlFile = (path: string): { yaml: ParsedYaml; file: string; text: string } | undefined => {
    const text = readText(path);
    if (text === undefined) return undefined;
    const file = rel(path);
    const yaml = parseYaml(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
    for (const p of yaml.problems) diagnostics.push({ severity: 'error', file, ...p });
    return yaml.problems.length ? undefined : { yaml, file, text };
  };

  // --- site.yaml
  let site: Site | undefined;
  const sitePath = join(contentDir, 'site.yaml');
  if (!exists(sitePath)) {
    diagnostics.push({ severity: 'error', file: rel(sitePath), message: 'is missing', hint: 'create it with at least "title:" and "organisation:"' });
  } else {
    const parsed = readYamlFile(sitePath);
    if (parsed) {
      const data = validate(siteSchema, parsed.yaml, parsed.file, diagnostics, 'site setting');
      if (data) {
        const a = data.accessibility;
        site = {
          title: data.title,
          organisation: data.organisation,
          description: data.description,
          language: data.language,
          accessibility: {
            contactEmail: a?.contact_email,
            contactPhone: a?.contact_phone,
            contactAddress: a?.contact_address,
            responseDays: a?.response_days,
            compliance: a?.compliance ?? 'partial',
            knownIssues: a?.known_issues ?? [],
            prepared: a?.prepared,
            lastReviewed: a?.last_reviewed,
          },
        };
        const missing = [
          !a?.contact_email && !a?.contact_phone && !a?.contact_address && 'a contact (contact_email, contact_phone or contact_address)',
          !a?.last_reviewed && 'the date of its last review (last_reviewed)',
        ].filter(Boolean);
        if (missing.length) {
          diagnostics.push({
            severity: 'warning',
            file: parsed.file,
            line: parsed.yaml.lineOf(['accessibility']),
            field: 'accessibility',
            message: `the accessibility statement lacks ${missing.join(' and ')}`,
            hint: 'public bodies must publish how to report an accessibility problem: add them under "accessibility:" (see docs/editing.md)',
          });
        }
      }
    }
  }

  // --- glossary.yaml (optional)
  let glossary: Glossary = EMPTY_GLOSSARY;
  let glossaryFile: { file: string; lineOf: (path: (string | number)[]) => number } | undefined;
  const glossaryPath = join(contentDir, 'glossary.yaml');
  if (exists(glossaryPath)) {
    const parsed = readYamlFile(glossaryPath);
    const data = parsed && validate(glossarySchema, parsed.yaml, parsed.file, diagnostics, 'glossary setting');
    if (parsed && data) {
      glossary = { terms: data.terms, ignore: data.ignore ?? [], unexplained: data.unexplained ?? [] };
      glossaryFile = { file: parsed.file, lineOf: (path) => parsed.yaml.lineOf(path) };
      // A word belongs in one place only: explained, a name, or not explained.
      const seen = new Map<string, string>();
      const lists = [
        ['terms', data.terms.map((t) => t.term), (i: number) => ['terms', i, 'term']],
        ['ignore', glossary.ignore, (i: number) => ['ignore', i]],
        ['unexplained', glossary.unexplained, (i: number) => ['unexplained', i]],
      ] as const;
      for (const [list, words, path] of lists) {
        words.forEach((w, i) => {
          const field = list === 'terms' ? `terms[${i}].term` : `${list}[${i}]`;
          const first = seen.get(w);
          if (first) {
            diagnostics.push({ severity: 'error', file: parsed.file, line: parsed.yaml.lineOf(path(i)), field, message: `"${w}" is listed twice (also at ${first})`, hint: 'keep one of them' });
          } else seen.set(w, field);
        });
      }
    }
  }
  const siteMarkdown: MarkdownOptions = { ...options.markdown, glossary, ...(options.checkOnly ? { render: false } : {}) };
  const texts: { file: string; text: string; glossary: Glossary }[] = [];

  // --- reports
  const reportsDir = join(contentDir, 'reports');
  const reports: Report[] = [];
  const reportIds = exists(reportsDir) ? listDir(reportsDir).filter((name) => isDir(join(reportsDir, name))) : [];
  if (reportIds.length === 0) {
    diagnostics.push({ severity: 'error', file: rel(reportsDir), message: 'holds no report', hint: 'add a folder such as content/reports/phase-2/ with a report.yaml in it' });
  }

  for (const reportId of reportIds) {
    const dir = join(reportsDir, reportId);
    const reportPath = join(dir, 'report.yaml');
    if (!ID_PATTERN.test(reportId) || (RESERVED_REPORT_IDS as readonly string[]).includes(reportId)) {
      diagnostics.push({ severity: 'error', file: rel(dir), message: `"${reportId}" cannot be a report's folder name`, hint: `use lower-case letters, digits and hyphens, and not one of: ${RESERVED_REPORT_IDS.join(', ')}` });
      continue;
    }
    if (!exists(reportPath)) {
      diagnostics.push({ severity: 'error', file: rel(reportPath), message: 'is missing', hint: 'every report folder needs a report.yaml with its title and the fields, sections, legend and facets of its plan (see docs/editing.md)' });
      continue;
    }
    const parsed = readYamlFile(reportPath);
    const data = parsed && validate(reportSchema, parsed.yaml, parsed.file, diagnostics, 'report setting');
    if (!parsed || !data) continue;
    // Terms may belong to one report: each report's pages explain the site's terms and its own.
    const reportGlossary = glossaryFor(glossary, reportId);
    const markdown: MarkdownOptions = reportGlossary === glossary ? siteMarkdown : { ...siteMarkdown, glossary: reportGlossary };

    const { introduction, notes, ...declared } = data;
    const report: Report = {
      ...declared,
      id: reportId,
      introductionHtml: introduction ? renderMarkdown(introduction, markdown) : undefined,
      notes: notes ?? [],
      entries: [],
      file: parsed.file,
      lastUpdated: '',
    };
    checkLegendContrast(report, parsed.yaml, diagnostics);
    valueLines.set(report, (path) => parsed.yaml.lineOf(path));
    texts.push({ file: parsed.file, text: parsed.text, glossary: reportGlossary });
    const schema = entrySchemaFor(report, parsed.file);
    const reserved = [...RESERVED_ENTRY_IDS, ...report.facets.map((f) => f.path)];

    const ids = new Map<string, string>();
    for (const name of listDir(dir)) {
      const path = join(dir, name);
      if (name === 'report.yaml' || isDir(path)) continue;
      if (!MARKDOWN_FILE.test(name)) {
        diagnostics.push({ severity: 'error', file: rel(path), message: 'is not a Markdown entry (.md)', hint: 'a report folder holds report.yaml and one .md file per row; move other files elsewhere' });
        continue;
      }
      const id = name.replace(MARKDOWN_FILE, '');
      const other = ids.get(id.toLowerCase());
      if (other) {
        diagnostics.push({ severity: 'error', file: rel(path), message: `has the same address ("${id}") as ${other}`, hint: 'two entries cannot share a file name: rename or delete one of them' });
        continue;
      }
      ids.set(id.toLowerCase(), rel(path));
      const entry = readEntry(path, id, report, schema, reserved, readText, diagnostics, rel(path), markdown, texts);
      if (entry) report.entries.push(entry);
    }
    sortEntries(report.entries);
    checkDuplicateOrders(report, diagnostics);
    reports.push(report);
  }

  // Values that continue in another report (a value of its grouping field): checked like any other reference.
  for (const report of reports) {
    report.fields.forEach((f, i) => {
      f.values?.forEach((v, j) => {
        if (!v.report || !v.value) return;
        const at = (key: string) => ({ line: lineOfValue(report, ['fields', i, 'values', j, key]), field: `fields[${i}].values[${j}].${key}` });
        const other = reports.find((r) => r.id === v.report);
        if (!other) {
          const ids = reports.map((r) => r.id).filter((id) => id !== report.id);
          diagnostics.push({ severity: 'error', file: report.file, ...at('report'), message: `"${v.report}" is not a report of this site`, hint: didYouMean(v.report, ids, 'reports') });
          return;
        }
        const group = other.group_by ? other.fields.find((g) => g.id === other.group_by) : undefined;
        const ids = (group?.type === 'status' ? statuses(other) : (group?.values ?? [])).map((x) => x.id);
        if (!group) {
          diagnostics.push({ severity: 'error', file: report.file, ...at('report'), message: `the report "${other.id}" does not group its rows ("group_by:"), so a value cannot point into it`, hint: `add "group_by:" to ${other.file}, or remove "report:" and "value:"` });
        } else if (!ids.includes(v.value)) {
          diagnostics.push({ severity: 'error', file: report.file, ...at('value'), message: `"${v.value}" is not a ${group.label.toLowerCase()} of the report "${other.id}"`, hint: `${didYouMean(v.value, ids, 'choices')}; they are listed in ${other.file}` });
        }
      });
    });
  }

  // A term that belongs to one report names a report of this site.
  if (glossaryFile) {
    glossary.terms.forEach((t, i) => {
      if (t.report === undefined || reports.some((r) => r.id === t.report) || !reportIds.length) return;
      diagnostics.push({ severity: 'error', file: glossaryFile.file, line: glossaryFile.lineOf(['terms', i, 'report']), field: `terms[${i}].report`, message: `"${t.report}" is not a report of this site`, hint: didYouMean(t.report, reportIds, 'reports') });
    });
  }

  // Capitalised words the glossary lacks: a warning, so readers are not left guessing.
  for (const { file, text, glossary } of texts) {
    // YAML comments are notes to editors, not content.
    const content = text.replace(/^[ \t]*#(?:[ \t].*)?$/gm, '');
    for (const { word, line } of unknownAbbreviations(content, glossary)) {
      diagnostics.push({
        severity: 'warning',
        file,
        line,
        message: `"${word}" looks like an abbreviation that the glossary does not explain`,
        hint: `add it to ${rel(glossaryPath)}: under "terms:" with what it stands for, under "ignore:" if it is a name, or under "unexplained:" if its meaning is not known`,
      });
    }
  }

  const hasErrors = diagnostics.some((d) => d.severity === 'error');
  if (!hasErrors && !options.checkOnly) {
    const dates = lastChanged(contentDir, files.map((f) => resolve(root, f)));
    const dateOf = (file: string) => dates.get(resolve(root, file)) ?? new Date(0).toISOString();
    for (const report of reports) {
      for (const entry of report.entries) entry.lastUpdated = entry.updated ? `${entry.updated}T00:00:00.000Z` : dateOf(entry.file);
      report.lastUpdated = [dateOf(report.file), ...report.entries.map((e) => e.lastUpdated)].sort().at(-1)!;
    }
  }
  return {
    content: hasErrors || !site ? undefined : { site, reports: sortReports(reports), glossary },
    diagnostics,
    files,
  };
}

/** Entry files: `.md` (or `.markdown`), in any case. */
const MARKDOWN_FILE = /\.(md|markdown)$/i;

function readEntry(
  path: string,
  id: string,
  report: Report,
  schema: ReturnType<typeof entrySchemaFor>,
  reservedIds: readonly string[],
  readText: (p: string) => string | undefined,
  diagnostics: Diagnostic[],
  file: string,
  markdown: MarkdownOptions,
  texts: { file: string; text: string; glossary: Glossary }[],
): Entry | undefined {
  if (!ID_PATTERN.test(id) || reservedIds.includes(id)) {
    const reserved = reservedIds.includes(id);
    diagnostics.push({
      severity: 'error',
      file,
      message: `"${file.split(/[\\/]/).pop()}" cannot be an entry's file name (it becomes the page address)`,
      hint: reserved
        ? `choose another name: ${reservedIds.join(', ')} are used by the site's own pages`
        : `rename it with lower-case letters, digits and hyphens, e.g. "${slugify(id) || 'my-action'}.md"`,
    });
    return undefined;
  }
  const text = readText(path);
  if (text === undefined) return undefined;

  const split = splitFrontmatter(text);
  texts.push({ file, text: text.replace(/\r\n?/g, '\n'), glossary: markdown.glossary ?? EMPTY_GLOSSARY });
  for (const p of split.problems) diagnostics.push({ severity: 'error', file, ...p });
  if (!split.yaml || split.problems.length) return undefined;

  const data = validate(schema, split.yaml, file, diagnostics, 'entry field') as EntryFrontmatter | undefined;
  const body = parseBody(split.body, split.bodyLine, markdown, report.sections);
  for (const p of body.problems) diagnostics.push({ severity: 'error', file, field: 'body', ...p });
  if (!data || body.problems.length) return undefined;

  const fields: Record<string, FieldValue> = {};
  for (const f of report.fields) if (data[f.id] !== undefined) fields[f.id] = data[f.id]!;
  const entry: Entry = {
    id,
    report: report.id,
    title: data.title,
    order: data.order,
    evidence: data.evidence ?? [],
    updated: data.updated,
    lastUpdated: '',
    fields,
    sections: body.sections,
    file,
  };
  orderLines.set(entry, split.yaml.lineOf(['order']));
  return entry;
}

/** Where each report's settings are written, for cross-report messages. */
const valueLines = new WeakMap<Report, (path: (string | number)[]) => number>();
function lineOfValue(report: Report, path: (string | number)[]): number | undefined {
  return valueLines.get(report)?.(path);
}

/** Where each entry's `order` is written, for the duplicate-order message. */
const orderLines = new WeakMap<Entry, number>();

/**
 * Validate with a zod schema and turn each issue into a diagnostic with the
 * line of the field it is about.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  yaml: ParsedYaml,
  file: string,
  diagnostics: Diagnostic[],
  what: string,
): z.output<S> | undefined {
  const data = yaml.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push({ severity: 'error', file, line: yaml.lineOf([]), message: 'must be a list of "field: value" lines', hint: 'see an existing file for the shape' });
    return undefined;
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    let path = issue.path;
    // One value written where a list is allowed is read as a list of one: speak of the field itself.
    if (typeof path.at(-1) === 'number' && path.at(-1) === 0 && !Array.isArray(valueAt(data, path.slice(0, -1)))) path = path.slice(0, -1);
    const field = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${String(p)}` : String(p))).join('');
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path);
      for (const key of issue.keys) {
        const guess = nearest(key, known);
        diagnostics.push({
          severity: 'error',
          file,
          line: yaml.lineOf([...path, key]),
          field: [field, key].filter(Boolean).join('.'),
          message: `"${key}" is not a known ${path.length ? `field of ${String(path.find((p) => typeof p === 'string') ?? '')}` : what}`,
          hint: guess ? `did you mean "${guess}"? known: ${known.join(', ')}` : `known: ${known.join(', ')}`,
        });
      }
      continue;
    }
    const value = valueAt(data, path);
    const missing = value === undefined && issue.code === 'invalid_type';
    // A check that knows its own hint (e.g. the choices of a field) gives it with the issue.
    const own = issue.code === 'custom' ? (issue.params as { hint?: string } | undefined)?.hint : undefined;
    diagnostics.push({
      severity: 'error',
      file,
      line: yaml.lineOf(path),
      field: field || undefined,
      message: missing ? 'is required but missing' : own !== undefined ? issue.message : describe(value, issue.message),
      hint: missing ? hintForMissing(field) : (own ?? hintFor(path)),
    });
  }
  return undefined;
}

/** Say what was written, then what it must be: `"two" must be a whole number`. */
function describe(value: unknown, mustBe: string): string {
  if (value === null) return `is empty but ${mustBe}`;
  if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 37) + '…' : value}" ${mustBe}`;
  if (typeof value === 'boolean') return `${value} is read as yes/no and ${mustBe}`;
  if (typeof value === 'number') return `${value} ${mustBe}`;
  if (Array.isArray(value)) return mustBe.startsWith('needs') ? mustBe : `is a list, but ${mustBe}`;
  if (typeof value === 'object') return `is a group of fields, but ${mustBe}`;
  return `${String(value)} ${mustBe}`;
}

/** How to write a field correctly, by the field's name. */
const FIELD_HINTS: Record<string, string> = {
  date: "write the date as YYYY-MM-DD in quotes, e.g. date: '2024-03-01'",
  updated: "write the date as YYYY-MM-DD in quotes, e.g. updated: '2024-03-01'",
  url: 'copy the whole address from the browser, starting with https://',
  order: 'the row’s position in the table: 1, 2, 3…',
  evidence: 'write each item on its own line under "evidence:", indented, starting "- title: "',
  colour: 'e.g. colour: "#d9ead3"',
  text_colour: 'e.g. text_colour: "#0b0c0c"',
  legend: 'add at least one item: "- id: …", "label: …", "colour: …"',
  values: 'add at least one item: "- id: …", "label: …"',
  id: 'lower-case letters, digits and hyphens, e.g. "in-progress"',
};

function hintFor(path: readonly PropertyKey[]): string {
  const name = String([...path].reverse().find((p) => typeof p === 'string') ?? '');
  return FIELD_HINTS[name] ?? `write the ${name || 'value'} as plain text after "${name}: "`;
}

function hintForMissing(field: string): string {
  return `add a line "${field.split('.').pop()}: …"`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  // Walk the schema's shape along the path, through arrays and optionals.
  let s: unknown = schema;
  for (const p of path) {
    s = unwrap(s);
    const def = (s as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }).def;
    if (def?.type === 'object' && typeof p === 'string') s = def.shape?.[p];
    else if (def?.type === 'array') s = def.element;
  }
  s = unwrap(s);
  const shape = (s as { def?: { shape?: Record<string, unknown> } }).def?.shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(s: unknown): unknown {
  let cur = s as { def?: { type?: string; innerType?: unknown; element?: unknown } };
  while (cur?.def && (cur.def.type === 'optional' || cur.def.type === 'default' || cur.def.type === 'nullable')) {
    cur = cur.def.innerType as typeof cur;
  }
  if (cur?.def?.type === 'array') cur = cur.def.element as typeof cur;
  while (cur?.def && (cur.def.type === 'optional' || cur.def.type === 'default')) cur = cur.def.innerType as typeof cur;
  return cur;
}

/** Legend colours readable: text on each colour at WCAG 2.2 AA contrast. */
function checkLegendContrast(report: Report, yaml: ParsedYaml, diagnostics: Diagnostic[]): void {
  const items = report.legend.flatMap((l, i) => [
    ...(l.colour ? [{ item: { colour: l.colour, text_colour: l.text_colour }, path: ['legend', i] }] : []),
    ...(l.children ?? []).map((c, j) => ({ item: c, path: ['legend', i, 'children', j] })),
  ]);
  for (const { item, path } of items) {
    const ratio = contrastRatio(item.colour, item.text_colour);
    if (ratio < MIN_TEXT_CONTRAST) {
      diagnostics.push({
        severity: 'error',
        file: report.file,
        line: yaml.lineOf([...path, 'colour']),
        field: `${path.map((p, k) => (typeof p === 'number' ? `[${p}]` : k ? `.${p}` : p)).join('')}.colour`,
        message: `text in ${item.text_colour} on ${item.colour} has a contrast of ${ratio.toFixed(2)}:1, below the 4.5:1 that WCAG 2.2 AA requires`,
        hint: 'choose a lighter background colour or a darker text_colour',
      });
    }
  }
}

function checkDuplicateOrders(report: Report, diagnostics: Diagnostic[]): void {
  const byOrder = new Map<number, Entry>();
  for (const entry of report.entries) {
    const first = byOrder.get(entry.order);
    if (first) {
      diagnostics.push({
        severity: 'error',
        file: entry.file,
        line: orderLines.get(entry),
        field: 'order',
        message: `${entry.order} is also the order of ${first.file}`,
        hint: 'each row needs its own position in the table: give one of them another number',
      });
    } else byOrder.set(entry.order, entry);
  }
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
function listDir(path: string): string[] {
  return readdirSync(path).filter((n) => !n.startsWith('.')).sort();
}
