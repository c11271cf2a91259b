/**
 * JSON Schema for editors' autocompletion and inline checks, generated from the
 * zod schemas (zod 4's own z.toJSONSchema), so it can never drift from them.
 */
import { z } from 'zod';
import { glossarySchema } from './glossary.ts';
import { entrySchema, reportSchema, siteSchema } from './schema.ts';

const SCHEMAS = {
  'site.schema.json': { schema: siteSchema, title: 'Site settings (content/site.yaml)' },
  'report.schema.json': { schema: reportSchema, title: 'A report (content/reports/<report>/report.yaml)' },
  'glossary.schema.json': { schema: glossarySchema, title: 'The glossary (content/glossary.yaml)' },
  'entry.schema.json': { schema: entrySchema, title: 'An entry’s frontmatter (content/reports/<report>/<entry>.md)' },
} as const;

/** File name → JSON text. */
export function jsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, { schema, title }] of Object.entries(SCHEMAS)) {
    // "input": what an editor writes (defaults may be left out). Checks that JSON Schema
    // cannot express (real calendar dates, safe links) are left to `npm run check`.
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
    out[file] = `${JSON.stringify({ ...json, title }, null, 2)}\n`;
  }
  return out;
}
