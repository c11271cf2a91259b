/** Where a field's value links to: its facet page, or the report it continues in. */
import { choice, facetOf, type Choice, type Report } from '../core/model.ts';
import { statusField } from '../core/schema.ts';
import { facetUrl } from './urls.ts';

/** The facet page of a value, when its field is a facet. */
export function valueUrl(report: Report, fieldId: string, valueId: string): string | undefined {
  const facet = facetOf(report, fieldId);
  return facet && facetUrl(report.id, facet.path, valueId);
}

/** The page of entries with this status, when the status field is a facet. */
export function statusPageUrl(report: Report, statusId: string): string | undefined {
  const f = statusField(report);
  return f && valueUrl(report, f.id, statusId);
}

/** A value that continues in another report: that report and the value of its grouping field, with its page. */
export function crossReport(value: Choice, reports: readonly Report[]): { report: Report; value: Choice; href?: string } | undefined {
  if (!value.report || !value.value) return undefined;
  const other = reports.find((r) => r.id === value.report);
  if (!other?.group_by) return undefined;
  return { report: other, value: choice(other, other.group_by, value.value), href: valueUrl(other, other.group_by, value.value) };
}
