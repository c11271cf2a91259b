/**
 * What changed from one edition to the next, from the parsed entries and a
 * description of the report's shape (which key is the status, which are
 * dates, the legend): entries added and removed, status moves, dates moved,
 * and which other fields and sections changed (not a text diff).
 */
import { isDeepStrictEqual } from 'node:util';
import { isoDate } from './parse.ts';
import type {
  ChangeGroups,
  DateMove,
  Edition,
  EditionChanges,
  EditionEntry,
  EntryChange,
  EntryRef,
  ReportHistory,
  ReportShape,
  Section,
  StatusMove,
  StatusMoveKind,
} from './types.ts';

/** The changes between each edition and the one before it, oldest first (one fewer than the editions). */
export function historyChanges(editions: readonly Edition[], shape: ReportShape): EditionChanges[] {
  return editions.slice(1).map((edition, i) => compareEditions(editions[i]!, edition, shape));
}

export function compareEditions(before: Edition, after: Edition, shape: ReportShape): EditionChanges {
  const ranks = statusRanks(shape);
  const old = new Map(before.entries.map((e) => [e.id, e]));
  const now = new Map(after.entries.map((e) => [e.id, e]));
  const added: EntryRef[] = [];
  const removed: EntryRef[] = [];
  const changed: EntryChange[] = [];
  for (const entry of after.entries) {
    const previous = old.get(entry.id);
    if (!previous) added.push(ref(entry, shape));
    else if (previous.blob !== entry.blob) {
      const change = compareEntries(previous, entry, shape, ranks);
      if (change) changed.push(change);
    }
  }
  for (const entry of before.entries) if (!now.has(entry.id)) removed.push(ref(entry, shape));
  const byId = (a: EntryRef, b: EntryRef) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { from: before.asAt, to: after.asAt, added: added.sort(byId), removed: removed.sort(byId), changed: changed.sort(byId) };
}

/** What changed in one entry, or undefined when nothing worth reporting did (e.g. only spacing). */
export function compareEntries(before: EditionEntry, after: EditionEntry, shape: ReportShape, ranks = statusRanks(shape)): EntryChange | undefined {
  const base = ref(after, shape);
  if (!before.data || !after.data) return { ...base, dates: [], fields: [], sections: [], unreadable: true };
  const a = before.data;
  const b = after.data;
  const change: EntryChange = { ...base, dates: [], fields: [], sections: [] };

  const statusKey = shape.statusKey;
  if (statusKey && !isDeepStrictEqual(a[statusKey], b[statusKey])) {
    change.statusMove = statusMove(text(a[statusKey]), text(b[statusKey]), shape, ranks);
  }
  for (const field of shape.dateKeys) {
    if (!isDeepStrictEqual(a[field], b[field])) change.dates.push(dateMove(field, a[field], b[field]));
  }
  const skip = new Set([...(statusKey ? [statusKey] : []), ...shape.dateKeys, ...(shape.ignoreKeys ?? [])]);
  const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
  for (const key of keys) {
    if (!skip.has(key) && !isDeepStrictEqual(a[key], b[key])) change.fields.push(key);
  }
  change.sections = changedSections(before.sections, after.sections);

  const nothing = !change.statusMove && !change.dates.length && !change.fields.length && !change.sections.length;
  return nothing ? undefined : change;
}

function ref(entry: EditionEntry, shape: ReportShape): EntryRef {
  const title = text(entry.data?.[shape.titleKey]);
  const status = shape.statusKey ? text(entry.data?.[shape.statusKey]) : undefined;
  return { id: entry.id, title: title ?? entry.id, ...(status !== undefined ? { status } : {}) };
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

/**
 * Each status's rank, higher is better: the declared ranks when the legend
 * has any; otherwise the legend's order, best first or worst first (declared,
 * or read from where the done statuses are). Empty when there is no way to tell.
 */
export function statusRanks(shape: ReportShape): Map<string, number> {
  const legend = shape.legend;
  if (legend.some((s) => s.rank !== undefined)) {
    return new Map(legend.flatMap((s) => (s.rank !== undefined ? [[s.id, s.rank] as const] : [])));
  }
  let order = shape.order;
  if (!order) {
    const done = legend.map((s) => Boolean(s.done));
    if (!done.some(Boolean) || done.every(Boolean)) return new Map();
    // Done statuses all before every other one: best first ("Complete, On track, At risk").
    order = done.indexOf(false) > done.lastIndexOf(true) ? 'best-first' : 'worst-first';
  }
  const n = legend.length;
  return new Map(legend.map((s, i) => [s.id, order === 'best-first' ? n - i : i + 1]));
}

export function statusMove(from: string | undefined, to: string | undefined, shape: ReportShape, ranks = statusRanks(shape)): StatusMove {
  const done = (id: string | undefined) => id !== undefined && shape.legend.some((s) => s.id === id && s.done);
  let kind: StatusMoveKind = 'changed';
  if (done(to) && !done(from)) kind = 'complete';
  else if (done(from) && !done(to) && to !== undefined) kind = 'worse';
  else {
    const a = from === undefined ? undefined : ranks.get(from);
    const b = to === undefined ? undefined : ranks.get(to);
    if (a !== undefined && b !== undefined && a !== b) kind = b > a ? 'better' : 'worse';
  }
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), kind };
}

const DAY = 24 * 60 * 60 * 1000;

export function dateMove(field: string, before: unknown, after: unknown): DateMove {
  const from = text(before);
  const to = text(after);
  const move = { field, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
  if (from === undefined) return { ...move, direction: 'set' };
  if (to === undefined) return { ...move, direction: 'cleared' };
  const a = isoDate(before);
  const b = isoDate(after);
  if (!a || !b) return { ...move, direction: 'changed' };
  const days = Math.round((Date.parse(b) - Date.parse(a)) / DAY);
  return { ...move, direction: days > 0 ? 'later' : 'earlier', days };
}

/** Headings of sections whose text changed, or that were added or removed; in the later edition's order, removed ones last. */
export function changedSections(before: readonly Section[], after: readonly Section[]): string[] {
  const join = (sections: readonly Section[]) => {
    const map = new Map<string, string>();
    for (const s of sections) map.set(s.heading, map.has(s.heading) ? `${map.get(s.heading)}\n\n${s.text}` : s.text);
    return map;
  };
  const a = join(before);
  const b = join(after);
  const changed = [...b].filter(([heading, t]) => a.get(heading) !== t).map(([heading]) => heading);
  return [...changed, ...[...a.keys()].filter((heading) => !b.has(heading))];
}

/** The groups of a changes page. */
export function groupChanges(changes: EditionChanges): ChangeGroups {
  const groups: ChangeGroups = { complete: [], worse: [], better: [], slipped: [], added: changes.added, removed: changes.removed, other: [] };
  for (const change of changes.changed) {
    const kind = change.statusMove?.kind;
    if (kind === 'complete' || kind === 'worse' || kind === 'better') groups[kind].push(change);
    if (change.dates.some((d) => d.direction === 'later')) groups.slipped.push(change);
    if (kind !== 'complete' && kind !== 'worse' && kind !== 'better' && !change.dates.some((d) => d.direction === 'later')) groups.other.push(change);
  }
  return groups;
}

/** One line of an entry's history: its status in an edition and what changed since the one before. */
export interface EntryHistoryLine {
  asAt: string;
  /** The entry is in this edition. */
  present: boolean;
  status?: string;
  /** added: first seen in this edition (not for the first edition); removed: gone since the one before. */
  event?: 'added' | 'removed';
  change?: EntryChange;
}

/**
 * A list of entries or changes by id, made once per list: every entry page
 * asks for its own line of every edition, so a search through each list would
 * cost entries × editions × entries in all.
 */
const indexes = new WeakMap<readonly { id: string }[], Map<string, unknown>>();
function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  let index = indexes.get(list) as Map<string, T> | undefined;
  if (!index) {
    index = new Map();
    // The first of any two with one id, as a search would find.
    for (const item of list) if (!index.has(item.id)) index.set(item.id, item);
    indexes.set(list, index);
  }
  return index;
}

/**
 * An entry's story, edition by edition, from the first edition it is in (an
 * edition after it was removed appears once, as "removed").
 */
export function entryHistory(history: ReportHistory, changes: readonly EditionChanges[], entryId: string, shape: ReportShape): EntryHistoryLine[] {
  const lines: EntryHistoryLine[] = [];
  history.editions.forEach((edition, i) => {
    const entry = byId(edition.entries).get(entryId);
    const wasThere = lines.length > 0 && lines.at(-1)!.present;
    if (!entry) {
      if (wasThere) lines.push({ asAt: edition.asAt, present: false, event: 'removed' });
      return;
    }
    const status = shape.statusKey ? text(entry.data?.[shape.statusKey]) : undefined;
    const line: EntryHistoryLine = { asAt: edition.asAt, present: true, ...(status !== undefined ? { status } : {}) };
    if (i > 0 && !wasThere) line.event = 'added';
    const change = i > 0 && changes[i - 1] ? byId(changes[i - 1]!.changed).get(entryId) : undefined;
    if (change) line.change = change;
    lines.push(line);
  });
  return lines;
}

/** How many entries have each status in an edition, in legend order (statuses not in the legend last, with "" for none). */
export function statusCounts(edition: Edition, shape: ReportShape): { status: string; count: number }[] {
  const counts = new Map<string, number>(shape.legend.map((s) => [s.id, 0]));
  for (const entry of edition.entries) {
    const status = (shape.statusKey ? text(entry.data?.[shape.statusKey]) : undefined) ?? '';
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return [...counts].map(([status, count]) => ({ status, count }));
}
