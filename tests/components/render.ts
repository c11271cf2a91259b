/** Render a component with Astro's Container API and read the markup with cheerio. */
import { experimental_AstroContainer } from 'astro/container';
import * as cheerio from 'cheerio';
import type { Examples } from '../../src/components/examples.ts';
import { context } from './fixture.ts';

const container = await experimental_AstroContainer.create();

type Component = Parameters<experimental_AstroContainer['renderToString']>[0];

export async function render(component: Component, props: Record<string, unknown>): Promise<cheerio.CheerioAPI> {
  return cheerio.load(await container.renderToString(component, { props }), null, false);
}

/** Every component that has examples: its path under src/components/, the component and its examples. */
const components = import.meta.glob<{ default: Component }>('../../src/components/**/*.astro', { eager: true });
const examples = import.meta.glob<{ default: Examples }>('../../src/components/**/*.examples.ts', { eager: true });
export const exampled = Object.entries(examples).map(([path, module]) => {
  const astro = path.replace(/\.examples\.ts$/, '.astro');
  if (!components[astro]) throw new Error(`${path} has no component beside it (${astro})`);
  return { name: astro.replace('../../src/components/', ''), component: components[astro].default, examples: module.default };
});
export const componentPaths = Object.keys(components).map((p) => p.replace('../../src/components/', ''));

/** Render one named example of a component. */
export function example(name: string, title: string): Promise<cheerio.CheerioAPI> {
  const found = exampled.find((e) => e.name === name);
  const props = found?.examples[title];
  if (!found || !props) throw new Error(`no example "${title}" of ${name}`);
  return render(found.component, props(context));
}
