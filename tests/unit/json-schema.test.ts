import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, reportsForSchemas } from '../../src/core/json-schema.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const shipped = () => jsonSchemas(reportsForSchemas(resolve(ROOT, 'content')));

describe('JSON Schema files', () => {
  it('are in sync with the zod schemas (run `npm run schema` after changing src/core/schema.ts)', () => {
    const schemas = shipped();
    expect(Object.keys(schemas)).toContain('entries/phase-2-close-down.schema.json');
    for (const [file, text] of Object.entries(schemas)) {
      expect(readFileSync(resolve(import.meta.dirname, '../../schemas', file), 'utf8'), file).toBe(text);
    }
  });

  it('describe the entry fields an editor writes', () => {
    // Every entry's own fields, and others allowed: each report declares its own.
    const common = JSON.parse(jsonSchemas()['entry.schema.json']!);
    expect(Object.keys(common.properties)).toEqual(['title', 'order', 'evidence', 'updated']);
    expect(common.required).toEqual(['title', 'order']);
    expect(common.additionalProperties).toEqual({});
    // One report's entries exactly: its declared fields, with its choices to pick from.
    const entry = JSON.parse(shipped()['entries/phase-2-close-down.schema.json']!);
    expect(Object.keys(entry.properties)).toEqual(['title', 'theme', 'status', 'next_phase', 'next_phase_text', 'order', 'evidence', 'updated']);
    expect(entry.required).toEqual(['title', 'theme', 'status', 'next_phase', 'order']);
    expect(entry.additionalProperties).toBe(false);
    expect(entry.properties.status.enum).toContain('move-to-phase-3');
    expect(entry.properties.next_phase.anyOf[1].items.enum).toContain('continuous-improvement');
  });
});
