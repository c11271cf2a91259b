/**
 * A row's reference, the one a committee member says in a meeting ("row 14",
 * "CP-3"): the value of the field report.yaml names as its `reference:`,
 * otherwise the row's number in the table (its `order`), which stays the same
 * from one edition to the next as long as editors do not renumber rows.
 * Every output uses these functions: the tables, entry pages, data.csv and
 * data.json, history, the changes page and the PDF. Pure; no Astro.
 */
import { t } from '../i18n/index.ts';
import type { Messages } from '../i18n/index.ts';
import type { FieldDecl, FieldValue, ReportFile } from './schema.ts';

type Declared = Pick<ReportFile, 'reference' | 'fields'>;
/** An entry, as far as its reference goes (model.ts's Entry). */
type Row = { order: number; fields: Record<string, FieldValue> };

/** The field holding the plan's own references, when the report declares one. */
export function referenceField(report: Declared): FieldDecl | undefined {
  return report.reference === undefined ? undefined : report.fields.find((f) => f.id === report.reference);
}

/** A row's reference as text: "CP-3" (the declared field's value) or "14" (its row number). */
export function rowReference(report: Declared, entry: Row): string {
  const field = referenceField(report);
  if (!field) return String(entry.order);
  const value = entry.fields[field.id];
  return value === undefined ? '' : String(Array.isArray(value) ? value[0] : value);
}

/**
 * A row's reference from a past edition's frontmatter (history keeps the
 * frontmatter as written), or `undefined` when that edition did not have it.
 */
export function referenceInData(report: Declared, data: Record<string, unknown> | undefined): string | undefined {
  const value = data?.[report.reference ?? 'order'];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** The heading of the reference column: the declared field's label ("Ref"), else "Row". */
export function referenceLabel(report: Declared, messages: Messages = t.messages): string {
  return referenceField(report)?.label ?? messages.reference.row;
}

/** A reference with its label, for a line of text: "Row 14", "Ref CP-3". */
export function referenceText(report: Declared, reference: string, messages: Messages = t.messages): string {
  return t.format(messages.reference.text, { label: referenceLabel(report, messages), value: reference });
}
