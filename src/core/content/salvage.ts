/**
 * When report.yaml has errors, its entries are still checked against what of
 * it could be read, so that an editor sees every mistake at once instead of
 * in rounds (fix report.yaml, check, and only then hear about the entries).
 *
 * What is kept: the fields declared without a mistake, the legend (the
 * statuses) and the sections when they have none, the title column's label.
 * A mistake in a setting that does not change what an entry may hold (a
 * colour, a description, a column flag) leaves out only that setting.
 * What is left out is named, so that nothing passes unchecked without a word:
 * an entry's value of a field left out is not checked, and its messages are
 * not given (they could be false).
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { Report } from '../model.ts';
import { reportSchema, type ReportFile } from '../schema.ts';

export interface Salvaged {
  /** The declarations that could be read, as a report.yaml without mistakes would give them. */
  declarations: ReportFile;
  /** Ids of the fields an entry may write that are not checked (their declaration has a mistake). */
  unchecked: string[];
  /** Whether the sections could be read (if not, entries' bodies are not checked). */
  sections: boolean;
}

const MAX_ROUNDS = 5;

/** Settings that change how a report looks, not what its entries may hold: a mistake in one is set aside. */
const COSMETIC = new Set(['colour', 'text_colour', 'description', 'column', 'in_table', 'in_facet_tables', 'group', 'total', 'done', 'shown_with', 'report', 'value', 'label']);
/** A stand-in for a setting a schema needs but that checking entries does not use. */
const STAND_IN: Record<string, unknown> = { colour: '#ffffff', label: 'value' };

/** Set aside the setting at `path` of `data` (a copy); false when it is not a cosmetic one. */
function setAside(data: unknown, path: readonly PropertyKey[]): boolean {
  const key = path.at(-1);
  if (typeof key !== 'string' || !COSMETIC.has(key) || path.length < 3) return false;
  let parent: unknown = data;
  for (const p of path.slice(0, -1)) parent = parent && typeof parent === 'object' ? (parent as Record<PropertyKey, unknown>)[p] : undefined;
  if (!parent || typeof parent !== 'object' || Array.isArray(parent)) return false;
  const item = parent as Record<string, unknown>;
  if (key in STAND_IN) item[key] = STAND_IN[key];
  else delete item[key];
  return true;
}

/** The declarations of a report.yaml with errors that can still check its entries; undefined when none can. */
export function salvageDeclarations(raw: unknown): Salvaged | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const r = structuredClone(raw) as Record<string, unknown>;
  if (r.fields !== undefined && !Array.isArray(r.fields)) return undefined;
  const fields: unknown[] = (r.fields as unknown[] | undefined) ?? [];
  const idOf = (f: unknown) => (f && typeof f === 'object' && typeof (f as { id?: unknown }).id === 'string' ? (f as { id: string }).id : undefined);
  const dropped = new Set<number>();
  let legend = true;
  let sections = true;
  let titleLabel = true;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // Without a legend, a status field cannot be checked.
    if (!legend) fields.forEach((f, i) => (f as { type?: unknown } | null)?.type === 'status' && dropped.add(i));
    const kept = fields.map((_, i) => i).filter((i) => !dropped.has(i));
    const candidate = {
      title: 'report',
      ...(titleLabel && r.title_label !== undefined ? { title_label: r.title_label } : {}),
      fields: kept.map((i) => fields[i]),
      ...(legend && r.legend !== undefined ? { legend: r.legend } : {}),
      ...(sections && r.sections !== undefined ? { sections: r.sections } : {}),
    };
    const result = reportSchema.safeParse(candidate);
    if (result.success) {
      const unchecked = [...dropped].map((i) => idOf(fields[i])).filter((id): id is string => id !== undefined);
      return { declarations: result.data, unchecked: [...new Set(unchecked)], sections };
    }
    for (const { path } of result.error.issues) {
      const [top, i] = path;
      const inRaw = top === 'fields' && typeof i === 'number' ? ['fields', kept[i]!, ...path.slice(2)] : path;
      // Each round sets a stand-in at most once per setting: a stand-in refused again drops the part.
      if (round < 2 && (top === 'legend' || top === 'fields') && setAside(r, inRaw)) continue;
      if (top === 'fields' && typeof i === 'number') dropped.add(kept[i]!);
      else if (top === 'legend') legend = false;
      else if (top === 'sections') sections = false;
      else if (top === 'title_label') titleLabel = false;
      else return undefined;
    }
  }
  return undefined;
}

/** A report of the salvaged declarations, to read entries with; never published (report.yaml has errors). */
export function salvagedReport(salvaged: Salvaged, id: string, file: string): Report {
  const { introduction: _i, about: _a, notes: _n, ...declared } = salvaged.declarations;
  return { ...declared, id, notes: [], entries: [], file, lastUpdated: '' };
}

/** Whether a message about an entry is about a field that was not checked. */
export function aboutUnchecked(d: Diagnostic, unchecked: readonly string[]): boolean {
  return d.field !== undefined && unchecked.some((id) => d.field === id || d.field!.startsWith(`${id} `) || d.field!.startsWith(`${id},`));
}

/** The one message that says what of a report's entries was not checked, and why; undefined when all was. */
export function uncheckedNote(file: string, salvaged: Salvaged | undefined): Diagnostic | undefined {
  if (!salvaged) {
    return { severity: 'warning', file, message: 'its entries were not checked, because of the errors in report.yaml', hint: 'fix report.yaml, then check again' };
  }
  const parts = [
    ...(salvaged.unchecked.length ? [`the ${salvaged.unchecked.length === 1 ? 'field' : 'fields'} ${salvaged.unchecked.join(', ')}`] : []),
    ...(salvaged.sections ? [] : ['the sections of their text']),
  ];
  if (!parts.length) return undefined;
  return { severity: 'warning', file, message: `its entries were checked without ${parts.join(' and ')}, because of the errors in report.yaml`, hint: 'fix report.yaml, then check again' };
}
