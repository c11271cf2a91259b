import { load, type CheerioAPI } from 'cheerio';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Parse a built page, e.g. `page(dist, 'phase-2-close-down/')`. */
export function page(dist: string, path: string): CheerioAPI {
  const file = join(dist, path.endsWith('.html') ? path : join(path, 'index.html'));
  if (!existsSync(file)) throw new Error(`no page ${relative(dist, file)} in ${dist}`);
  return load(readFileSync(file, 'utf8'));
}

/** Every HTML file under `dist`, relative to it. */
export function htmlFiles(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) out.push(relative(dist, p));
    }
  };
  walk(dist);
  return out.sort();
}

/** The file a site URL path resolves to in `dist` (directory → index.html), or undefined. */
export function resolveInDist(dist: string, base: string, href: string): string | undefined {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (!href.startsWith(prefix)) return undefined;
  const path = decodeURIComponent(href.slice(prefix.length).split('#')[0]!.split('?')[0]!);
  const candidates = [join(dist, path), join(dist, path, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}
