/**
 * Import a tracker exported from a spreadsheet as CSV: one Markdown entry per
 * row, in the form `npm run check` accepts. csv-parse reads the file (UTF-8
 * with or without a byte-order mark, quoted multi-line cells) with one
 * delimiter, the header row's; columns are matched to the report's declared
 * fields and sections by their header (the field's id or label, the section's
 * heading), or by --map. Nothing is lost without a word: every column and cell
 * lands in an entry or comes back as a problem (row, column, why), every value
 * changed on the way in as a note; nothing is guessed.
 */
import { parse } from 'csv-parse/sync';
import { slugify } from './load.ts';
import { choicesOf, fieldType, inSentence, valueContext, type Choice, type FieldDecl, type FieldScalar, type ReportFile } from './schema.ts';
import { didYouMean } from './suggest.ts';
import { t } from '../i18n/index.ts';

const csvHeadings = t.messages.csv;

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
    // After the declared fields: a "Ref" column is the plan's own reference field when it declares one.
    builtIn('id'),
    builtIn('order'),
    builtIn('evidence'),
    builtIn('updated'),
  ];
}

export interface ImportProblem {
  /** The spreadsheet's row (the header is row 1; a multi-line cell is still one row). */
  row: number;
  /** The CSV column's header, when the problem is a cell or a column. */
  column?: string;
  /** The field or section it was meant for (or "title", "order", …). */
  field: string;
  message: string;
}

/** A value changed on the way in and written changed: every one is listed. */
export interface ImportNote {
  row: number;
  column: string;
  field: string;
  message: string;
}

export interface ImportedEntry {
  row: number;
  id: string;
  title: string;
  /** What is written, field by field (label, value as written), for the dry run's table. */
  fields: [string, string][];
  markdown: string;
}

/** A ready-to-paste --values argument for the values of one field that match a label. */
export interface ValueSuggestion {
  field: string;
  pairs: [string, string][];
  argument: string;
}

export interface ImportResult {
  entries: ImportedEntry[];
  /** Columns matched to fields: header → field or section id. */
  mapping: Record<string, string>;
  unmappedColumns: string[];
  delimiter: string;
  problems: ImportProblem[];
  notes: ImportNote[];
  suggestions: ValueSuggestion[];
}

/** The delimiters a spreadsheet's CSV uses, by name. */
export const DELIMITERS: Record<string, string> = { comma: ',', ',': ',', semicolon: ';', ';': ';', tab: '\t', '\\t': '\t', '\t': '\t' };
export const delimiterName = (d: string) => (d === ',' ? 'comma' : d === ';' ? 'semicolon' : 'tab');

/**
 * The delimiter of the header row only (the first line outside quotes): the
 * most frequent of comma, semicolon and tab; a comma when there is none.
 * The rows are then read with that one delimiter, so a semicolon inside a
 * comma-separated cell stays in the cell.
 */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text.replace(/^\uFEFF/, '')) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]!++;
  }
  return Object.entries(counts).reduce((best, c) => (c[1] > best[1] ? c : best), [',', 0] as [string, number])[0];
}

/** How a spreadsheet wrote its dates: day first (UK), month first (US), or read only when one reading is a real date. */
export type DateOrder = 'uk' | 'us' | 'auto';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const isReal = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return m >= 1 && m <= 12 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};
const spoken = (y: number, m: number, d: number) => `${d} ${MONTHS[m - 1]} ${y}`;

/**
 * A date cell to YYYY-MM-DD: as it is when already so; DD/MM/YYYY (or with
 * "." or "-") read day first for `uk`, month first for `us`, and for `auto`
 * only when one of the two readings is a real date. Every conversion comes
 * back with a note saying how it was read.
 */
export function readDate(cell: string, order: DateOrder): { value: string; note?: string } | { error: string } {
  const v = cell.trim();
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (isoMatch) {
    const [y, m, d] = isoMatch.slice(1).map(Number) as [number, number, number];
    return isReal(y, m, d) ? { value: v } : { error: `"${v}" is not a real date` };
  }
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (!m) return { error: `"${v}" is not a date: write it YYYY-MM-DD, or DD/MM/YYYY with a four-figure year` };
  const [a, b, y] = m.slice(1).map(Number) as [number, number, number];
  const dayFirst = isReal(y, b, a);
  const monthFirst = isReal(y, a, b);
  let reading: [number, number, number] | undefined;
  if (order === 'uk') reading = dayFirst ? [y, b, a] : undefined;
  else if (order === 'us') reading = monthFirst ? [y, a, b] : undefined;
  else if (dayFirst && monthFirst && a !== b) {
    return { error: `"${v}" could be ${spoken(y, b, a)} or ${spoken(y, a, b)}: add --dates uk if the spreadsheet writes the day first, --dates us if the month` };
  } else reading = dayFirst ? [y, b, a] : monthFirst ? [y, a, b] : undefined;
  if (!reading) return { error: `"${v}" is not a real date${order === 'auto' ? '' : ` read ${order === 'uk' ? 'day' : 'month'} first`}: write it YYYY-MM-DD` };
  const value = iso(...reading);
  return { value, note: `"${v}" read as ${spoken(...reading)}: written ${value}` };
}

const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * The choice whose label (or id) holds the cell's words in a row, ignoring
 * case and punctuation ("Green" or "On track" → "Green – on track"), when
 * exactly one does.
 */
export function suggestChoice(cell: string, choices: readonly Choice[]): string | undefined {
  const w = words(cell);
  if (!w.length) return undefined;
  const holds = (of: string) => {
    const x = words(of);
    for (let i = 0; i + w.length <= x.length; i++) if (w.every((word, j) => x[i + j] === word)) return true;
    return false;
  };
  const found = choices.filter((c) => holds(c.label) || holds(c.id));
  return found.length === 1 ? found[0]!.id : undefined;
}

/** Field id → (cell, normalised) → value: the --values and --values-file mappings. */
export type ValueMap = Record<string, Record<string, string>>;

function fieldByName(report: ReportFile, name: string, option: string): FieldDecl {
  const field = report.fields.find((f) => f.id === name) ?? report.fields.find((f) => norm(f.label) === norm(name));
  if (!field) throw new Error(`${option}: "${name}" is not a field of the report (${didYouMean(name, report.fields.map((f) => f.id), 'fields')})`);
  return field;
}

function addValue(map: ValueMap, report: ReportFile, fieldName: string, cell: string, value: string, option: string) {
  const field = fieldByName(report, fieldName, option);
  const choices = choicesOf(report, field).map((c) => c.id);
  if (choices.length && !choices.includes(value)) throw new Error(`${option}: "${value}" is not a ${inSentence(field.label)} of the report (${didYouMean(value, choices, 'choices')})`);
  (map[field.id] ??= {})[norm(cell)] = value;
}

/**
 * `--values "RAG:Green=green,Amber=amber"`: spreadsheet values of a field (by its
 * id or label) to the report's values; several fields separated by ";" or given
 * in several --values.
 */
export function parseValues(specs: string[], report: ReportFile, map: ValueMap = {}): ValueMap {
  for (const spec of specs.flatMap((s) => s.split(';')).map((s) => s.trim()).filter(Boolean)) {
    const colon = spec.indexOf(':');
    if (colon < 1) throw new Error(`--values: "${spec}" should read "Field:Spreadsheet value=value,…"`);
    const fieldName = spec.slice(0, colon).trim();
    for (const pair of spec.slice(colon + 1).split(',')) {
      const [cell, value] = pair.split('=').map((s) => s.trim());
      if (!cell || !value) throw new Error(`--values: "${pair.trim()}" should read "Spreadsheet value=value"`);
      addValue(map, report, fieldName, cell, value, '--values');
    }
  }
  return map;
}

/** A mapping file (YAML): each field (id or label) with its "spreadsheet value: value" lines. */
export function parseValuesFile(data: unknown, report: ReportFile, file: string, map: ValueMap = {}): ValueMap {
  const shape = `write each field on a line of its own, then its values indented under it, e.g.\nRAG:\n  Green: green\n  Amber: amber`;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${file}: ${shape}`);
  for (const [fieldName, values] of Object.entries(data)) {
    if (!values || typeof values !== 'object' || Array.isArray(values)) throw new Error(`${file}: "${fieldName}" has no values under it; ${shape}`);
    for (const [cell, value] of Object.entries(values)) addValue(map, report, fieldName, cell, String(value), file);
  }
  return map;
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

export interface ImportOptions {
  map?: Record<string, string>;
  firstOrder?: number;
  /** One delimiter; detected from the header row when not given. */
  delimiter?: string;
  /** Spreadsheet values to the report's values, by field id. */
  values?: ValueMap;
  /** How DD/MM/YYYY dates are read; `auto` when not given. */
  dates?: DateOrder;
}

/** The column of a problem, when it has one. */
const at = (column: string | undefined) => (column === undefined ? {} : { column });
const oneLine = (s: string) => s.replace(/\s*\r?\n\s*/g, ' / ');

export function importCsv(text: string, report: ReportFile, options: ImportOptions = {}): ImportResult {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const records = parse(text, {
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: false,
  }) as string[][];
  const [rawHeaders = [], ...rows] = records;
  const headers = rawHeaders.map((h) => h.trim());
  const { mapping, unmapped } = mapColumns(headers.filter(Boolean), report, options.map);
  const column = Object.fromEntries(Object.entries(mapping).map(([h, f]) => [f, headers.indexOf(h)])) as Record<string, number | undefined>;
  const headerOf = (key: string) => (column[key] === undefined ? undefined : headers[column[key]!]);
  const problems: ImportProblem[] = [];
  const notes: ImportNote[] = [];
  const entries: ImportedEntry[] = [];
  const unknown = new Map<string, Set<string>>();
  if (column.title === undefined) problems.push({ row: 1, field: 'title', message: `no column for the title (headers: ${headers.join(', ')}); use --map "Your header=title"` });
  const rowOf = (i: number) => i + 2; // the spreadsheet's row number (the header is row 1; a multi-line cell is still one row)

  // A column that maps to nothing: said once, with the rows whose cells it leaves out.
  headers.forEach((h, c) => {
    if (h && !unmapped.includes(h)) return;
    const filled = rows.map((cells, i) => (cells[c]?.trim() ? rowOf(i) : 0)).filter(Boolean);
    if (!h && !filled.length) return;
    // This site's own data.csv: the columns the site works out when it builds.
    // ("Row" is the row number, a copy of "Order" when that column is there too.)
    if ([csvHeadings.report, csvHeadings.updated, csvHeadings.url, t.messages.reference.row].some((x) => norm(x) === norm(h))) {
      notes.push({ row: 1, column: h, field: '-', message: 'is worked out by the site when it builds (its own data.csv): not imported' });
      return;
    }
    // The labels beside a choice field's id column (data.csv): nothing is lost when each matches the id's label.
    const twin = report.fields.find((f) => fieldType(f).idColumn && column[f.id] !== undefined && headers[column[f.id]!] !== h && norm(f.label) === norm(h));
    if (twin) {
      const labels = (ids: string) => ids.split(/\s*(?:\r?\n|;)\s*/).filter(Boolean).map((id) => choicesOf(report, twin).find((x) => x.id === id)?.label ?? id);
      const idHeader = headers[column[twin.id]!]!;
      rows.forEach((cells, i) => {
        const cell = (cells[c] ?? '').trim();
        const ids = (cells[column[twin.id]!] ?? '').trim();
        if (norm(cell) !== norm(labels(ids).join(''))) problems.push({ row: rowOf(i), column: h, field: twin.id, message: `"${oneLine(cell)}" does not match the "${idHeader}" column ("${oneLine(ids)}"): the id was imported, this cell was not` });
      });
      notes.push({ row: 1, column: h, field: twin.id, message: `repeats the labels of the "${idHeader}" column, which was imported` });
      return;
    }
    const name = h || `column ${c + 1} (no header)`;
    problems.push({
      row: 1,
      column: name,
      field: '-',
      message: `maps to no field: ${filled.length ? `its ${filled.length} filled ${filled.length === 1 ? 'cell' : 'cells'} (${filled.length === 1 ? 'row' : 'rows'} ${filled.join(', ')}) were not imported` : 'it is empty'}; to import it, add --map "${h || 'Header'}=field" (fields: ${importTargets(report).map((t) => t.key).join(', ')})`,
    });
  });

  const required = report.fields.filter((f) => f.required && column[f.id] === undefined);
  for (const f of required) {
    const choices = choicesOf(report, f).map((c) => c.id);
    problems.push({
      row: 1,
      field: f.id,
      message: `no column gives ${f.label}, which is required: every entry is written without it, for npm run check to ask for; add --map "Your header=${f.id}" if a column holds it, or write ${choices.length ? `one of: ${choices.join(', ')}` : fieldType(f).describe} in each entry`,
    });
  }

  let nextOrder = options.firstOrder ?? 1;
  const ids = new Set<string>();
  rows.forEach((cells, i) => {
    const row = rowOf(i);
    for (let c = headers.length; c < cells.length; c++) {
      if (cells[c]!.trim()) problems.push({ row, column: `column ${c + 1} (no header)`, field: '-', message: `"${oneLine(cells[c]!.trim())}" is beyond the last header: not imported` });
    }
    const get = (key: string) => (column[key] === undefined ? '' : unprotect(cells[column[key]!] ?? '').trim());
    const title = get('title');
    if (!title) {
      if (cells.some((c) => c.trim())) problems.push({ row, ...at(headerOf('title')), field: 'title', message: 'has no title: the row was not imported; give it a title and import it again' });
      return;
    }
    const front = [`title: ${JSON.stringify(title)}`];
    const shown: [string, string][] = [];
    for (const f of report.fields) {
      const type = fieldType(f);
      const context = valueContext(report, f);
      const raw = get(f.id);
      const col = headerOf(f.id);
      const choices = context.choices.map((c) => c.id);
      if (!raw) {
        // No silent default: a required value not given stays empty, and `npm run check` says so.
        if (f.required) {
          // With no column at all, said once (below) rather than on every row.
          if (col) problems.push({ row, column: col, field: f.id, message: `is empty; ${f.label} is required: write ${choices.length ? `one of: ${choices.join(', ')}` : type.describe}` });
          front.push(`${f.id}:`);
          shown.push([f.label, '(missing)']);
        }
        continue;
      }
      // Several values: one per line of the cell (as in this site's data.csv); choices also separated by ";".
      const separator = choices.length ? /\s*(?:\r?\n|;)\s*/ : /\s*\r?\n\s*/;
      const parts = f.multiple ? raw.split(separator).filter(Boolean) : [raw];
      const values = parts.map((cell) => {
        const mapped = options.values?.[f.id]?.[norm(cell)];
        if (mapped !== undefined) {
          const value = type.fromCell(mapped, context);
          if (value !== undefined) {
            if (mapped !== cell) notes.push({ row, column: col!, field: f.id, message: `"${cell}" written ${mapped} (--values)` });
            return yamlValue(f, value);
          }
        }
        if (f.type === 'date') {
          const read = readDate(cell, options.dates ?? 'auto');
          if ('value' in read) {
            if (read.note) notes.push({ row, column: col!, field: f.id, message: read.note });
            return yamlValue(f, read.value);
          }
          problems.push({ row, ...at(col), field: f.id, message: `${read.error}; it is written as it is, for npm run check to ask for a date` });
          return JSON.stringify(cell);
        }
        const value = type.fromCell(cell, context);
        if (value !== undefined) return yamlValue(f, value);
        if (choices.length) {
          if (!unknown.has(f.id)) unknown.set(f.id, new Set());
          unknown.get(f.id)!.add(cell);
        }
        // Written as it is (never a guess), for `npm run check` to flag until it is corrected.
        problems.push({
          row,
          ...at(col),
          field: f.id,
          message: choices.length ? `"${cell}" is not a ${inSentence(f.label)} of the report: ${didYouMean(slugify(cell), choices, 'choices')}` : `"${cell}" is not ${type.describe}; it is written as it is, for npm run check to flag`,
        });
        return JSON.stringify(cell);
      });
      const written = values.length > 1 ? `[${values.join(', ')}]` : values[0]!;
      front.push(`${f.id}: ${written}`);
      shown.push([f.label, written]);
    }
    const orderCell = get('order');
    if (orderCell && !/^\d+$/.test(orderCell)) problems.push({ row, ...at(headerOf('order')), field: 'order', message: `"${orderCell}" is not a whole number: the entry was put after the previous one (order ${nextOrder})` });
    const order = /^\d+$/.test(orderCell) ? Number(orderCell) : nextOrder;
    nextOrder = Math.max(nextOrder, order) + 1;
    front.push(`order: ${order}`);
    let id = slugify(get('id') || title) || `row-${row}`;
    if (ids.has(id)) id = `${id}-${row}`;
    ids.add(id);
    const evidence = get('evidence') ? parseEvidence(get('evidence')) : [];
    if (evidence.length) {
      front.push('evidence:', ...evidence.flatMap((e) => [`  - title: ${JSON.stringify(e.title)}`, ...(e.date ? [`    date: '${e.date}'`] : []), ...(e.url ? [`    url: ${JSON.stringify(e.url)}`] : []), ...(e.note ? [`    note: ${JSON.stringify(e.note)}`] : [])]));
      shown.push(['evidence', `${evidence.length} ${evidence.length === 1 ? 'item' : 'items'}`]);
    }
    const updatedCell = get('updated');
    if (updatedCell) {
      const read = readDate(updatedCell, options.dates ?? 'auto');
      if ('value' in read) {
        if (read.note) notes.push({ row, column: headerOf('updated')!, field: 'updated', message: read.note });
        front.push(`updated: '${read.value}'`);
        shown.push(['updated', read.value]);
      } else problems.push({ row, ...at(headerOf('updated')), field: 'updated', message: `${read.error}: not imported` });
    }
    const sections = report.sections.map((s) => {
      const body = cellToMarkdown(get(s.id));
      // An empty section is written as its heading alone: the plan recorded nothing there, and check accepts that.
      shown.push([s.heading, body ? oneLine(body) : '(empty)']);
      return `## ${s.heading}\n${body ? `\n${body}\n` : ''}`;
    });
    const markdown = `---\n${front.join('\n')}\n---\n${sections.length ? `\n${sections.join('\n')}` : ''}`;
    entries.push({ row, id, title, fields: shown, markdown });
  });

  // Values of a choice field that match the start of a label: a --values argument to paste.
  const suggestions: ValueSuggestion[] = [];
  for (const [fieldId, cells] of unknown) {
    const f = report.fields.find((x) => x.id === fieldId)!;
    const pairs = [...cells].flatMap((cell): [string, string][] => {
      const id = /[,;=:]/.test(cell) ? undefined : suggestChoice(cell, choicesOf(report, f));
      return id ? [[cell, id]] : [];
    });
    if (!pairs.length) continue;
    const name = /[,;=:"]/.test(f.label) ? f.id : f.label;
    suggestions.push({ field: fieldId, pairs, argument: `--values "${name}:${pairs.map(([c, v]) => `${c}=${v}`).join(',')}"` });
  }
  return { entries, mapping, unmappedColumns: unmapped, delimiter, problems, notes, suggestions };
}
