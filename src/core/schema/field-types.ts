/**
 * One definition per field type: what an editor may write (the zod schema of
 * one value), how a reader sees it (text for cells, CSV and search), how a
 * spreadsheet cell becomes a value again (import), and which kind of markup
 * renders it (src/components/FieldValue/FieldValue.astro). Adding a type means adding
 * an entry here and, at most, a case in that one component.
 */
import { z } from 'zod';
import { formatDate } from '../format.ts';
import { didYouMean } from '../suggest.ts';
import { dateSchema, hrefSchema, text } from './primitives.ts';

/** A value as stored in the model: ids and text are strings, numbers are numbers. */
export type FieldScalar = string | number;

/** What a value may be chosen from (choice and status fields). */
export interface Choice {
  id: string;
  label: string;
}

export interface ValueContext {
  /** The field's label, for messages ("a theme", "a colour code"). */
  label: string;
  /** The allowed values, for choice and status fields. */
  choices: readonly Choice[];
  /** The report.yaml, named in hints. */
  reportFile?: string;
  /** The field's id (its frontmatter key), for examples in hints. */
  key?: string;
  /** Whether the field may hold several values (a list). */
  multiple?: boolean;
}

/** How the one component renders a value. */
export type RenderKind = 'text' | 'date' | 'link' | 'choice' | 'status' | 'number';

export interface FieldType {
  /** Said in messages and docs: what to write. */
  describe: string;
  /** The zod schema of one value. */
  value(context: ValueContext): z.ZodType<FieldScalar>;
  /** How to write a value, for a field left empty or given the wrong kind of value: `key` is the field's id. */
  hint(key: string, context: ValueContext): string;
  /** Text a reader sees: table cells, CSV, search filters. */
  text(value: FieldScalar, context: ValueContext): string;
  /** The value in a data export's cell: ISO dates and plain numbers, for programs; choices by label (their ids have a column of their own). */
  cell(value: FieldScalar, context: ValueContext): string;
  /** Whether exports give the value's id in a column of its own (choices). */
  idColumn: boolean;
  /** A spreadsheet cell back to a value (import); `undefined` when it cannot be read. */
  fromCell(cell: string, context: ValueContext): FieldScalar | undefined;
  render: RenderKind;
}

/** YAML 1.1 tools read these as yes/no; in this YAML they stay text, which surprises people. */
const YAML11_BOOLEANS = ['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false'];

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** "Theme" → "theme", "RAG" stays "RAG": the label inside a sentence. */
export function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

function choiceSchema(context: ValueContext, what: string): z.ZodType<string> {
  const ids = context.choices.map((c) => c.id);
  return z.string({ error: `must be one of the ids of ${what}` }).superRefine((value, ctx) => {
    if (ids.includes(value)) return;
    // `next_phase: later, nowhere` is one value in YAML, not two.
    const parts = value.split(',').map((p) => p.trim());
    if (parts.length > 1 && parts.every((p) => ids.includes(p))) {
      const key = context.key ?? 'field';
      ctx.addIssue(
        context.multiple
          ? { code: 'custom', message: `"${value}" is read as one value, not as a list`, params: { hint: `write several values as a list in square brackets: ${key}: [${parts.join(', ')}]` } }
          : { code: 'custom', message: `"${value}" gives ${parts.length} values, but an entry has only one ${what}`, params: { hint: `keep one of them, e.g. ${key}: ${parts[0]}` } },
      );
      return;
    }
    // The label written instead of the id ("Move to Improvement plan phase 3"): name the id of this field's value.
    const labelled = context.choices.find((c) => norm(c.label) === norm(value) && norm(value) !== '');
    if (labelled) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is the label of a ${what}, not its id`, params: { hint: `write its id instead: ${labelled.id}` } });
      return;
    }
    const yesNo = YAML11_BOOLEANS.includes(value.toLowerCase()) ? `"${value}" is read as plain text here, not yes/no; write one of the ids. ` : '';
    const where = context.reportFile ? `; they are listed in ${context.reportFile}` : '';
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a ${what} of this report`,
      params: { hint: `${yesNo}${didYouMean(value, ids, 'choices')}${where}` },
    });
  });
}

function lookupChoice(cell: string, context: ValueContext): string | undefined {
  const v = cell.trim();
  return (context.choices.find((c) => c.id === v) ?? context.choices.find((c) => norm(c.label) === norm(v)) ?? context.choices.find((c) => norm(c.id) === norm(v)))?.id;
}

const number = (what: string, min?: number, max?: number) => {
  let s = z.number({ error: `must be a number (${what})` });
  if (min !== undefined) s = s.min(min, { error: `must be ${min} or more` });
  if (max !== undefined) s = s.max(max, { error: `must be ${max} or less` });
  return s;
};
const numberFromCell = (cell: string) => {
  const n = Number(cell.trim().replace(/%$/, '').replace(/,/g, ''));
  return cell.trim() !== '' && Number.isFinite(n) ? n : undefined;
};

/** The first few of a list, then how many more: `a, b, c, d, e, f and 3 more`. */
function someOf(items: readonly string[], max = 6): string {
  return items.length > max ? `${items.slice(0, max).join(', ')} and ${items.length - max} more` : items.join(', ');
}

/** Several values of a field that may hold them: on lines of their own, each starting "- ". */
const orSeveral = (key: string, c: ValueContext) => (c.multiple ? `; several values go on lines of their own under "${key}:", each starting "- "` : '');

/**
 * How to write a choice: one of its ids, with an example and the ids
 * themselves (the first few), and where they are declared.
 */
function choiceHint(key: string, c: ValueContext, where: string): string {
  const ids = c.choices.map((x) => x.id);
  const declared = `listed ${where} in ${c.reportFile ?? 'report.yaml'}`;
  if (ids.length === 0) return `write one of the ids ${declared}`;
  const several = c.multiple && ids.length > 1 ? `, or several as a list, e.g. ${key}: [${ids[0]}, ${ids[1]}]` : '';
  return `write one id, e.g. ${key}: ${ids[0]}${several}; the ids, ${declared}: ${someOf(ids)}`;
}

/** How a field of words is shown, exported and imported: as written. */
const plainText = {
  text: (v: unknown) => String(v),
  cell: (v: unknown) => String(v),
  idColumn: false,
  fromCell: (cell: string) => cell.trim() || undefined,
  render: 'text',
} as const;

export const FIELD_TYPES = {
  text: {
    describe: 'text',
    value: (c) => text(inSentence(c.label)),
    hint: (key, c) => `write the ${key} as plain text after "${key}: "${orSeveral(key, c)}`,
    ...plainText,
  },
  person: {
    describe: 'a person or team, as text',
    value: () => text('a person or team'),
    hint: (key, c) => `write the name of a person or team after "${key}: "${orSeveral(key, c)}`,
    ...plainText,
  },
  date: {
    describe: "a date written YYYY-MM-DD, in quotes: '2025-03-31'",
    value: () => dateSchema,
    hint: (key, c) => `write the date as YYYY-MM-DD in quotes, e.g. ${key}: '2025-03-31'${orSeveral(key, c)}`,
    text: (v) => formatDate(String(v)),
    cell: (v) => String(v),
    idColumn: false,
    fromCell: (cell) => (/^\d{4}-\d{2}-\d{2}$/.test(cell.trim()) ? cell.trim() : undefined),
    render: 'date',
  },
  number: {
    describe: 'a number',
    value: (c) => number(inSentence(c.label)),
    hint: (key, c) => `write a number after "${key}: ", without quotes${orSeveral(key, c)}`,
    text: (v) => String(v),
    cell: (v) => String(v),
    idColumn: false,
    fromCell: numberFromCell,
    render: 'number',
  },
  percentage: {
    describe: 'a number from 0 to 100, without the % sign',
    value: () => number('a percentage from 0 to 100, without the % sign', 0, 100),
    hint: (key, c) => `write a number from 0 to 100 after "${key}: ", without quotes or the % sign${orSeveral(key, c)}`,
    text: (v) => `${v}%`,
    cell: (v) => String(v),
    idColumn: false,
    fromCell: numberFromCell,
    render: 'number',
  },
  url: {
    describe: 'a web address starting with https://',
    value: () => hrefSchema,
    hint: (key, c) => `copy the whole address from the browser, starting with https://, after "${key}: "${orSeveral(key, c)}`,
    text: (v) => String(v),
    cell: (v) => String(v),
    idColumn: false,
    fromCell: (cell) => cell.trim() || undefined,
    render: 'link',
  },
  choice: {
    describe: 'one of the ids listed under "values:"',
    value: (c) => choiceSchema(c, inSentence(c.label)),
    hint: (key, c) => choiceHint(key, c, `under "values:" of ${key}`),
    text: (v, c) => c.choices.find((x) => x.id === v)?.label ?? String(v),
    cell: (v, c) => c.choices.find((x) => x.id === v)?.label ?? String(v),
    idColumn: true,
    fromCell: lookupChoice,
    render: 'choice',
  },
  status: {
    describe: 'one of the ids of the legend',
    value: (c) => choiceSchema(c, `${inSentence(c.label)} (legend entry)`),
    hint: (key, c) => choiceHint(key, c, 'under "legend:"'),
    text: (v, c) => c.choices.find((x) => x.id === v)?.label ?? String(v),
    cell: (v, c) => c.choices.find((x) => x.id === v)?.label ?? String(v),
    idColumn: true,
    fromCell: lookupChoice,
    render: 'status',
  },
} as const satisfies Record<string, FieldType>;

export type FieldTypeName = keyof typeof FIELD_TYPES;
export const FIELD_TYPE_NAMES = Object.keys(FIELD_TYPES) as FieldTypeName[];
/** Types whose values are chosen from a list: they can be facets. */
export const CHOICE_TYPES: readonly FieldTypeName[] = ['choice', 'status'];
