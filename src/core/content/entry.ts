/**
 * One entry file: its frontmatter checked against the schema its report's
 * declarations build, its body split into the report's declared sections.
 */
import type { Glossary } from '../glossary.ts';
import { splitFrontmatter } from '../frontmatter.ts';
import { parseBody } from '../markdown.ts';
import type { MarkdownOptions } from '../markdown-render.ts';
import type { Entry, Report } from '../model.ts';
import { EMPTY_GLOSSARY } from '../glossary.ts';
import { ID_PATTERN, KEY_PATTERN, type entrySchemaFor, type EntryFrontmatter, type FieldValue } from '../schema.ts';
import type { ProseFile } from './abbreviations.ts';
import { readText, type Reader } from './read.ts';
import { slugify } from './slug.ts';
import { validate } from './validate.ts';

/** What every entry of one report is read with. */
export interface EntryContext {
  report: Report;
  schema: ReturnType<typeof entrySchemaFor>;
  /** Ids that would clash with the report's own pages. */
  reservedIds: readonly string[];
  markdown: MarkdownOptions & { glossary?: Glossary };
  /** Texts to look for unexplained abbreviations in, added to as entries are read. */
  prose: ProseFile[];
  /** False when the report's sections could not be read (salvage.ts): the body is then not checked. */
  checkBody?: boolean;
}

/**
 * A field shown with another that may hold several values (the plan's own
 * words for each of two new phases) gives one value per value of the other,
 * in the same order.
 */
function checkCompanionCounts(reader: Reader, report: Report, fields: Record<string, FieldValue>, file: string, lineOf: (path: (string | number)[]) => number): boolean {
  let ok = true;
  for (const f of report.fields) {
    const target = f.shown_with && report.fields.find((g) => g.id === f.shown_with);
    const mine = fields[f.id];
    const theirs = target && fields[target.id];
    if (!target || !f.multiple || !target.multiple || mine === undefined || theirs === undefined) continue;
    const n = [mine].flat().length;
    const total = [theirs].flat().length;
    if (n === total) continue;
    ok = false;
    reader.diagnostics.push({
      severity: 'error',
      file,
      line: lineOf([f.id]),
      field: f.id,
      message: `has ${n} ${n === 1 ? 'value' : 'values'} but ${target.id} has ${total}`,
      hint: `give one per value of ${target.id}, as a list in the same order ("- …" on its own line), or remove ${f.id}`,
    });
  }
  return ok;
}

/**
 * An entry holds only the fields its report declares: how to add a column
 * for a setting it does not know, with the declaration to copy into
 * report.yaml (as docs/editing.md describes them) when it is not a typing
 * mistake of a known one.
 */
function howToDeclare(key: string, reportFile: string, typo: boolean): string {
  if (typo) return `a new column is declared first in ${reportFile} under "fields:"`;
  const id = key.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (!KEY_PATTERN.test(id)) return `to add a new column, declare it in ${reportFile} under "fields:", as docs/editing.md describes`;
  const words = id.replaceAll('_', ' ');
  const declaration = `- { id: ${id}, label: ${words[0]!.toUpperCase()}${words.slice(1)}, type: text, column: true }`;
  const rename = id === key ? '' : `, and write it "${id}:" here`;
  return `to add a new column, declare it in ${reportFile} under "fields:", e.g. ${declaration}${rename}; docs/editing.md lists the other types`;
}

export function readEntry(reader: Reader, context: EntryContext, path: string, id: string): { entry: Entry; orderLine: number; referenceLine?: number } | undefined {
  const { report, reservedIds } = context;
  const file = reader.rel(path);
  if (!ID_PATTERN.test(id) || reservedIds.includes(id)) {
    const reserved = reservedIds.includes(id);
    reader.diagnostics.push({
      severity: 'error',
      file,
      message: `"${file.split(/[\\/]/).pop()}" cannot be an entry's file name (it becomes the page address)`,
      hint: reserved
        ? `choose another name: ${reservedIds.join(', ')} are used by the site's own pages`
        : `rename it with lower-case letters, digits and hyphens, e.g. "${slugify(id) || 'my-action'}.md"`,
    });
    return undefined;
  }
  const text = readText(reader, path);
  if (text === undefined) return undefined;

  const split = splitFrontmatter(text);
  context.prose.push({ file, text: text.replace(/\r\n?/g, '\n'), glossary: context.markdown.glossary ?? EMPTY_GLOSSARY });
  for (const p of split.problems) reader.diagnostics.push({ severity: 'error', file, ...p });
  if (!split.yaml || split.problems.length) return undefined;

  const data = validate(context.schema, split.yaml, file, reader.diagnostics, 'entry field', { newKey: (key, typo) => howToDeclare(key, report.file, typo) }) as EntryFrontmatter | undefined;
  const body = context.checkBody === false ? { sections: {}, problems: [] } : parseBody(split.body, split.bodyLine, context.markdown, report.sections);
  for (const p of body.problems) reader.diagnostics.push({ severity: 'error', file, field: 'body', ...p });
  if (!data || body.problems.length) return undefined;

  const fields: Record<string, FieldValue> = {};
  for (const f of report.fields) if (data[f.id] !== undefined) fields[f.id] = data[f.id]!;
  if (!checkCompanionCounts(reader, report, fields, file, split.yaml.lineOf)) return undefined;
  const entry: Entry = {
    id,
    report: report.id,
    title: data.title,
    order: data.order,
    evidence: data.evidence ?? [],
    updated: data.updated,
    lastUpdated: '',
    fields,
    sections: body.sections,
    file,
  };
  return { entry, orderLine: split.yaml.lineOf(['order']), ...(report.reference ? { referenceLine: split.yaml.lineOf([report.reference]) } : {}) };
}
