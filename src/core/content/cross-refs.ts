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

/**
 * Each row has its own position in the table. Every file that shares a
 * number is named (the one just added is as likely to be wrong as the one
 * before it), with the next number no row uses.
 */
export function checkDuplicateOrders(reader: Reader, { report, orderLines }: { report: Pick<Report, 'entries'>; orderLines: Map<Entry, number> }): void {
  const byOrder = new Map<number, Report['entries']>();
  for (const entry of report.entries) byOrder.set(entry.order, [...(byOrder.get(entry.order) ?? []), entry]);
  for (const [order, entries] of byOrder) {
    if (entries.length < 2) continue;
    let free = order + 1;
    while (byOrder.has(free)) free++;
    for (const entry of entries) {
      const others = entries.filter((e) => e !== entry).map((e) => e.file);
      reader.diagnostics.push({
        severity: 'error',
        file: entry.file,
        line: orderLines.get(entry),
        field: 'order',
        message: `${order} is also the order of ${others.join(' and ')}`,
        hint: `each row needs its own position in the table: give one of them another number; ${free} is the next free number`,
      });
    }
  }
}

/**
 * A row's reference (report.yaml `reference:`) is what members say in a
 * meeting ("CP-3"), so no two rows share one: every file that shares it is
 * named. Compared as written, ignoring case and spaces around it.
 */
export function checkDuplicateReferences(reader: Reader, { report, referenceLines }: { report: Pick<Report, 'entries' | 'reference' | 'fields'>; referenceLines: Map<Entry, number> }): void {
  if (report.reference === undefined) return;
  const byReference = new Map<string, Report['entries']>();
  for (const entry of report.entries) {
    const value = rowReference(report, entry).trim().toLowerCase();
    if (value !== '') byReference.set(value, [...(byReference.get(value) ?? []), entry]);
  }
  for (const entries of byReference.values()) {
    if (entries.length < 2) continue;
    for (const entry of entries) {
      const others = entries.filter((e) => e !== entry).map((e) => e.file);
      reader.diagnostics.push({
        severity: 'error',
        file: entry.file,
        line: referenceLines.get(entry),
        field: report.reference,
        message: `"${rowReference(report, entry)}" is also the ${report.reference} of ${others.join(' and ')}`,
        hint: `report.yaml names ${report.reference} as each row’s own reference, which readers use to find it: give one of them another`,
      });
    }
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
