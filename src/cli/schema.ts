/** npm run schema: writes schemas/*.schema.json from the zod schemas in src/core/schema.ts. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { jsonSchemas } from '../core/json-schema.ts';

const dir = resolve('schemas');
mkdirSync(dir, { recursive: true });
for (const [file, text] of Object.entries(jsonSchemas())) {
  writeFileSync(join(dir, file), text);
  console.log(`wrote schemas/${file}`);
}
