/**
 * An entry's frontmatter: the built-in fields (title, order, evidence,
 * updated) and the fields its report declares, each validated by its type's
 * schema (field-types.ts). Built once per report.
 */
import { z } from 'zod';
import type { FieldScalar } from './field-types.ts';
import { dateSchema, evidenceSchema, text, valueHints } from './primitives.ts';
import type { ReportFile } from './report.ts';
import { fieldType, valueContext } from './shape.ts';
import { inSentence } from './field-types.ts';

const orderSchema = z
  .number({ error: 'must be a whole number (the row’s position in the table)' })
  .int({ error: 'must be a whole number (the row’s position in the table)' })
  .positive({ error: 'must be 1 or more' })
  .describe('The row’s position in the table: 1, 2, 3…');

/** The fields every entry has, whatever its report declares. */
export function builtInShape(titleLabel: string) {
  return {
    title: text(`${inSentence(titleLabel)}, as the plan words it`).describe(`The ${titleLabel} column, as the plan words it.`),
    order: orderSchema,
    evidence: z
      .array(evidenceSchema, { error: 'must be a list of items, each starting with "- title:"' })
      .optional()
      .describe('Optional: documents that show the work. A url only when the real address is known.'),
    updated: dateSchema.optional().describe('Optional: when this entry last changed, YYYY-MM-DD.'),
  };
}

/** A field's value as stored: one value, or a list when the field is `multiple`. */
export type FieldValue = FieldScalar | FieldScalar[];

/** An empty `key:` line is a value not given. */
const emptyIsMissing = (v: unknown) => (v === null ? undefined : v);
/** One value written without a list is a list of one. */
const asList = (v: unknown) => (v === null || v === undefined || Array.isArray(v) ? v : [v]);

/**
 * The frontmatter schema for entries of this report. `forJsonSchema`: the
 * same shape for editors' JSON Schema, with each choice as an enum (for
 * autocompletion) and without the steps that tidy values before checking.
 */
export function entrySchemaFor(report: Pick<ReportFile, 'fields' | 'legend' | 'title_label'>, reportFile?: string, forJsonSchema = false) {
  // Title first, then the declared fields, then the rest: the order of "known:" hints and of the JSON Schema.
  const { title, ...rest } = builtInShape(report.title_label);
  const shape: Record<string, z.ZodType> = { title };
  for (const field of report.fields) {
    const context = valueContext(report, field, reportFile);
    const ids = context.choices.map((c) => c.id) as [string, ...string[]];
    const one = forJsonSchema && ids.length ? z.enum(ids) : fieldType(field).value(context);
    let schema: z.ZodType;
    if (forJsonSchema) {
      schema = field.multiple ? z.union([one, z.array(one).min(1)]) : one;
      schema = field.required ? schema : schema.nullable().optional();
    } else {
      // One value or a list of them: empty is "needs at least one", whether written `next_phase:` or `next_phase: []`.
      const atLeastOne = `needs at least one ${inSentence(field.label)}`;
      schema = field.multiple ? z.preprocess(asList, z.array(one, { error: atLeastOne }).min(1, { error: atLeastOne })) : one;
      schema = field.required ? schema : z.preprocess(emptyIsMissing, schema.optional());
    }
    shape[field.id] = schema.describe(`${field.label}: ${fieldType(field).describe}${field.multiple ? ', or a list of them' : ''}${field.required ? '' : ' (optional)'}.`);
    if (!forJsonSchema) valueHints.add(shape[field.id]!, { hint: fieldType(field).hint(field.id, context) });
  }
  return z.strictObject({ ...shape, ...rest });
}

/** Output of entrySchemaFor: the built-in fields typed, declared fields by id. */
export type EntryFrontmatter = z.output<z.ZodObject<ReturnType<typeof builtInShape>>> & Record<string, FieldValue | undefined>;
