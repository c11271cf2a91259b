/**
 * The parses of entry and report.yaml versions that reading history made,
 * kept between builds in a cache folder (HISTORY_CACHE, default
 * node_modules/.cache/improvement-report/history, as the PDF's cache), one
 * file keyed by git blob id. A blob id changes with the file's content, so a
 * kept parse is never stale for its content; the file also carries a digest
 * of the code that parses (src/core/history/parse.ts and the frontmatter and
 * YAML readers, with the versions of their libraries), and is ignored when
 * that code has changed. Only the versions the last build used are kept.
 * A missing, unreadable or outdated file means parsing everything, as
 * without a cache; failing to write it is not an error.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { ParseCache, type SavedParses } from '../core/history/parse.ts';
import { readHistory } from '../core/history/read.ts';
import { codeDigest } from './code-digest.ts';
import type { History } from '../core/history/types.ts';

export function historyCacheFile(): string {
  return join(resolve(process.env.HISTORY_CACHE ?? 'node_modules/.cache/improvement-report/history'), 'parses.bin');
}

/** A digest of the code whose output the cache holds. */
function codeVersion(): string {
  return codeDigest(
    ['../core/history/parse.ts', '../core/frontmatter.ts', '../core/yaml.ts'].map((file) => fileURLToPath(new URL(file, import.meta.url))),
    ['yaml', 'gray-matter'],
  );
}

type Saved = { version: string; parses: SavedParses };

/** The parses kept by the last build, in a ParseCache (empty without them). */
export function loadParses(file = historyCacheFile()): ParseCache {
  try {
    const saved = deserialize(readFileSync(file)) as Saved;
    if (saved.version === codeVersion()) return new ParseCache(saved.parses);
  } catch {
    /* no cache yet, or unreadable: parse everything */
  }
  return new ParseCache();
}

/** Keeps the parses this build used for the next one (written whole, then renamed into place). */
export function saveParses(cache: ParseCache, file = historyCacheFile()): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, serialize({ version: codeVersion(), parses: cache.save() } satisfies Saved));
    renameSync(temp, file);
  } catch {
    /* a cache that cannot be written: the next build parses again */
  }
}

/** The content's history, read with the parses kept by the last build; `keep` saves this build's for the next (call it once the history is passed on). */
export async function readHistoryCached(dir: string): Promise<{ history: History; keep: () => void }> {
  const cache = loadParses();
  const history = await readHistory(dir, { cache });
  return { history, keep: () => cache.parses > 0 && saveParses(cache) };
}
