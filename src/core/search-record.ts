/**
 * What the search index knows about each entry: Pagefind filters (the report
 * and each of its facets), metadata for the result list (title, reference, status label,
 * id and colour, the grouping value, the report) and a sort key (the row's
 * order in the table).
 */
import { choice, facets, referenceText, rowReference, statusOf, valuesOf, type Entry, type Report } from './model.ts';
import { statusSymbol } from './legend.ts';
import { groupOf } from './table-order.ts';

export interface SearchRecord {
  /** Filter key → the values' labels (several for a multi-valued field). */
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  sort: Record<'order', string>;
}

export interface SearchFilter {
  key: string;
  label: string;
}

/**
 * The key of a facet's search filter. On a site of several reports each
 * report's facets are apart, so that values of different reports are never
 * merged because their labels are the same.
 */
export function searchFilterKey(report: Pick<Report, 'id'>, fieldId: string, severalReports: boolean): string {
  return severalReports ? `${report.id}:${fieldId}` : fieldId;
}

/** The filters shown on the search page, in this order, with their labels. */
export function searchFilters(reports: readonly Report[]): SearchFilter[] {
  const several = reports.length > 1;
  return [
    ...(several ? [{ key: 'report', label: 'Report' }] : []),
    ...reports.flatMap((report) =>
      facets(report).map((f) => ({ key: searchFilterKey(report, f.field.id, several), label: several ? `${f.label} (${report.title})` : f.label })),
    ),
  ];
}

export function searchRecord(report: Report, entry: Entry, severalReports = false): SearchRecord {
  const status = statusOf(report, entry);
  const group = groupOf(report, entry);
  const filters: Record<string, string[]> = { report: [report.title] };
  for (const f of facets(report)) {
    const labels = valuesOf(entry, f.field.id).map((v) => choice(report, f.field.id, v).label);
    if (labels.length) filters[searchFilterKey(report, f.field.id, severalReports)] = labels;
  }
  return {
    filters,
    meta: {
      title: entry.title,
      // "Row 14", "Ref CP-3": shown with the result, as in the table.
      reference: referenceText(report, rowReference(report, entry)),
      report: report.title,
      ...(status ? { status: status.label, status_label: report.fields.find((f) => f.type === 'status')!.label, status_id: status.id, status_colour: status.colour, status_symbol: statusSymbol(report, status.id) } : {}),
      ...(group ? { group: group.label, group_label: report.fields.find((f) => f.id === report.group_by)!.label } : {}),
      entry: '1',
    },
    // Zero-padded so that a text sort is also the table order.
    sort: { order: String(entry.order).padStart(6, '0') },
  };
}

