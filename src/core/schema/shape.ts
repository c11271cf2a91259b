/**
 * Questions asked of a report's declarations: the statuses an entry may
 * have, the values of a choice field, a field's type definition.
 */
import { FIELD_TYPES, type Choice, type FieldType, type ValueContext } from './field-types.ts';
import type { ChoiceValue, FieldDecl, LegendItem, ReportFile } from './report.ts';

type Declarations = Pick<ReportFile, 'legend' | 'fields'>;

/** A legend entry an entry can have, with the stage it belongs to when the legend is grouped. */
export type Status = LegendItem & { stage?: { id: string; label: string } };

const leaves = new WeakMap<object, Status[]>();
/** The statuses an entry can have, in legend order: stages' children in place of the stage. */
export function statuses(report: Pick<ReportFile, 'legend'>): Status[] {
  let list = leaves.get(report.legend);
  if (!list) {
    list = report.legend.flatMap((l): Status[] =>
      l.children ? l.children.map((c) => ({ ...c, done: c.done || l.done, stage: { id: l.id, label: l.label } })) : [{ ...l, colour: l.colour! }],
    );
    leaves.set(report.legend, list);
  }
  return list;
}

/** The values a choice or status field may take (ids and labels, with their details). */
export function choicesOf(report: Declarations, field: FieldDecl): (Choice & Partial<ChoiceValue>)[] {
  if (field.type === 'status') return statuses(report);
  return field.values ?? [];
}

export function fieldType(field: FieldDecl): FieldType {
  return FIELD_TYPES[field.type];
}

export function valueContext(report: Declarations, field: FieldDecl, reportFile?: string): ValueContext {
  return { label: field.label, choices: choicesOf(report, field), reportFile, key: field.id, multiple: field.multiple };
}

/** The field of type status, if the report has one. */
export function statusField(report: Pick<ReportFile, 'fields'>): FieldDecl | undefined {
  return report.fields.find((f) => f.type === 'status');
}
