/**
 * zod issues as editors' messages: the file, the line of the field, what was
 * written and what it must be, and how to fix it, with "did you mean" for an
 * unknown field from the fields the schema knows (for an entry: its report's
 * declared fields).
 */
import type { z } from 'zod';
import { fieldName, type Diagnostic } from '../diagnostics.ts';
import { explainValue } from '../messages/hints.ts';
import { valueHints } from '../schema/primitives.ts';
import { nearest, sameName } from '../suggest.ts';
import type { ParsedYaml } from '../yaml.ts';

export interface ValidateOptions {
  /**
   * How to add a setting of the file's own (not inside a group) that is not
   * known: for an entry, declare a field in its report.yaml. `typo` when a
   * known one is near enough to have been meant (the advice is then shorter).
   */
  newKey?: (key: string, typo: boolean) => string;
}

/**
 * Validate with a zod schema and turn each issue into a diagnostic with the
 * line of the field it is about.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  yaml: ParsedYaml,
  file: string,
  diagnostics: Diagnostic[],
  what: string,
  options: ValidateOptions = {},
): z.output<S> | undefined {
  const data = yaml.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push({ severity: 'error', file, line: yaml.lineOf([]), message: 'must be a list of "field: value" lines', hint: 'see an existing file for the shape' });
    return undefined;
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  // `Status: done` is status written with a capital, `staus: done` with a typing mistake: one
  // mistake, said once (as an unknown setting, which names the field meant), not also "status is missing".
  const misnamed = new Set<string>();
  for (const issue of result.error.issues) {
    if (issue.code !== 'unrecognized_keys' || issue.path.length) continue;
    const known = knownKeys(schema, []);
    for (const key of issue.keys) {
      const meant = known.find((k) => sameName(k) === sameName(key)) ?? nearest(key, known);
      if (meant !== undefined) misnamed.add(meant);
    }
  }
  for (const issue of result.error.issues) {
    let path = issue.path;
    // One value written where a list is allowed is read as a list of one: speak of the field itself.
    if (typeof path.at(-1) === 'number' && path.at(-1) === 0 && !Array.isArray(valueAt(data, path.slice(0, -1)))) path = path.slice(0, -1);
    const field = fieldName(path);
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path);
      for (const key of issue.keys) {
        diagnostics.push({
          severity: 'error',
          file,
          line: yaml.lineOf([...path, key]),
          field: fieldName([...path, key]),
          message: `"${key}" is not a known ${path.length ? `field of ${String(path.find((p) => typeof p === 'string') ?? '')}` : what}`,
          hint: unknownKeyHint(key, known, path.length ? undefined : options.newKey),
        });
      }
      continue;
    }
    const value = valueAt(data, path);
    const missing = value === undefined && issue.code === 'invalid_type';
    if (missing && path.length === 1 && misnamed.has(String(path[0]))) continue;
    // A check that knows its own hint (e.g. the choices of a field) gives it with the issue.
    const own = issue.code === 'custom' ? (issue.params as { hint?: string } | undefined)?.hint : undefined;
    // A value that reads as something else than was meant (a colour cut off by "#", "title:Board paper"): say what happened.
    const key = String([...path].reverse().find((p) => typeof p === 'string') ?? '');
    const fieldsExpected = issue.code === 'invalid_type' && issue.expected === 'object';
    const better = missing || own !== undefined ? undefined : explainValue({ key, value, mustBe: issue.message, lineText: yaml.lineTextOf(path), fieldsExpected });
    diagnostics.push({
      severity: 'error',
      file,
      line: yaml.lineOf(path),
      field: field || undefined,
      message: better?.message ?? (missing ? 'is required but missing' : own !== undefined ? issue.message : describe(value, issue.message)),
      hint: better?.hint ?? (missing ? hintForMissing(path) : (own ?? registeredHint(schema, path) ?? hintFor(path))),
    });
  }
  return undefined;
}

/**
 * A setting the schema does not know: the known one meant, when the name is
 * near enough to be a typing mistake (or differs only in capitals, spaces or
 * hyphens), and how to add a new one where the file allows it.
 */
function unknownKeyHint(key: string, known: readonly string[], newKey: ValidateOptions['newKey']): string {
  const guess = nearest(key, known);
  const list = `known: ${known.join(', ')}`;
  if (guess !== undefined && guess === key.toLowerCase()) return `write it in lower case: "${guess}:"`;
  if (guess !== undefined && sameName(guess) === sameName(key)) return `write it as "${guess}:", in lower case with "_" between words`;
  if (guess !== undefined) return `did you mean "${guess}"? ${list}${newKey ? `; ${newKey(key, true)}` : ''}`;
  return newKey ? `${newKey(key, false)}; ${list}` : list;
}

/** Say what was written, then what it must be: `"two" must be a whole number`. */
function describe(value: unknown, mustBe: string): string {
  if (value === null) return `is empty but ${mustBe}`;
  if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 37) + '…' : value}" ${mustBe}`;
  if (typeof value === 'boolean') return `${value} is read as yes/no and ${mustBe}`;
  if (typeof value === 'number') return `${value} ${mustBe}`;
  if (Array.isArray(value)) return mustBe.startsWith('needs') ? mustBe : `is a list, but ${mustBe}`;
  if (typeof value === 'object') return `is a group of fields, but ${mustBe}`;
  return `${String(value)} ${mustBe}`;
}

/** How to write a field correctly, by the field's name. */
const FIELD_HINTS: Record<string, string> = {
  date: "write the date as YYYY-MM-DD in quotes, e.g. date: '2024-03-01'",
  updated: "write the date as YYYY-MM-DD in quotes, e.g. updated: '2024-03-01'",
  url: 'copy the whole address from the browser, starting with https://',
  order: 'the row’s position in the table: 1, 2, 3…',
  evidence: 'write each item on its own line under "evidence:", indented, starting "- title: "',
  colour: 'e.g. colour: "#d9ead3"',
  text_colour: 'e.g. text_colour: "#0b0c0c"',
  legend: 'add at least one item: "- id: …", "label: …", "colour: …"',
  values: 'add at least one item: "- id: …", "label: …"',
  id: 'lower-case letters, digits and hyphens, e.g. "in-progress"',
};

function hintFor(path: readonly PropertyKey[]): string {
  const name = String([...path].reverse().find((p) => typeof p === 'string') ?? '');
  return FIELD_HINTS[name] ?? `write the ${name || 'value'} as plain text after "${name}: "`;
}

function hintForMissing(path: readonly PropertyKey[]): string {
  return `add a line "${String([...path].reverse().find((p) => typeof p === 'string') ?? '')}: …"`;
}

/** The hint kept with the schema of the value at `path` (or of the field holding it), if any: see valueHints. */
function registeredHint(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  let hint: string | undefined;
  const note = (s: unknown) => {
    const found = s && typeof s === 'object' ? valueHints.get(s as z.ZodType)?.hint : undefined;
    if (found) hint = found;
  };
  let s: unknown = schema;
  for (const p of path) {
    s = unwrap(s, note);
    const def = (s as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }).def;
    if (def?.type === 'object' && typeof p === 'string') s = def.shape?.[p];
    else if (def?.type === 'array') s = def.element;
    else break;
    note(s);
  }
  unwrap(s, note);
  return hint;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  // Walk the schema's shape along the path, through arrays and optionals.
  let s: unknown = schema;
  for (const p of path) {
    s = unwrap(s);
    const def = (s as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }).def;
    if (def?.type === 'object' && typeof p === 'string') s = def.shape?.[p];
    else if (def?.type === 'array') s = def.element;
  }
  s = unwrap(s);
  const shape = (s as { def?: { shape?: Record<string, unknown> } }).def?.shape;
  return shape ? Object.keys(shape) : [];
}

type Def = { def?: { type?: string; innerType?: unknown; element?: unknown; in?: Def; out?: Def } };

/**
 * The object schema inside wrappers: optional, default, nullable, an array's
 * element, and a pipe (a transform after an object, e.g. site.yaml's model;
 * or a tidying step before one, e.g. an entry's optional fields).
 */
function unwrap(s: unknown, visit?: (s: unknown) => void): unknown {
  let cur = s as Def;
  for (let i = 0; i < 10 && cur?.def; i++) {
    visit?.(cur);
    const { type, innerType, element, in: input, out } = cur.def;
    if (type === 'optional' || type === 'default' || type === 'nullable') cur = innerType as Def;
    else if (type === 'array') cur = element as Def;
    else if (type === 'pipe') cur = (input?.def?.type === 'transform' ? out : input) as Def;
    else break;
  }
  return cur;
}
