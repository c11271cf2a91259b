/**
 * The names a report's own pages and files take under its address
 * (src/pages/[report]/, and the export files of the registry) are exactly
 * the reserved entry ids: an entry or a facet path may not take one, and a
 * new page there must be reserved.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../src/core/exports/formats.ts';
import { RESERVED_ENTRY_IDS } from '../../src/core/schema.ts';
import { fileOf, INDEXED_PAGES, paths } from '../../src/core/routes.ts';
import { ROOT } from '../helpers/paths.ts';

/**
 * The first name of each file and folder under src/pages/[report]/ (not the
 * dynamic ones), and of each export file (src/site/report-site.ts adds a
 * route at /[report]/<file> for each format of the registry).
 */
function reportNames(): string[] {
  const pages = readdirSync(join(ROOT, 'src/pages/[report]')).filter((name) => !name.startsWith('['));
  const names = [...pages, ...EXPORT_FORMATS.map((f) => f.file)];
  return [...new Set(names.map((n) => n.split('.')[0]!))].sort();
}

describe('reserved entry ids', () => {
  it('are the names of the report’s own pages and files', () => {
    expect([...RESERVED_ENTRY_IDS].sort()).toEqual(reportNames());
  });

  it('include every export file’s name', () => {
    for (const f of EXPORT_FORMATS) expect(RESERVED_ENTRY_IDS).toContain(f.file.split('.')[0]);
  });
});

describe('paths', () => {
  it('put pages in folders and files under the report', () => {
    expect(fileOf(paths.entry('r', 'e'))).toBe('r/e/index.html');
    expect(fileOf(paths.home())).toBe('index.html');
    expect(fileOf(paths.file('r', 'data.csv'))).toBe('r/data.csv');
    expect(paths.changes('r')).toBe('r/changes/');
    expect(paths.changes('r', '2025-06-30')).toBe('r/changes/2025-06-30/');
  });

  it('index the report pages and entry pages for search', () => {
    expect(INDEXED_PAGES).toBe('{*/index.html,*/*/index.html}');
  });
});
