/**
 * JSON Schema for editors' autocompletion and inline checks, generated from the
 * zod schemas (zod 4's own z.toJSONSchema), so it can never drift from them.
 * An entry's fields are its report's own: `entry.schema.json` has the fields
 * every entry has (and allows others); `entries/<report>.schema.json` is the
 * exact schema for one report's entries, with its choices as lists to pick from.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { glossarySchema } from './glossary.ts';
import { builtInShape, entrySchemaFor, reportSchema, siteSchema, type ReportFile } from './schema.ts';
import { parseYaml } from './yaml.ts';

const SCHEMAS = {
  'site.schema.json': { schema: siteSchema, title: 'Site settings (content/site.yaml)' },
  'report.schema.json': { schema: reportSchema, title: 'A report (content/reports/<report>/report.yaml)' },
  'glossary.schema.json': { schema: glossarySchema, title: 'The glossary (content/glossary.yaml)' },
  'entry.schema.json': {
    schema: z.looseObject(builtInShape('Title')),
    title: 'An entry’s frontmatter (content/reports/<report>/<entry>.md): the fields every entry has; its report.yaml declares the others (see entries/<report>.schema.json)',
  },
} as const;

const toJson = (schema: z.ZodType, title: string) =>
  // "input": what an editor writes (defaults may be left out). Checks that JSON Schema
  // cannot express (real calendar dates, safe links) are left to `npm run check`.
  `${JSON.stringify({ ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }), title }, null, 2)}\n`;

/** File name (relative to schemas/) → JSON text; one entry schema per report given. */
export function jsonSchemas(reports: readonly { id: string; report: ReportFile }[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, { schema, title }] of Object.entries(SCHEMAS)) out[file] = toJson(schema, title);
  for (const { id, report } of reports) {
    out[`entries/${id}.schema.json`] = toJson(entrySchemaFor(report, undefined, true), `An entry of the report "${id}" (content/reports/${id}/<entry>.md)`);
  }
  return out;
}

/** The valid reports of a content folder, for their entry schemas (a report with errors is left out: `npm run check` names them). */
export function reportsForSchemas(contentDir: string): { id: string; report: ReportFile }[] {
  const dir = join(contentDir, 'reports');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((id) => {
      const file = join(dir, id, 'report.yaml');
      if (!existsSync(file)) return [];
      const parsed = reportSchema.safeParse(parseYaml(readFileSync(file, 'utf8')).data);
      return parsed.success ? [{ id, report: parsed.data }] : [];
    });
}
