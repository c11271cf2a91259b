/**
 * report.yaml `reference:`: which field of an entry is the plan's own
 * reference for a row ("CP-3"), the one a committee member says in a meeting.
 * Without it, a row is referred to by its number in the table (its `order`).
 * The values' uniqueness across entries is checked when the entries are read
 * (content/cross-refs.ts).
 */
import type { z } from 'zod';
import { didYouMean } from '../suggest.ts';
import type { FieldTypeName } from './field-types.ts';
import { keySchema } from './primitives.ts';

/** Field types whose values can be a row's reference: written by hand, one short value. */
export const REFERENCE_TYPES: readonly FieldTypeName[] = ['text', 'number'];

export const referenceSchema = keySchema
  .optional()
  .describe('Optional: the id of the field holding the plan’s own reference for each row (e.g. "reference"), a required text or number field. Without it, rows are referred to by their row number (order).');

type Field = { id: string; type: FieldTypeName; required: boolean; multiple: boolean };

/** The declared reference names a required text or number field with one value per entry. */
export function checkReference(r: { reference?: string; fields: readonly Field[] }, ctx: z.RefinementCtx): void {
  if (r.reference === undefined) return;
  const field = r.fields.find((f) => f.id === r.reference);
  const fits = (f: Field) => REFERENCE_TYPES.includes(f.type) && !f.multiple;
  const candidates = r.fields.filter(fits).map((f) => f.id);
  if (!field) {
    ctx.addIssue({
      code: 'custom',
      path: ['reference'],
      message: `"${r.reference}" is not a field of this report`,
      params: { hint: candidates.length ? `${didYouMean(r.reference, candidates, 'text and number fields')}; or leave out "reference:" to refer to rows by their row number` : 'declare a text field for the reference under "fields:" first, or leave out "reference:" to refer to rows by their row number' },
    });
  } else if (!fits(field)) {
    ctx.addIssue({
      code: 'custom',
      path: ['reference'],
      message: `"${field.id}" is a ${field.multiple ? `${field.type} field that may hold several values` : `${field.type} field`}, and a row’s reference must be one piece of text or a number`,
      params: { hint: candidates.length ? `choose one of: ${candidates.join(', ')}` : 'declare a text field for the reference (type: text), or leave out "reference:"' },
    });
  } else if (!field.required) {
    ctx.addIssue({
      code: 'custom',
      path: ['reference'],
      message: `"${field.id}" is not required, so some rows could have no reference`,
      params: { hint: `add "required: true" to the field ${field.id}` },
    });
  }
}
