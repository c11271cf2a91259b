/**
 * report.yaml: the report's details and the shape of its plan, declared in
 * one place: the fields of an entry, the sections of its body, the legend
 * and the facets. Composed of one small schema per part; the checks that
 * relate parts to each other are at the end.
 */
import { z } from 'zod';
import { CHOICE_TYPES, FIELD_TYPE_NAMES } from './field-types.ts';
import { fieldName } from '../diagnostics.ts';
import { didYouMean } from '../suggest.ts';
import { checkReference, referenceSchema } from './reference.ts';
import { colourSchema, dateSchema, hrefSchema, idSchema, keySchema, text } from './primitives.ts';

/** Frontmatter keys every entry has, whatever its report declares. */
export const BUILT_IN_FIELDS = ['title', 'order', 'evidence', 'updated'] as const;
/**
 * Entry ids that would clash with a report's own routes (facet paths are added per report):
 * the names of the files and folders under src/pages/[report]/, each export file's
 * (data.csv, history.json, …) by its first name. tests/unit/routes.test.ts fails when they part.
 */
export const RESERVED_ENTRY_IDS = ['about', 'changes', 'data', 'editions', 'history', 'index', 'legend', 'print', 'print-document'] as const;
/** Report ids that would clash with site-wide routes. */
export const RESERVED_REPORT_IDS = ['search', 'glossary', 'accessibility', 'pagefind', '_astro', '404', 'feed', 'index'] as const;

const flag = (what: string) => z.boolean({ error: `must be true or false (${what})` });

/** One value a choice field may take. */
export const choiceValueSchema = z.strictObject({
  id: idSchema,
  label: text('the value as the plan words it'),
  group: text('a heading the value belongs under').optional(),
  description: text('a longer explanation').optional(),
  report: idSchema.optional().describe('Optional: the id (folder) of another report of this site that this value continues in.'),
  value: idSchema.optional().describe('With report: the id of the value of that report’s grouping field (group_by) that this value is.'),
});

export const fieldSchema = z.strictObject({
  id: keySchema.describe('The frontmatter key entries write, e.g. due_date.'),
  label: text('the column heading, as the plan words it'),
  type: z.enum(FIELD_TYPE_NAMES, { error: `must be one of: ${FIELD_TYPE_NAMES.join(', ')}` }),
  required: flag('whether every entry must have it').default(false),
  multiple: flag('whether an entry may hold several values').default(false),
  column: flag('whether it is a column of the table').default(false),
  shown_with: keySchema.optional().describe('Optional: the id of another field whose cell and line also show this one (e.g. the plan’s own wording of it).'),
  description: text('what editors should write').optional(),
  values: z.array(choiceValueSchema).min(1, { error: 'needs at least one value' }).optional(),
});

export const sectionSchema = z.strictObject({
  id: keySchema.describe('A name for the section in data exports, e.g. outstanding.'),
  heading: text('the "## " heading editors write'),
  label: text('the heading readers see, as the plan words it').optional(),
  aliases: z.array(text('another heading accepted for this section')).optional(),
  required: flag('whether every entry must have it').default(false),
  in_table: flag('whether it is a column of the table').default(true),
  in_facet_tables: flag('whether it is a column of the tables of facet pages').optional(),
});

const legendItemShape = {
  id: idSchema,
  label: text('what the colour means'),
  colour: colourSchema,
  text_colour: colourSchema.default('#0b0c0c'),
  description: text('a longer explanation').optional(),
  done: flag('whether entries with it count as complete').default(false),
  total: z.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).nonnegative().optional().describe('Optional: how many the document counts under this, when it lists only some.'),
};
export const legendItemSchema = z.strictObject(legendItemShape);
/** A legend entry, or a stage holding several (e.g. "In progress": green, amber, red). */
export const legendEntrySchema = z.strictObject({
  ...legendItemShape,
  colour: colourSchema.optional(),
  children: z.array(legendItemSchema).min(1, { error: 'needs at least one colour code' }).optional(),
});

export const facetSchema = z.strictObject({
  field: keySchema.describe('The id of a choice or status field.'),
  path: z
    .string({ error: 'must be text, the address segment, e.g. "themes"' })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lower-case letters, digits and hyphens, e.g. "themes"' }),
  label: text('the name of the facet for readers, if not the field’s label').optional(),
  summary: flag('whether the report counts entries by it').default(true),
});

export const unitSchema = z.strictObject({
  singular: text('e.g. "action"'),
  plural: text('e.g. "actions"'),
});

/** A page of this site's own notes about the report (how it was transcribed, say), from a Markdown file in its folder. */
export const aboutPageSchema = z.strictObject({
  title: text('the page’s title, also the text of the link to it'),
  file: z
    .string({ error: 'must be the name of a Markdown file in the report’s folder, e.g. "about.md"' })
    .regex(/^[a-z0-9][a-z0-9._-]*\.md$/i, { error: 'must be the name of a Markdown file in the report’s folder, e.g. "about.md"' })
    .describe('The name of a Markdown file in the report’s folder; it is published at /<report>/about/ and is not an entry.'),
});

export const sourceSchema = z.strictObject({
  title: text('the document’s title'),
  url: hrefSchema.optional(),
});

const reportShape = z.strictObject({
  title: text('the report’s title'),
  subtitle: text('a line under the title').optional(),
  organisation: text('the public body whose plan it is').optional(),
  as_at: dateSchema.optional().describe('The reporting date: the plan as at this day, YYYY-MM-DD.'),
  source: sourceSchema.optional(),
  contact: text('who to ask about the plan').optional(),
  unit: unitSchema.default({ singular: 'item', plural: 'items' }),
  title_label: text('the heading of the title column, as the plan words it').default('Title'),
  introduction: text('Markdown shown above the table').optional(),
  about: text('Markdown: this site’s own note about the page, shown apart from the document’s words').optional(),
  about_page: aboutPageSchema.optional().describe('Optional: a page of this site’s own notes (e.g. how the report was transcribed), linked from "About this page".'),
  notes: z.array(text('a note shown with the legend')).optional(),
  total: z.number({ error: 'must be a whole number' }).int().nonnegative().optional().describe('Optional: how many the document counts in all, when it lists only some.'),
  group_by: keySchema.optional().describe('Optional: the id of a choice field whose values group the rows of the table.'),
  reference: referenceSchema,
  columns: z
    .array(keySchema)
    .optional()
    .describe('Optional: the order of the table’s columns after the title, by the ids of `column` fields and `in_table` sections (the rest follow: sections, then fields).'),
  fields: z.array(fieldSchema).default([]),
  sections: z.array(sectionSchema).default([]),
  legend: z.array(legendEntrySchema).default([]),
  facets: z.array(facetSchema).default([]),
});

type Shape = z.output<typeof reportShape>;
type Ctx = z.RefinementCtx;

function unique<T>(ctx: Ctx, list: readonly T[], key: (t: T) => string | undefined, path: (i: number) => PropertyKey[], what: string): void {
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    const k = key(item);
    if (k === undefined) return;
    const first = seen.get(k.toLowerCase());
    if (first !== undefined) ctx.addIssue({ code: 'custom', path: path(i), message: `"${k}" is used twice in ${what}`, params: { hint: `${what} must be unique; the first is ${what} ${first + 1}` } });
    else seen.set(k.toLowerCase(), i);
  });
}

function checkFields(r: Shape, ctx: Ctx): void {
  unique(ctx, r.fields, (f) => f.id, (i) => ['fields', i, 'id'], 'fields');
  const statusFields = r.fields.filter((f) => f.type === 'status');
  r.fields.forEach((f, i) => {
    if ((BUILT_IN_FIELDS as readonly string[]).includes(f.id)) {
      ctx.addIssue({ code: 'custom', path: ['fields', i, 'id'], message: `"${f.id}" is a field every entry has already`, params: { hint: `choose another id; ${BUILT_IN_FIELDS.join(', ')} are built in` } });
    }
    if (f.type === 'choice' && !f.values) ctx.addIssue({ code: 'custom', path: ['fields', i], message: 'a choice field needs its "values:"', params: { hint: 'list them: "- id: …", "label: …"' } });
    if (f.type !== 'choice' && f.values) ctx.addIssue({ code: 'custom', path: ['fields', i, 'values'], message: `only a choice field has values (this one is ${f.type})`, params: { hint: f.type === 'status' ? 'a status field takes its values from "legend:"' : 'remove "values:" or make the type "choice"' } });
    if (f.values) unique(ctx, f.values, (v) => v.id, (j) => ['fields', i, 'values', j, 'id'], fieldName(['fields', i, 'values']));
    if (f.shown_with !== undefined && (f.shown_with === f.id || !r.fields.some((g) => g.id === f.shown_with))) {
      ctx.addIssue({ code: 'custom', path: ['fields', i, 'shown_with'], message: `"${f.shown_with}" is not another field of this report`, params: { hint: didYouMean(f.shown_with, r.fields.filter((g) => g !== f).map((g) => g.id), 'fields') } });
    }
    f.values?.forEach((v, j) => {
      if (Boolean(v.report) !== Boolean(v.value)) {
        ctx.addIssue({ code: 'custom', path: ['fields', i, 'values', j], message: 'needs both "report:" and "value:" to point to a value of another report', params: { hint: 'add the missing one, or remove both' } });
      }
    });
  });
  if (statusFields.length > 1) {
    ctx.addIssue({ code: 'custom', path: ['fields', r.fields.indexOf(statusFields[1]!), 'type'], message: 'a report has one status field at most', params: { hint: 'make the others "choice" fields with their own values' } });
  }
  if (statusFields.length && r.legend.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['legend'], message: 'is needed by the status field', params: { hint: 'add at least one item: "- id: …", "label: …", "colour: …"' } });
  }
}

function checkLegend(r: Shape, ctx: Ctx): void {
  const all = r.legend.flatMap((l, i) => [
    { id: l.id, path: ['legend', i, 'id'] },
    ...(l.children ?? []).map((c, j) => ({ id: c.id, path: ['legend', i, 'children', j, 'id'] })),
  ]);
  unique(ctx, all, (x) => x.id, (i) => all[i]!.path, 'legend');
  r.legend.forEach((l, i) => {
    if (!l.children && !l.colour) ctx.addIssue({ code: 'custom', path: ['legend', i, 'colour'], message: 'is required but missing', params: { hint: 'e.g. colour: "#d9ead3"' } });
  });
}

function checkSections(r: Shape, ctx: Ctx): void {
  unique(ctx, r.sections, (s) => s.id, (i) => ['sections', i, 'id'], 'sections');
  const headings = r.sections.flatMap((s, i) => [s.heading, ...(s.aliases ?? [])].map((h) => ({ h: h.toLowerCase().replace(/\s+/g, ' '), i })));
  unique(ctx, headings, (x) => x.h, (k) => ['sections', headings[k]!.i, 'heading'], 'section headings');
}

function checkColumns(r: Shape, ctx: Ctx): void {
  const ids = [...r.sections.filter((s) => s.in_table).map((s) => s.id), ...r.fields.filter((f) => f.column).map((f) => f.id)];
  r.columns?.forEach((id, i) => {
    if (!ids.includes(id)) ctx.addIssue({ code: 'custom', path: ['columns', i], message: `"${id}" is not a column of the table`, params: { hint: `${didYouMean(id, ids, 'columns')} (a field with "column: true" or a section in the table)` } });
  });
}

function checkFacets(r: Shape, ctx: Ctx): void {
  unique(ctx, r.facets, (f) => f.field, (i) => ['facets', i, 'field'], 'facets');
  unique(ctx, r.facets, (f) => f.path, (i) => ['facets', i, 'path'], 'facet paths');
  const choiceFields = r.fields.filter((f) => CHOICE_TYPES.includes(f.type)).map((f) => f.id);
  r.facets.forEach((f, i) => {
    if (!choiceFields.includes(f.field)) {
      ctx.addIssue({ code: 'custom', path: ['facets', i, 'field'], message: `"${f.field}" is not a choice or status field of this report`, params: { hint: choiceFields.length ? didYouMean(f.field, choiceFields, 'choice and status fields') : 'declare a field of type "choice" or "status" first' } });
    }
    if ((RESERVED_ENTRY_IDS as readonly string[]).includes(f.path)) {
      ctx.addIssue({ code: 'custom', path: ['facets', i, 'path'], message: `"${f.path}" is used by the report’s own pages`, params: { hint: `choose another; not one of ${RESERVED_ENTRY_IDS.join(', ')}` } });
    }
  });
  if (r.group_by !== undefined) {
    const field = r.fields.find((f) => f.id === r.group_by);
    if (!field || !CHOICE_TYPES.includes(field.type) || field.multiple || !field.required) {
      const ids = r.fields.filter((f) => CHOICE_TYPES.includes(f.type) && !f.multiple && f.required).map((f) => f.id);
      ctx.addIssue({ code: 'custom', path: ['group_by'], message: `"${r.group_by}" is not a required choice field with one value per entry`, params: { hint: ids.length ? didYouMean(r.group_by, ids, 'fields that can group rows') : 'declare a required choice field (without "multiple") first, or leave out group_by' } });
    }
  }
}

export const reportSchema = reportShape.superRefine((r, ctx) => {
  checkFields(r, ctx);
  checkLegend(r, ctx);
  checkSections(r, ctx);
  checkFacets(r, ctx);
  checkColumns(r, ctx);
  checkReference(r, ctx);
});

/** What report.yaml says, after defaults: the declarations every other part reads. */
export type ReportFile = z.output<typeof reportSchema>;
export type FieldDecl = ReportFile['fields'][number];
export type SectionDecl = ReportFile['sections'][number];
export type LegendEntry = ReportFile['legend'][number];
export type LegendItem = z.output<typeof legendItemSchema>;
export type FacetDecl = ReportFile['facets'][number];
export type ChoiceValue = z.output<typeof choiceValueSchema>;
