/**
 * Import a tracker exported from a spreadsheet as CSV: one Markdown entry per
 * row, in the form `npm run check` accepts. csv-parse reads the file (UTF-8
 * with or without a byte-order mark, comma or semicolon, quoted multi-line
 * cells); columns are matched to fields by their header name.
 */
import { parse } from 'csv-parse/sync';
import { slugify } from './load.ts';
import { SECTIONS } from './markdown.ts';
import type { ReportFile } from './schema.ts';
import { didYouMean } from './suggest.ts';

export const IMPORT_FIELDS = ['id', 'title', 'theme', 'status', 'next_phase', 'next_phase_text', 'order', 'undertaken', 'outstanding', 'evidence', 'updated'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Header names (lower case, letters and digits only) that mean each field. */
const SYNONYMS: Record<ImportField, string[]> = {
  id: ['id', 'slug', 'reference', 'ref'],
  title: ['title', 'taskaction', 'tasksactions', 'phase2tasksactions', 'task', 'action', 'actions'],
  theme: ['themeid', 'theme'],
  status: ['statusid', 'status', 'colour', 'colourcode', 'rag', 'ragstatus'],
  next_phase: ['newphaseid', 'nextphaseid', 'nextphase', 'newphase', 'destination'],
  next_phase_text: ['newphaseasworded', 'newphaseaswordedintheplan', 'nextphasetext', 'newphasetext'],
  order: ['order', 'row', 'position', 'no', 'number'],
  undertaken: ['activityundertakenevidence', 'activityundertakenevidencecompleted', 'activityundertaken', 'completed', 'evidenceofactivity', 'progress'],
  outstanding: ['activityoutstanding', 'outstanding', 'outstandingactivity', 'nextsteps'],
  evidence: ['evidence', 'evidencelinks', 'documents'],
  // Not "Last updated": in this site's own export that is a derived date, not the editor's `updated`.
  updated: ['updated'],
};

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

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
  /** Columns matched to fields: header → field. */
  mapping: Record<string, ImportField>;
  unmappedColumns: string[];
  problems: ImportProblem[];
}

/** `--map "Header=field,Other header=field"` */
export function parseMap(spec: string | undefined): Record<string, ImportField> {
  const map: Record<string, ImportField> = {};
  if (!spec) return map;
  for (const pair of spec.split(',')) {
    const [header, field] = pair.split('=').map((s) => s.trim());
    if (!header || !field) throw new Error(`--map: "${pair}" should read "Header=field"`);
    if (!(IMPORT_FIELDS as readonly string[]).includes(field)) throw new Error(`--map: "${field}" is not a field (${IMPORT_FIELDS.join(', ')})`);
    map[norm(header)] = field as ImportField;
  }
  return map;
}

/** Which column gives each field: the --map first, then the known names, the first match winning. */
export function mapColumns(headers: string[], extra: Record<string, ImportField> = {}): { mapping: Record<string, ImportField>; unmapped: string[] } {
  const mapping: Record<string, ImportField> = {};
  const taken = new Set<ImportField>();
  const assign = (header: string, field: ImportField) => {
    if (taken.has(field) || mapping[header]) return;
    mapping[header] = field;
    taken.add(field);
  };
  for (const h of headers) if (extra[norm(h)]) assign(h, extra[norm(h)]!);
  // Ids before labels: "Theme id" wins over "Theme" when both are there.
  for (const field of IMPORT_FIELDS) {
    for (const synonym of SYNONYMS[field]) {
      const header = headers.find((h) => norm(h) === synonym && !mapping[h]);
      if (header) assign(header, field);
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

const yamlString = (s: string) => JSON.stringify(s);
const lines = (cell: string) => cell.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
/** `field: value`, or `field:` and one `  - value` line per item for a list. */
const yamlField = (field: string, value: string | string[], write: (s: string) => string) =>
  typeof value === 'string' ? [`${field}: ${write(value)}`] : [`${field}:`, ...value.map((v) => `  - ${write(v)}`)];

/** Find the id for a cell: an id, or a title/label in any case. */
function lookup(value: string, options: { id: string; label: string }[]): string | undefined {
  const v = value.trim();
  return (options.find((o) => o.id === v) ?? options.find((o) => norm(o.label) === norm(v)) ?? options.find((o) => o.id === slugify(v)))?.id;
}

export function importCsv(text: string, report: ReportFile, options: { map?: Record<string, ImportField>; firstOrder?: number } = {}): ImportResult {
  const records = parse(text, {
    bom: true,
    delimiter: [',', ';'],
    relax_column_count: true,
    skip_empty_lines: true,
    trim: false,
  }) as string[][];
  const [headers = [], ...rows] = records;
  const { mapping, unmapped } = mapColumns(headers.map((h) => h.trim()), options.map);
  const column = Object.fromEntries(Object.entries(mapping).map(([h, f]) => [f, headers.findIndex((x) => x.trim() === h)])) as Partial<Record<ImportField, number>>;
  const problems: ImportProblem[] = [];
  const entries: ImportedEntry[] = [];
  const themes = report.themes.map((t) => ({ id: t.id, label: t.title }));
  const statuses = report.legend.map((l) => ({ id: l.id, label: l.label }));
  const destinations = report.destinations.map((d) => ({ id: d.id, label: d.title }));
  if (column.title === undefined) problems.push({ row: 1, field: 'title', message: `no column for the title (headers: ${headers.join(', ')}); use --map "Your header=title"` });

  let nextOrder = options.firstOrder ?? 1;
  const ids = new Set<string>();
  rows.forEach((cells, i) => {
    const row = i + 2; // the spreadsheet's row number (the header is row 1; a multi-line cell is still one row)
    const get = (field: ImportField) => (column[field] === undefined ? '' : unprotect(cells[column[field]!] ?? '').trim());
    const title = get('title');
    if (!title) {
      if (cells.some((c) => c.trim())) problems.push({ row, field: 'title', message: 'has no title: the row was skipped' });
      return;
    }
    const resolve = (field: 'theme' | 'status' | 'next_phase', list: { id: string; label: string }[], what: string, plural: string, raw = get(field)) => {
      if (!raw) {
        problems.push({ row, field, message: `is empty; write one of: ${list.map((o) => o.id).join(', ')}` });
        return list[0]!.id;
      }
      const id = lookup(raw, list);
      if (id) return id;
      problems.push({ row, field, message: `"${raw}" is not a ${what} of the report: ${didYouMean(slugify(raw), list.map((o) => o.id), plural)}` });
      return slugify(raw) || 'unknown';
    };
    const theme = resolve('theme', themes, 'theme', 'themes');
    const status = resolve('status', statuses, 'status', 'statuses');
    // Several new phases: one per line of the cell (as in this site's data.csv).
    const nextPhase = lines(get('next_phase')).map((raw) => resolve('next_phase', destinations, 'destination', 'destinations', raw));
    if (nextPhase.length === 0) nextPhase.push(resolve('next_phase', destinations, 'destination', 'destinations'));
    const orderCell = get('order');
    const order = /^\d+$/.test(orderCell) ? Number(orderCell) : nextOrder;
    nextOrder = Math.max(nextOrder, order) + 1;
    let id = slugify(get('id') || title) || `row-${row}`;
    if (ids.has(id)) id = `${id}-${row}`;
    ids.add(id);
    const nextPhaseText = nextPhase.length > 1 ? lines(get('next_phase_text')) : get('next_phase_text');
    const evidence = get('evidence') ? parseEvidence(get('evidence')) : [];
    const updated = get('updated');
    const front = [
      `title: ${yamlString(title)}`,
      `theme: ${theme}`,
      `status: ${status}`,
      ...yamlField('next_phase', nextPhase.length > 1 ? nextPhase : nextPhase[0]!, (id) => id),
      ...(nextPhaseText.length ? yamlField('next_phase_text', nextPhaseText, yamlString) : []),
      `order: ${order}`,
      ...(evidence.length
        ? ['evidence:', ...evidence.flatMap((e) => [`  - title: ${yamlString(e.title)}`, ...(e.date ? [`    date: '${e.date}'`] : []), ...(e.url ? [`    url: ${yamlString(e.url)}`] : []), ...(e.note ? [`    note: ${yamlString(e.note)}`] : [])])]
        : []),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(updated) ? [`updated: '${updated}'`] : []),
    ];
    const section = (field: 'undertaken' | 'outstanding', heading: string) => {
      const body = cellToMarkdown(get(field));
      return `## ${heading}\n${body ? `\n${body}\n` : ''}`;
    };
    const markdown = `---\n${front.join('\n')}\n---\n\n${section('undertaken', SECTIONS[0].heading)}\n${section('outstanding', SECTIONS[1].heading)}`;
    entries.push({ row, id, markdown });
  });
  return { entries, mapping, unmappedColumns: unmapped, problems };
}
