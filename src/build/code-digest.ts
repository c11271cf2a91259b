/**
 * A digest of the code a build's cache depends on: the source files that make
 * what is kept, and the versions of the packages they use. A cache keyed by it
 * (the PDF's, src/build/pdf/step.ts; history's parses, history-cache.ts) is
 * ignored once that code changes. Worked out once per build for each set of
 * files, not once per item kept: neither changes while a build runs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const known = new Map<string, string>();

/** A package's version, or "?" where it cannot be found (the digest then still changes when it appears). */
export function packageVersion(pkg: string): string {
  try {
    let file: string;
    try {
      file = require.resolve(`${pkg}/package.json`);
    } catch {
      // (A package whose exports leave out its package.json: found beside its entry point.)
      const entry = require.resolve(pkg);
      file = join(entry.slice(0, entry.lastIndexOf(`/node_modules/${pkg}/`) + `/node_modules/${pkg}`.length), 'package.json');
    }
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

/** The digest of these files (paths) and packages (names). */
export function codeDigest(files: readonly string[], packages: readonly string[]): string {
  const key = JSON.stringify([files, packages]);
  let digest = known.get(key);
  if (!digest) {
    const hash = createHash('sha256');
    for (const file of files) hash.update(readFileSync(file));
    for (const pkg of packages) hash.update(`${pkg}@${packageVersion(pkg)}`);
    digest = hash.digest('hex');
    known.set(key, digest);
  }
  return digest;
}
