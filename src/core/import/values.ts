/** `--values` and `--values-file`: a spreadsheet's values of a field to the report's values. */
import { choicesOf, inSentence, type FieldDecl, type ReportFile } from '../schema.ts';
import { didYouMean } from '../suggest.ts';
import { norm } from './columns.ts';

/** Field id → (cell, normalised) → value: the --values and --values-file mappings. */
export type ValueMap = Record<string, Record<string, string>>;

function fieldByName(report: ReportFile, name: string, option: string): FieldDecl {
  const field = report.fields.find((f) => f.id === name) ?? report.fields.find((f) => norm(f.label) === norm(name));
  if (!field) throw new Error(`${option}: "${name}" is not a field of the report (${didYouMean(name, report.fields.map((f) => f.id), 'fields')})`);
  return field;
}

function addValue(map: ValueMap, report: ReportFile, fieldName: string, cell: string, value: string, option: string) {
  const field = fieldByName(report, fieldName, option);
  const choices = choicesOf(report, field).map((c) => c.id);
  if (choices.length && !choices.includes(value)) throw new Error(`${option}: "${value}" is not a ${inSentence(field.label)} of the report (${didYouMean(value, choices, 'choices')})`);
  (map[field.id] ??= {})[norm(cell)] = value;
}

/**
 * `--values "RAG:Green=green,Amber=amber"`: spreadsheet values of a field (by its
 * id or label) to the report's values; several fields separated by ";" or given
 * in several --values.
 */
export function parseValues(specs: string[], report: ReportFile, map: ValueMap = {}): ValueMap {
  for (const spec of specs.flatMap((s) => s.split(';')).map((s) => s.trim()).filter(Boolean)) {
    const colon = spec.indexOf(':');
    if (colon < 1) throw new Error(`--values: "${spec}" should read "Field:Spreadsheet value=value,…"`);
    const fieldName = spec.slice(0, colon).trim();
    for (const pair of spec.slice(colon + 1).split(',')) {
      const [cell, value] = pair.split('=').map((s) => s.trim());
      if (!cell || !value) throw new Error(`--values: "${pair.trim()}" should read "Spreadsheet value=value"`);
      addValue(map, report, fieldName, cell, value, '--values');
    }
  }
  return map;
}

/** A mapping file (YAML): each field (id or label) with its "spreadsheet value: value" lines. */
export function parseValuesFile(data: unknown, report: ReportFile, file: string, map: ValueMap = {}): ValueMap {
  const shape = `write each field on a line of its own, then its values indented under it, e.g.\nRAG:\n  Green: green\n  Amber: amber`;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${file}: ${shape}`);
  for (const [fieldName, values] of Object.entries(data)) {
    if (!values || typeof values !== 'object' || Array.isArray(values)) throw new Error(`${file}: "${fieldName}" has no values under it; ${shape}`);
    for (const [cell, value] of Object.entries(values)) addValue(map, report, fieldName, cell, String(value), file);
  }
  return map;
}

