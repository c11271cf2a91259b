/**
 * npm run schema: writes schemas/*.schema.json from the zod schemas in
 * src/core/schema/, and schemas/entries/<report>.schema.json for each report
 * of the content folder (CONTENT_DIR, default content/), whose entries' fields
 * its report.yaml declares.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { jsonSchemas, reportsForSchemas } from '../core/json-schema.ts';

const dir = resolve('schemas');
for (const [file, text] of Object.entries(jsonSchemas(reportsForSchemas(resolve(process.env.CONTENT_DIR ?? 'content'))))) {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
  console.log(`wrote schemas/${file}`);
}
