/**
 * The hidden folders a build keeps beside its output folder (dist/):
 * `.dist.building-<pid>`, where the new site is built, `.dist.old-<pid>`,
 * where the previous site waits during the swap, and `.dist.cache-<pid>`,
 * Astro's cache folder for this build only (Astro bundles the content from a
 * data store file in its cache folder, which `astro sync`, run by `npm run
 * typecheck` without the build lock, also writes: in a folder shared by the
 * project a concurrent sync could put other content into the build). A build that was killed
 * outright (`kill -9`, a lost machine) cannot remove its own; the next build
 * removes those of builds that are no longer running, and leaves alone those
 * of a build that still is.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pidAlive } from './build-lock.ts';

export function buildFolders(outDir: string, pid = process.pid): { temp: string; old: string; cache: string } {
  const name = basename(outDir);
  return {
    temp: join(dirname(outDir), `.${name}.building-${pid}`),
    old: join(dirname(outDir), `.${name}.old-${pid}`),
    cache: join(dirname(outDir), `.${name}.cache-${pid}`),
  };
}

export interface Leftovers {
  /** Folders removed. */
  removed: string[];
  /** The previous site, put back in the output folder from a swap cut short. */
  restored?: string;
  /** The previous site, which could not be put back, with the error code. */
  unrestored?: { path: string; code: string };
  /** Folders that could not be removed, with the error code. */
  failed: { path: string; code: string }[];
}

/** Removes the hidden folders of earlier builds beside `outDir` whose process has died. */
export function clearLeftovers(outDir: string): Leftovers {
  const dir = dirname(outDir);
  const pattern = new RegExp(`^\\.${basename(outDir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(building|old|cache)-(\\d+)$`);
  const found: { path: string; kind: string }[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return { removed: [], failed: [] };
  }
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    const pid = Number(match[2]);
    if (pid === process.pid || pidAlive(pid)) continue;
    found.push({ path: join(dir, name), kind: match[1]! });
  }
  const result: Leftovers = { removed: [], failed: [] };
  // Killed between the swap's two renames: the output folder is gone and the previous site waits aside. Put it back.
  const olds = found.filter((f) => f.kind === 'old');
  if (!existsSync(outDir) && olds.length > 0) {
    const newest = olds.sort((a, b) => statSync(b.path).mtimeMs - statSync(a.path).mtimeMs)[0]!;
    // Never removed, even if it cannot be put back: it may be the only copy of the site.
    found.splice(found.indexOf(newest), 1);
    try {
      renameSync(newest.path, outDir);
      result.restored = newest.path;
    } catch (error) {
      result.unrestored = { path: newest.path, code: (error as NodeJS.ErrnoException).code ?? String(error) };
    }
  }
  for (const { path } of found) {
    try {
      rmSync(path, { recursive: true, force: true });
      result.removed.push(path);
    } catch (error) {
      result.failed.push({ path, code: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
  }
  return result;
}
