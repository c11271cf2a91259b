/**
 * The layers of src/ and the one way imports go between them (the README's
 * "Code layout" states the same order). Reads every module's imports (static,
 * dynamic and `import type`, in .ts files and in .astro frontmatter and
 * scripts) with es-module-lexer, then fails on an import that runs back up a
 * layer and on any cycle between modules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { init, parse } from 'es-module-lexer';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.ts';

const SRC = join(ROOT, 'src');

/**
 * Each layer, lowest first, with the layers it may import from (and itself).
 * Nothing may import a layer above it: src/core knows nothing of Astro or the
 * build; src/build never reaches into the site it builds; the command line
 * only calls into src/build and src/core.
 */
const LAYERS: Record<string, string[]> = {
  i18n: [],
  core: ['i18n'],
  scripts: ['core', 'i18n'],
  build: ['core', 'i18n'],
  site: ['build', 'core', 'i18n'],
  styles: [],
  layouts: ['site', 'core', 'i18n', 'scripts', 'styles'],
  components: ['layouts', 'site', 'core', 'i18n', 'scripts', 'styles'],
  pages: ['components', 'layouts', 'site', 'core', 'i18n', 'scripts', 'styles'],
  routes: ['components', 'layouts', 'site', 'core', 'i18n', 'scripts', 'styles'],
  'content.config.ts': ['site'],
  cli: ['build', 'core'],
};

/** Every source file under src/. */
function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|astro)$/.test(e.name) ? [path] : [];
  });
}

/** The script parts of a file: an .astro file's frontmatter and <script> elements, or all of a .ts file. */
function scripts(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.astro')) return [text];
  const parts = [/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? ''];
  for (const match of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) parts.push(match[1]!);
  return parts;
}

/** The files under src/ that a file imports (packages and node: modules left out). */
function importsOf(file: string): string[] {
  const found = new Set<string>();
  for (const part of scripts(file)) {
    const [imports] = parse(part, file);
    for (const { n } of imports) if (n?.startsWith('.')) found.add(resolve(dirname(file), n.replace(/\?.*$/, '')));
  }
  return [...found].filter((f) => f.startsWith(SRC + '/'));
}

/** The layer of a file: its folder under src/, or its name for a file directly in src/. */
const layerOf = (file: string) => relative(SRC, file).split('/')[0]!;

/** Imports that run back up a layer, one line each. */
function upwardImports(graph: Map<string, string[]>): string[] {
  const wrong: string[] = [];
  for (const [file, imports] of graph) {
    const layer = layerOf(file);
    for (const target of imports) {
      const to = layerOf(target);
      if (to !== layer && !LAYERS[layer]?.includes(to)) wrong.push(`${relative(ROOT, file)} imports ${relative(ROOT, target)} (${layer} may import only ${LAYERS[layer]?.join(', ') || 'itself'})`);
    }
  }
  return wrong;
}

/** Every cycle found by a depth-first walk, as "a → b → a". */
function findCycles(graph: Map<string, string[]>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(SRC, f)).join(' → '));
      return;
    }
    state.set(file, 'open');
    for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file, []);
  return cycles;
}

describe('layers and imports', () => {
  let graph: Map<string, string[]>;
  beforeAll(async () => {
    await init;
    graph = new Map(sources().map((f) => [f, importsOf(f)]));
  });

  it('reads the imports it checks', () => {
    // A lexer that found nothing would pass everything below.
    expect(graph.get(join(SRC, 'site/content-loader.ts'))).toContain(join(SRC, 'core/load.ts'));
    expect(graph.get(join(SRC, 'components/TableFilter/TableFilter.astro'))).toContain(join(SRC, 'scripts/filter-table.ts'));
    expect(graph.get(join(SRC, 'cli/build.ts'))).toContain(join(SRC, 'build/build.ts'));
  });

  it('puts every folder of src/ in a layer', () => {
    const unknown = [...new Set([...graph.keys()].map(layerOf))].filter((l) => !(l in LAYERS));
    expect(unknown, "add the folder to LAYERS here and to the README's code layout").toEqual([]);
  });

  it('never imports from a layer above', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('reports a cycle and a layer run back up when there is one', () => {
    const a = join(SRC, 'core/a.ts');
    const b = join(SRC, 'core/b.ts');
    const page = join(SRC, 'pages/p.astro');
    const fake = new Map([[a, [b]], [b, [a, page]], [page, []]]);
    expect(upwardImports(fake)).toEqual(['src/core/b.ts imports src/pages/p.astro (core may import only i18n)']);
    expect(findCycles(fake)).toEqual(['core/a.ts → core/b.ts → core/a.ts']);
  });
});
