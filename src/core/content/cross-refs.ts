/**
 * Checks that relate files to each other: two rows at one position, a value
 * that continues in another report, a glossary term that belongs to a report.
 */
import { fieldName } from '../diagnostics.ts';
import { rowReference, type Entry, type Report } from '../model.ts';
import { statuses } from '../schema.ts';
import { didYouMean } from '../suggest.ts';
import type { Reader } from './read.ts';
import type { GlossaryFile } from './glossary-file.ts';

/** Entries grouped by a key (entries with an empty key are left out), each group of two or more once. */
function sharing(entries: readonly Entry[], key: (entry: Entry) => string | number): Entry[][] {
  const groups = new Map<string | number, Entry[]>();
  for (const entry of entries) {
    const k = key(entry);
    if (k !== '') groups.set(k, [...(groups.get(k) ?? []), entry]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}

/** One error on each of the entries that share a value, naming the others. */
function reportShared(reader: Reader, group: readonly Entry[], line: (entry: Entry) => number | undefined, field: string, words: (others: string, entry: Entry) => { message: string; hint: string }): void {
  for (const entry of group) {
    const others = group.filter((e) => e !== entry).map((e) => e.file).join(' and ');
    reader.diagnostics.push({ severity: 'error', file: entry.file, line: line(entry), field, ...words(others, entry) });
  }
}

/**
 * Each row has its own position in the table. Every file that shares a
 * number is named (the one just added is as likely to be wrong as the one
 * before it), with the next number no row uses.
 */
export function checkDuplicateOrders(reader: Reader, { report, orderLines }: { report: Pick<Report, 'entries'>; orderLines: Map<Entry, number> }): void {
  const used = new Set(report.entries.map((e) => e.order));
  for (const group of sharing(report.entries, (e) => e.order)) {
    const order = group[0]!.order;
    let free = order + 1;
    while (used.has(free)) free++;
    reportShared(reader, group, (e) => orderLines.get(e), 'order', (others) => ({
      message: `${order} is also the order of ${others}`,
      hint: `each row needs its own position in the table: give one of them another number; ${free} is the next free number`,
    }));
  }
}

/**
 * A row's reference (report.yaml `reference:`) is what members say in a
 * meeting ("CP-3"), so no two rows share one: every file that shares it is
 * named. Compared as written, ignoring case and spaces around it.
 */
export function checkDuplicateReferences(reader: Reader, { report, referenceLines }: { report: Pick<Report, 'entries' | 'reference' | 'fields'>; referenceLines: Map<Entry, number> }): void {
  const field = report.reference;
  if (field === undefined) return;
  for (const group of sharing(report.entries, (e) => rowReference(report, e).trim().toLowerCase())) {
    reportShared(reader, group, (e) => referenceLines.get(e), field, (others, entry) => ({
      message: `"${rowReference(report, entry)}" is also the ${field} of ${others}`,
      hint: `report.yaml names ${field} as each row’s own reference, which readers use to find it: give one of them another`,
    }));
  }
}

/** A choice value that continues in another report names that report and a value of its grouping field. */
export function checkCrossReportValues(reader: Reader, read: readonly { report: Report; lineOf(path: (string | number)[]): number }[]): void {
  const reports = read.map((r) => r.report);
  for (const { report, lineOf } of read) {
    report.fields.forEach((f, i) => {
      f.values?.forEach((v, j) => {
        if (!v.report || !v.value) return;
        const at = (key: string) => ({ line: lineOf(['fields', i, 'values', j, key]), field: fieldName(['fields', i, 'values', j, key]) });
        const other = reports.find((r) => r.id === v.report);
        if (!other) {
          const ids = reports.map((r) => r.id).filter((id) => id !== report.id);
          reader.diagnostics.push({ severity: 'error', file: report.file, ...at('report'), message: `"${v.report}" is not a report of this site`, hint: didYouMean(v.report, ids, 'reports') });
          return;
        }
        const group = other.group_by ? other.fields.find((g) => g.id === other.group_by) : undefined;
        const ids = (group?.type === 'status' ? statuses(other) : (group?.values ?? [])).map((x) => x.id);
        if (!group) {
          reader.diagnostics.push({ severity: 'error', file: report.file, ...at('report'), message: `the report "${other.id}" does not group its rows ("group_by:"), so a value cannot point into it`, hint: `add "group_by:" to ${other.file}, or remove "report:" and "value:"` });
        } else if (!ids.includes(v.value)) {
          reader.diagnostics.push({ severity: 'error', file: report.file, ...at('value'), message: `"${v.value}" is not a ${group.label.toLowerCase()} of the report "${other.id}"`, hint: `${didYouMean(v.value, ids, 'choices')}; they are listed in ${other.file}` });
        }
      });
    });
  }
}

/** A glossary term that belongs to one report (`report:`) names a report of this site. */
export function checkGlossaryReports(reader: Reader, glossary: GlossaryFile, reportIds: readonly string[]): void {
  if (!glossary.file || reportIds.length === 0) return;
  glossary.glossary.terms.forEach((t, i) => {
    if (t.report === undefined || reportIds.includes(t.report)) return;
    reader.diagnostics.push({ severity: 'error', file: glossary.file!, line: glossary.lineOf(['terms', i, 'report']), field: fieldName(['terms', i, 'report']), message: `"${t.report}" is not a report of this site`, hint: didYouMean(t.report, reportIds, 'reports') });
  });
}
