/**
 * Which column of a spreadsheet gives which field: the report's importable
 * columns with the header names that mean each, `--map`, and the matching of
 * headers to fields.
 */
import { fieldType, type FieldDecl, type ReportFile } from '../schema.ts';
import { didYouMean } from '../suggest.ts';

/** What a column can be imported as: a built-in field, a declared field or a declared section. */
export type ImportTarget = { kind: 'builtin'; id: 'id' | 'title' | 'order' | 'evidence' | 'updated' } | { kind: 'field'; field: FieldDecl } | { kind: 'section'; id: string; heading: string };

/** A header or name compared: lower case, letters and digits only. */
export const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

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

export interface Candidate {
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

