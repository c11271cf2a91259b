import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../src/core/json-schema.ts';

describe('JSON Schema files', () => {
  it('are in sync with the zod schemas (run `npm run schema` after changing src/core/schema.ts)', () => {
    for (const [file, text] of Object.entries(jsonSchemas())) {
      expect(readFileSync(resolve(import.meta.dirname, '../../schemas', file), 'utf8'), file).toBe(text);
    }
  });

  it('describe the entry fields an editor writes', () => {
    const entry = JSON.parse(jsonSchemas()['entry.schema.json']!);
    expect(Object.keys(entry.properties)).toEqual(['title', 'theme', 'status', 'next_phase', 'next_phase_text', 'order', 'evidence', 'updated']);
    expect(entry.required).toEqual(['title', 'theme', 'status', 'next_phase', 'order']);
    expect(entry.additionalProperties).toBe(false);
  });
});
