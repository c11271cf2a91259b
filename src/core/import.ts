/**
 * Import a tracker exported from a spreadsheet as CSV: one Markdown entry per
 * row, in the form `npm run check` accepts. csv-parse reads the file (UTF-8
 * with or without a byte-order mark, comma or semicolon, quoted multi-line
 * cells); columns are matched to the report's declared fields and sections by
 * their header (the field's id or label, the section's heading), or by --map.
 */
import { parse } from 'csv-parse/sync';
import { slugify } from './load.ts';
import { fieldType, inSentence, valueContext, type FieldDecl, type FieldScalar, type ReportFile } from './schema.ts';
import { didYouMean } from './suggest.ts';

/** What a column can be imported as: a built-in field, a declared field or a declared section. */
export type ImportTarget = { kind: 'builtin'; id: 'id' | 'title' | 'order' | 'evidence' | 'updated' } | { kind: 'field'; field: FieldDecl } | { kind: 'section'; id: string; heading: string };

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Header names (lower case, letters and digits only) of the built-in fields. */
const BUILT_IN: Record<'id' | 'title' | 'order' | 'evidence' | 'updated', string[]> = {
  id: ['id', 'slug', 'reference', 'ref'],
  title: ['title', 'taskaction', 'tasksactions', 'task', 'tasks', 'action', 'actions'],
  order: ['order', 'row', 'position', 'no', 'number'],
  evidence: ['evidence', 'evidencelinks', 'documents'],
  // Not "Last updated": in this site's own export that is a derived date, not the editor's `updated`.
  updated: ['updated'],
};
/** Other names a status column goes by. */
const STATUS_WORDS = ['status', 'colour', 'colourcode', 'rag', 'ragstatus'];

interface Candidate {
  key: string;
  target: ImportTarget;
  names: string[];
}

/** Every importable column of a report, with the header names that mean it, ids before labels. */
export function importTargets(report: ReportFile): Candidate[] {
  const builtIn = (id: keyof typeof BUILT_IN, extra: string[] = []): Candidate => ({ key: id, target: { kind: 'builtin', id }, names: [...BUILT_IN[id], ...extra] });
  return [
    builtIn('id'),
    builtIn('title', [norm(report.title_label), norm(report.unit.singular), norm(report.unit.plural)]),
    // "Theme id" wins over "Theme" when both are there: the id column comes first.
    ...report.fields.map((f): Candidate => ({
      key: f.id,
      target: { kind: 'field', field: f },
      names: [...(fieldType(f).idColumn ? [norm(`${f.label} id`), norm(`${f.id} id`)] : []), norm(f.label), norm(f.id), ...(f.type === 'status' ? STATUS_WORDS : [])],
    })),
    ...report.sections.map((s): Candidate => ({
      key: s.id,
      target: { kind: 'section', id: s.id, heading: s.heading },
      names: [norm(s.label ?? ''), norm(s.heading), ...(s.aliases ?? []).map(norm), norm(s.id)].filter(Boolean),
    })),
    builtIn('order'),
    builtIn('evidence'),
    builtIn('updated'),
  ];
}

export interface ImportProblem {
  row: number;
  field: string;
  message: string;
}

export interface ImportedEntry {
  row: number;
  id: string;
  markdown: string;
}

export interface ImportResult {
  entries: ImportedEntry[];
  /** Columns matched to fields: header → field or section id. */
  mapping: Record<string, string>;
  unmappedColumns: string[];
  problems: ImportProblem[];
}

/**
 * `--map "Header=field,Other header=field"`: a field by its id or label, a
 * section by its id or heading. Returns normalised header → target key.
 */
export function parseMap(spec: string | undefined, report: ReportFile): Record<string, string> {
  const map: Record<string, string> = {};
  if (!spec) return map;
  const targets = importTargets(report);
  for (const pair of spec.split(',')) {
    const [header, field] = pair.split('=').map((s) => s.trim());
    if (!header || !field) throw new Error(`--map: "${pair}" should read "Header=field"`);
    const target = targets.find((t) => t.key === field) ?? targets.find((t) => t.names.includes(norm(field)));
    if (!target) throw new Error(`--map: "${field}" is not a field of the report (${didYouMean(field, targets.map((t) => t.key), 'fields')})`);
    map[norm(header)] = target.key;
  }
  return map;
}

/**
 * Which column gives each field: the --map first, then the known names (exact,
 * then a header ending with one: "Year 2 Tasks/Actions"), the first match winning.
 */
export function mapColumns(headers: string[], report: ReportFile, extra: Record<string, string> = {}): { mapping: Record<string, string>; unmapped: string[] } {
  const targets = importTargets(report);
  const mapping: Record<string, string> = {};
  const taken = new Set<string>();
  const assign = (header: string, key: string) => {
    if (taken.has(key) || mapping[header]) return;
    mapping[header] = key;
    taken.add(key);
  };
  for (const h of headers) if (extra[norm(h)]) assign(h, extra[norm(h)]!);
  // A header ending with a name ("Year 2 Tasks/Actions", "Work done / evidence – completed") is
  // a good guess for the title and the sections only: "Last updated" is not the editor's `updated`.
  const loose = (t: Candidate) => t.key === 'title' || t.target.kind === 'section';
  const exact = (h: string, n: string) => norm(h) === n;
  const ending = (h: string, n: string) => n.length >= 5 && norm(h).endsWith(n);
  for (const [match, targetsOf] of [[exact, targets], [ending, targets.filter(loose)]] as const) {
    for (const t of targetsOf) {
      for (const name of t.names) {
        const header = headers.find((h) => match(h, name) && !mapping[h]);
        if (header) assign(header, t.key);
      }
    }
  }
  return { mapping, unmapped: headers.filter((h) => !mapping[h]) };
}

/** Undo the export's protection against formulas: `'=…` back to `=…`. */
const unprotect = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** A cell of lines to Markdown: "•", "-" or "*" bullets become list items (indentation kept). */
export function cellToMarkdown(cell: string): string {
  const lines = cell.replace(/\r\n?/g, '\n').split('\n').filter((l) => l.trim() !== '');
  return lines
    .map((line) => {
      const bullet = /^(\s*)(?:[•\-*]|\d+[.)])\s+(.*)$/.exec(line);
      return bullet ? `${bullet[1]}- ${bullet[2]}` : line.trim();
    })
    .join('\n');
}

/** "title (YYYY-MM-DD) url — note" lines to evidence items. */
export function parseEvidence(cell: string): { title: string; date?: string; url?: string; note?: string }[] {
  return cell
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/^[•\-*]\s+/, ''))
    .filter(Boolean)
    .map((line) => {
      const [main, ...note] = line.split(' — ');
      const m = /^(.*?)(?:\s+\((\d{4}-\d{2}-\d{2})\))?(?:\s+((?:https?:\/\/|mailto:)\S+))?$/.exec(main!.trim())!;
      return { title: m[1]!.trim(), ...(m[2] ? { date: m[2] } : {}), ...(m[3] ? { url: m[3] } : {}), ...(note.length ? { note: note.join(' — ') } : {}) };
    });
}

/** A value as YAML: ids and numbers bare, dates in single quotes, other text as a JSON string (valid YAML). */
function yamlValue(field: FieldDecl, value: FieldScalar): string {
  if (typeof value === 'number') return String(value);
  if (field.type === 'choice' || field.type === 'status') return value;
  if (field.type === 'date') return `'${value}'`;
  return JSON.stringify(value);
}

export function importCsv(text: string, report: ReportFile, options: { map?: Record<string, string>; firstOrder?: number } = {}): ImportResult {
  const records = parse(text, {
    bom: true,
    delimiter: [',', ';'],
    relax_column_count: true,
    skip_empty_lines: true,
    trim: false,
  }) as string[][];
  const [headers = [], ...rows] = records;
  const { mapping, unmapped } = mapColumns(headers.map((h) => h.trim()), report, options.map);
  const column = Object.fromEntries(Object.entries(mapping).map(([h, f]) => [f, headers.findIndex((x) => x.trim() === h)])) as Record<string, number | undefined>;
  const problems: ImportProblem[] = [];
  const entries: ImportedEntry[] = [];
  if (column.title === undefined) problems.push({ row: 1, field: 'title', message: `no column for the title (headers: ${headers.join(', ')}); use --map "Your header=title"` });

  let nextOrder = options.firstOrder ?? 1;
  const ids = new Set<string>();
  rows.forEach((cells, i) => {
    const row = i + 2; // the spreadsheet's row number (the header is row 1; a multi-line cell is still one row)
    const get = (key: string) => (column[key] === undefined ? '' : unprotect(cells[column[key]!] ?? '').trim());
    const title = get('title');
    if (!title) {
      if (cells.some((c) => c.trim())) problems.push({ row, field: 'title', message: 'has no title: the row was skipped' });
      return;
    }
    const front = [`title: ${JSON.stringify(title)}`];
    for (const f of report.fields) {
      const type = fieldType(f);
      const context = valueContext(report, f);
      const raw = get(f.id);
      const choices = context.choices.map((c) => c.id);
      if (!raw) {
        // No silent default: a required value not given stays empty, and `npm run check` says so.
        if (f.required) {
          problems.push({ row, field: f.id, message: `is empty; ${choices.length ? `write one of: ${choices.join(', ')}` : `write ${type.describe}`}` });
          front.push(`${f.id}:`);
        }
        continue;
      }
      // Several values: one per line of the cell (as in this site's data.csv); choices also separated by ";".
      const separator = choices.length ? /\s*(?:\r?\n|;)\s*/ : /\s*\r?\n\s*/;
      const cells = f.multiple ? raw.split(separator).filter(Boolean) : [raw];
      const values = cells.map((cell) => {
        const value = type.fromCell(cell, context);
        if (value !== undefined) return yamlValue(f, value);
        const guess = slugify(cell);
        problems.push({
          row,
          field: f.id,
          message: choices.length ? `"${cell}" is not a ${inSentence(f.label)} of the report: ${didYouMean(guess, choices, 'choices')}` : `"${cell}" is not ${type.describe}`,
        });
        return choices.length ? guess || 'unknown' : JSON.stringify(cell);
      });
      front.push(`${f.id}: ${values.length > 1 ? `[${values.join(', ')}]` : values[0]}`);
    }
    const orderCell = get('order');
    const order = /^\d+$/.test(orderCell) ? Number(orderCell) : nextOrder;
    nextOrder = Math.max(nextOrder, order) + 1;
    front.push(`order: ${order}`);
    let id = slugify(get('id') || title) || `row-${row}`;
    if (ids.has(id)) id = `${id}-${row}`;
    ids.add(id);
    const evidence = get('evidence') ? parseEvidence(get('evidence')) : [];
    if (evidence.length) {
      front.push('evidence:', ...evidence.flatMap((e) => [`  - title: ${JSON.stringify(e.title)}`, ...(e.date ? [`    date: '${e.date}'`] : []), ...(e.url ? [`    url: ${JSON.stringify(e.url)}`] : []), ...(e.note ? [`    note: ${JSON.stringify(e.note)}`] : [])]));
    }
    const updated = get('updated');
    if (/^\d{4}-\d{2}-\d{2}$/.test(updated)) front.push(`updated: '${updated}'`);
    const sections = report.sections.map((s) => {
      const body = cellToMarkdown(get(s.id));
      return `## ${s.heading}\n${body ? `\n${body}\n` : ''}`;
    });
    const markdown = `---\n${front.join('\n')}\n---\n${sections.length ? `\n${sections.join('\n')}` : ''}`;
    entries.push({ row, id, markdown });
  });
  return { entries, mapping, unmappedColumns: unmapped, problems };
}
