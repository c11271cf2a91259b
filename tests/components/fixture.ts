/**
 * The content the component tests render: tests/fixtures/components (a small
 * plan whose legend id `panel` was once the name of a layout class) and the
 * tracker of tests/fixtures/shapes (a legend with stages), read by the same
 * loader as the build.
 */
import { resolve } from 'node:path';
import { loadContent } from '../../src/core/load.ts';
import type { Content } from '../../src/core/model.ts';

function load(dir: string): Content {
  const root = resolve(import.meta.dirname, '../fixtures', dir);
  const result = loadContent(root, { root });
  if (!result.content) throw new Error(`tests/fixtures/${dir} does not load: ${JSON.stringify(result.diagnostics)}`);
  return result.content;
}

/** The site the pages' layout reads (site.yaml, glossary, reports). */
export const content = load('components');
/** What examples are shown with: the plan, and a report whose legend has stages. */
export const context = {
  plan: content.reports[0]!,
  staged: load('shapes').reports.find((r) => r.id === 'tracker')!,
};
