/**
 * Read the content folder into the typed model, collecting every problem on
 * the way instead of stopping at the first. `npm run check` prints the
 * diagnostics; the Astro content loader refuses to build when any is an error.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { z } from 'zod';
import { contrastRatio, MIN_TEXT_CONTRAST } from './contrast.ts';
import { lastChanged } from './dates.ts';
import { EMPTY_GLOSSARY, glossarySchema, unknownAbbreviations, type Glossary } from './glossary.ts';
import { checkReportMarkdown } from './content/markdown-fields.ts';
import { kindOf, listReportFiles, listReports, refusal } from './content/files.ts';
import { capRepeated, guard, type Diagnostic } from './diagnostics.ts';
import { longLine } from './markdown-limits.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { parseBody, renderMarkdown, type MarkdownOptions } from './markdown.ts';
import { sortEntries, sortReports, type Content, type Entry, type Report, type Site } from './model.ts';
import {
  ENTRY_FIELDS,
  entrySchema,
  ID_PATTERN,
  RESERVED_ENTRY_IDS,
  RESERVED_REPORT_IDS,
  reportSchema,
  siteSchema,
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
    const refused = refusal(kindOf(path), file);
    if (refused) return void diagnostics.push(refused);
    let bytes: Buffer;
    let text: string;
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
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const loose = new TextDecoder('utf-8').decode(bytes);
      const line = loose.slice(0, loose.indexOf('\uFFFD')).split('\n').length;
      diagnostics.push({ severity: 'error', file, line, message: 'the file is not UTF-8 text', hint: 'save it again as "UTF-8" in your editor' });
      return undefined;
    }
    // Checked before any parsing: a huge line makes the parsers slow and the warnings endless.
    const long = longLine(text.replace(/\r\n?/g, '\n'), 1, /\.ya?ml$/i.test(path) ? LONG_YAML_LINE : undefined);
    if (long) return void diagnostics.push({ severity: 'error', file, ...long });
    return text;
  };

  const readYamlFile = (path: string): { yaml: ParsedYaml; file: string; text: string } | undefined =>
    guard(diagnostics, rel(path), () => {
      const text = readText(path);
      if (text === undefined) return undefined;
      const file = rel(path);
      const yaml = parseYaml(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
      for (const p of yaml.problems) diagnostics.push({ severity: 'error', file, ...p });
      return yaml.problems.length ? undefined : { yaml, file, text };
    });

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
  const glossaryPath = join(contentDir, 'glossary.yaml');
  if (exists(glossaryPath)) {
    const parsed = readYamlFile(glossaryPath);
    const data = parsed && validate(glossarySchema, parsed.yaml, parsed.file, diagnostics, 'glossary setting');
    if (parsed && data) {
      glossary = { terms: data.terms, ignore: data.ignore ?? [], unexplained: data.unexplained ?? [] };
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
  const markdown: MarkdownOptions = { ...options.markdown, glossary, ...(options.checkOnly ? { render: false } : {}) };
  const texts: { file: string; text: string }[] = [];

  // --- reports
  const reportsDir = join(contentDir, 'reports');
  const reports: Report[] = [];
  const reportIds = listReports(reportsDir, rel, diagnostics);
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
      diagnostics.push({ severity: 'error', file: rel(reportPath), message: 'is missing', hint: 'every report folder needs a report.yaml with its title, legend, themes and destinations' });
      continue;
    }
    const parsed = readYamlFile(reportPath);
    const data = parsed && guard(diagnostics, parsed.file, () => validate(reportSchema, parsed.yaml, parsed.file, diagnostics, 'report setting'));
    if (!parsed || !data) continue;
    const markdownOk = guard(diagnostics, parsed.file, () => checkReportMarkdown(data, parsed.yaml, parsed.file, diagnostics));

    const report: Report = {
      id: reportId,
      title: data.title,
      subtitle: data.subtitle,
      organisation: data.organisation,
      date: data.date,
      introductionHtml: data.introduction && markdownOk ? renderMarkdown(data.introduction, markdown) : undefined,
      aboutHtml: data.about && markdownOk ? renderMarkdown(data.about, markdown) : undefined,
      notes: data.notes ?? [],
      legend: data.legend.map((l) => ({ id: l.id, label: l.label, colour: l.colour, textColour: l.text_colour, description: l.description })),
      themes: data.themes,
      destinations: data.destinations,
      entries: [],
      file: parsed.file,
      lastUpdated: '',
    };
    checkReportLists(report, parsed.yaml, diagnostics);
    destinationLines.set(report, (i, field) => parsed.yaml.lineOf(field ? ['destinations', i, field] : ['destinations', i]));
    texts.push({ file: parsed.file, text: parsed.text });

    const ids = new Map<string, string>();
    for (const name of listReportFiles(dir, rel, diagnostics)) {
      const path = join(dir, name);
      if (name === 'report.yaml') continue;
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
      const entry = guard(diagnostics, rel(path), () => readEntry(path, id, report, readText, diagnostics, rel(path), markdown, texts));
      if (entry) report.entries.push(entry);
    }
    sortEntries(report.entries);
    checkDuplicateOrders(report, diagnostics);
    reports.push(report);
  }

  // Destinations that are themes of another report: checked like any other reference.
  for (const report of reports) {
    report.destinations.forEach((d, i) => {
      if (!d.report && !d.theme) return;
      const line = lineOfDestination(report, i);
      if (!d.report || !d.theme) {
        diagnostics.push({ severity: 'error', file: report.file, line, field: `destinations[${i}]`, message: 'needs both "report:" and "theme:" to point to another report’s theme', hint: 'add the missing one, or remove both' });
        return;
      }
      const other = reports.find((r) => r.id === d.report);
      if (!other) {
        const ids = reports.map((r) => r.id).filter((id) => id !== report.id);
        diagnostics.push({ severity: 'error', file: report.file, line: lineOfDestination(report, i, 'report'), field: `destinations[${i}].report`, message: `"${d.report}" is not a report of this site`, hint: didYouMean(d.report, ids, 'reports') });
      } else if (!other.themes.some((t) => t.id === d.theme)) {
        diagnostics.push({ severity: 'error', file: report.file, line: lineOfDestination(report, i, 'theme'), field: `destinations[${i}].theme`, message: `"${d.theme}" is not a theme of the report "${other.id}"`, hint: `${didYouMean(d.theme, other.themes.map((t) => t.id), 'themes')}; they are listed in ${other.file}` });
      }
    });
  }

  // Capitalised words the glossary lacks: a warning, so readers are not left guessing.
  for (const { file, text } of texts) {
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
    diagnostics: capRepeated(diagnostics),
    files,
  };
}

const LONG_YAML_LINE = 'break the value over several lines: write "field: >" and the text on the lines below it, indented';

/** Entry files: `.md` (or `.markdown`), in any case. */
const MARKDOWN_FILE = /\.(md|markdown)$/i;

/** Words that YAML 1.1 tools read as true/false; here they stay text, which surprises people. */
const YAML11_BOOLEANS = ['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false'];

function readEntry(
  path: string,
  id: string,
  report: Report,
  readText: (p: string) => string | undefined,
  diagnostics: Diagnostic[],
  file: string,
  markdown: MarkdownOptions,
  texts: { file: string; text: string }[],
): Entry | undefined {
  if (!ID_PATTERN.test(id) || (RESERVED_ENTRY_IDS as readonly string[]).includes(id)) {
    const reserved = (RESERVED_ENTRY_IDS as readonly string[]).includes(id);
    diagnostics.push({
      severity: 'error',
      file,
      message: `"${file.split(/[\\/]/).pop()}" cannot be an entry's file name (it becomes the page address)`,
      hint: reserved
        ? `choose another name: ${RESERVED_ENTRY_IDS.join(', ')} are used by the site's own pages`
        : `rename it with lower-case letters, digits and hyphens, e.g. "${slugify(id) || 'my-action'}.md"`,
    });
    return undefined;
  }
  const text = readText(path);
  if (text === undefined) return undefined;

  const split = splitFrontmatter(text);
  texts.push({ file, text: text.replace(/\r\n?/g, '\n') });
  for (const p of split.problems) diagnostics.push({ severity: 'error', file, ...p });
  if (!split.yaml || split.problems.length) return undefined;

  const data = validate(entrySchema, split.yaml, file, diagnostics, 'entry field');
  const body = parseBody(split.body, split.bodyLine, markdown);
  for (const p of body.problems) diagnostics.push({ severity: 'error', file, field: 'body', ...p });
  if (!data) return undefined;

  let ok = body.problems.length === 0;
  const nextPhase = [data.next_phase].flat();
  const nextPhaseText = data.next_phase_text === undefined ? undefined : [data.next_phase_text].flat();
  // A field with several values is a list: its messages name the item and its line.
  const yaml = split.yaml;
  const at = (field: string, i: number | undefined) => (i === undefined ? { field, line: yaml.lineOf([field]) } : { field: `${field}[${i}]`, line: yaml.lineOf([field, i]) });
  const refs = [
    ['theme', data.theme, undefined, report.themes.map((t) => t.id), 'theme', 'themes'],
    ['status', data.status, undefined, report.legend.map((l) => l.id), 'colour code (legend entry)', 'statuses'],
    ...nextPhase.map((value, i) => ['next_phase', value, Array.isArray(data.next_phase) ? i : undefined, report.destinations.map((d) => d.id), 'destination', 'destinations'] as const),
  ] as const;
  for (const [name, value, index, ids, what, plural] of refs) {
    if (!ids.includes(value)) {
      ok = false;
      diagnostics.push({
        severity: 'error',
        file,
        ...at(name, index),
        message: `"${value}" is not a ${what} of this report`,
        hint:
          (YAML11_BOOLEANS.includes(value.toLowerCase())
            ? `"${value}" is read as plain text here, not yes/no; write one of the ids. `
            : '') + `${didYouMean(value, ids, plural)}; they are listed in ${report.file}`,
      });
    }
  }
  if (nextPhaseText && nextPhaseText.length !== nextPhase.length) {
    ok = false;
    diagnostics.push({
      severity: 'error',
      file,
      line: split.yaml.lineOf(['next_phase_text']),
      field: 'next_phase_text',
      message: `has ${nextPhaseText.length} ${nextPhaseText.length === 1 ? 'text' : 'texts'} but next_phase has ${nextPhase.length} ${nextPhase.length === 1 ? 'id' : 'ids'}`,
      hint: 'give one text per next_phase id, as a list in the same order ("- …" on its own line), or remove next_phase_text',
    });
  }
  if (!ok) return undefined;

  const entry: Entry = {
    id,
    report: report.id,
    title: data.title,
    theme: data.theme,
    status: data.status,
    nextPhase,
    nextPhaseText,
    order: data.order,
    evidence: data.evidence ?? [],
    updated: data.updated,
    lastUpdated: '',
    sections: body.sections,
    file,
  };
  orderLines.set(entry, split.yaml.lineOf(['order']));
  return entry;
}

/** Where each report's destinations are written, for cross-report messages. */
const destinationLines = new WeakMap<Report, (i: number, field?: string) => number>();
function lineOfDestination(report: Report, i: number, field?: string): number | undefined {
  return destinationLines.get(report)?.(i, field);
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
    const path = issue.path;
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
    diagnostics.push({
      severity: 'error',
      file,
      line: yaml.lineOf(path),
      field: field || undefined,
      message: missing ? 'is required but missing' : describe(value, issue.message),
      hint: missing ? hintForMissing(field) : hintFor(path),
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
  themes: 'add at least one item: "- id: …", "title: …"',
  destinations: 'add at least one item: "- id: …", "title: …"',
  theme: 'write one of the theme ids listed in report.yaml',
  status: 'write one of the legend ids listed in report.yaml',
  next_phase: 'write one of the destination ids listed in report.yaml, or a list of them, one per line starting "- "',
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
  if (path.length === 0 && schema === (entrySchema as unknown)) return ENTRY_FIELDS;
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

/** Ids unique within each list; legend colours readable. */
function checkReportLists(report: Report, yaml: ParsedYaml, diagnostics: Diagnostic[]): void {
  for (const list of ['legend', 'themes', 'destinations'] as const) {
    const seen = new Map<string, number>();
    report[list].forEach((item, i) => {
      if (seen.has(item.id)) {
        diagnostics.push({
          severity: 'error',
          file: report.file,
          line: yaml.lineOf([list, i, 'id']),
          field: `${list}[${i}].id`,
          message: `"${item.id}" is used twice in ${list}`,
          hint: `ids must be unique; the first is ${list}[${seen.get(item.id)}]`,
        });
      } else seen.set(item.id, i);
    });
  }
  report.legend.forEach((item, i) => {
    const ratio = contrastRatio(item.colour, item.textColour);
    if (ratio < MIN_TEXT_CONTRAST) {
      diagnostics.push({
        severity: 'error',
        file: report.file,
        line: yaml.lineOf(['legend', i, 'colour']),
        field: `legend[${i}].colour`,
        message: `text in ${item.textColour} on ${item.colour} has a contrast of ${ratio.toFixed(2)}:1, below the 4.5:1 that WCAG 2.2 AA requires`,
        hint: 'choose a lighter background colour or a darker text_colour',
      });
    }
  });
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

/** Anything at `path`, a symbolic link too (reading it then refuses it). */
function exists(path: string): boolean {
  return kindOf(path) !== 'missing';
}
