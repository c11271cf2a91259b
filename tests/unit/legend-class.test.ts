/**
 * Classes made from an editor's legend ids never meet the layout's classes:
 * each is `legend--<id>`, and no stylesheet of the site (src/**.css, .astro
 * <style>) styles a class with that prefix. So a legend id such as `panel`
 * (which the id rules allow) cannot restyle an entry page's `.status-panel`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import { LEGEND_CLASS_PREFIX, legendClass } from '../../src/core/legend-class.ts';
import { legendCss } from '../../src/core/legend.ts';
import { loadContent } from '../../src/core/load.ts';
import type { Report } from '../../src/core/model.ts';
import { ID_PATTERN } from '../../src/core/schema/primitives.ts';
import { ROOT } from '../helpers/paths.ts';

const SMALL = resolve(import.meta.dirname, '../fixtures/small');
const sample = loadContent(SMALL, { root: SMALL }).content!.reports[0]!;

/** Every stylesheet under src/: .css files and the <style> elements of .astro files. */
function stylesheets(dir = join(ROOT, 'src')): { file: string; css: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = join(dir, e.name);
    if (e.isDirectory()) return stylesheets(file);
    if (e.name.endsWith('.css')) return [{ file, css: readFileSync(file, 'utf8') }];
    if (e.name.endsWith('.astro')) return [...readFileSync(file, 'utf8').matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => ({ file, css: m[1]! }));
    return [];
  });
}

/** The class names a stylesheet's selectors name. */
function classesOf(css: string): Set<string> {
  const found = new Set<string>();
  postcss.parse(css).walkRules((rule) => {
    for (const m of rule.selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)) found.add(m[1]!);
  });
  return found;
}

describe('classes from legend ids', () => {
  const layout = new Map(stylesheets().flatMap(({ file, css }) => [...classesOf(css)].map((c) => [c, file] as const)));

  it('reads the layout’s stylesheets', () => {
    // The reader finds the classes it must keep apart from (the tag and the entry page's status panel).
    expect(layout.has('tag')).toBe(true);
    expect(layout.has('status-panel')).toBe(true);
  });

  it('no layout class starts with the prefix of generated classes', () => {
    expect([...layout].filter(([c]) => c.startsWith(LEGEND_CLASS_PREFIX))).toEqual([]);
  });

  it('a legend id equal to a layout class gives a class of its own', () => {
    const ids = ['panel', 'status-panel', 'tag', 'bar', 'legend', 'entry-row', 'none'];
    for (const id of ids) expect(ID_PATTERN.test(id), id).toBe(true);
    // The same report with its legend ids renamed to layout class names.
    const clashing: Report = { ...sample, legend: sample.legend.map((l, i) => ({ ...l, id: ids[i]! })) };
    const generated = classesOf(legendCss(clashing));
    expect([...generated].sort()).toEqual(ids.slice(0, sample.legend.length).map(legendClass).sort());
    for (const c of generated) expect(layout.has(c), `${c} is also a layout class (${layout.get(c)})`).toBe(false);
  });

  it('every id the rules allow gives a class that starts with the prefix and names one id', () => {
    for (const id of ['panel', 'a', 'in-progress', '0-9']) {
      expect(legendClass(id)).toBe(`legend--${id}`);
      // Ids have no double hyphen, so the prefix ends where the id begins.
      expect(legendClass(id).slice(LEGEND_CLASS_PREFIX.length)).toBe(id);
    }
    expect(ID_PATTERN.test('x--y')).toBe(false);
  });
});
