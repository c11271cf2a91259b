/** The plan's table order: rows grouped by the `group_by` field, entries in their order, and each entry's neighbours. */
import { choice, field, sortEntries, valuesOf, type Choice, type Entry, type Report } from './model.ts';
import { choicesOf } from './schema.ts';

export interface RowGroup {
  /** The value of the grouping field; absent when the report's rows are not grouped. */
  value?: Choice;
  entries: Entry[];
}

/**
 * Rows grouped as in the plan's table: by the `group_by` field's values in
 * their declared order (values with no entries left out), entries in their
 * own order; one group when the report does not group its rows.
 */
export function groupRows(report: Report, entries: readonly Entry[] = report.entries): RowGroup[] {
  if (!report.group_by) return entries.length ? [{ entries: sortEntries([...entries]) }] : [];
  const by = new Map<string, Entry[]>();
  for (const entry of entries) {
    const key = valuesOf(entry, report.group_by)[0] ?? '';
    const list = by.get(key) ?? [];
    list.push(entry);
    by.set(key, list);
  }
  return (choicesOf(report, field(report, report.group_by)) as Choice[])
    .filter((v) => by.has(v.id))
    .map((value) => ({ value, entries: sortEntries([...(by.get(value.id) ?? [])]) }));
}

/** The value of the grouping field of an entry (its theme, in the shipped report). */
export function groupOf(report: Report, entry: Entry): Choice | undefined {
  const id = report.group_by && valuesOf(entry, report.group_by)[0];
  return id ? choice(report, report.group_by!, id) : undefined;
}

/** The entries before and after this one in table order (groups, then order). */
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
    const ordered = groupRows(report).flatMap((g) => g.entries);
    order = { ordered, index: new Map(ordered.map((e, i) => [e.id, i])) };
    tableOrders.set(report, order);
  }
  return order;
}
