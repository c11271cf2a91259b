/**
 * Reading content files: every file read is recorded (for watchers and
 * summaries), and each problem reading one (too large, unreadable, not UTF-8,
 * YAML syntax) becomes a diagnostic instead of an exception.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { guard, type Diagnostic } from '../diagnostics.ts';
import { longLine } from '../markdown-limits.ts';
import { parseYaml, type ParsedYaml } from '../yaml.ts';
import { kindOf, refusal } from './files.ts';

/** Larger than any real entry by far; a file this big is a mistake (a pasted export, a binary). */
export const MAX_FILE_BYTES = 256 * 1024;

/** Entry files: `.md` (or `.markdown`), in any case. */
export const MARKDOWN_FILE = /\.(md|markdown)$/i;

/** What every reader of content shares: where messages go, and the files read. */
export interface Reader {
  diagnostics: Diagnostic[];
  /** Every file read, relative to `root`. */
  files: string[];
  /** A path as messages give it: relative to the project root. */
  rel(path: string): string;
}

export function createReader(root: string): Reader {
  return { diagnostics: [], files: [], rel: (p: string) => relative(root, p) || p };
}

/** A file's text, or undefined (with a diagnostic) when it is too large, unreadable or not UTF-8. */
export function readText(reader: Reader, path: string): string | undefined {
  const file = reader.rel(path);
  reader.files.push(file);
  // A symbolic link or a special file is refused, never followed (files.ts).
  const refused = refusal(kindOf(path), file);
  if (refused) return void reader.diagnostics.push(refused);
  let bytes: Buffer;
  let text: string;
  try {
    if (statSync(path).size > MAX_FILE_BYTES) {
      reader.diagnostics.push({ severity: 'error', file, line: 1, message: `the file is too large (over ${MAX_FILE_BYTES / 1024} KB)`, hint: 'an entry is a page of text; split it or remove pasted data' });
      return undefined;
    }
    bytes = readFileSync(path);
  } catch (e) {
    reader.diagnostics.push({ severity: 'error', file, message: `cannot be read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
    return undefined;
  }
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const line = loose.slice(0, loose.indexOf('\uFFFD')).split('\n').length;
    reader.diagnostics.push({ severity: 'error', file, line, message: 'the file is not UTF-8 text', hint: 'save it again as "UTF-8" in your editor' });
    return undefined;
  }
  // Checked before any parsing: a huge line makes the parsers slow and the warnings endless.
  const long = longLine(text.replace(/\r\n?/g, '\n'), 1, /\.ya?ml$/i.test(path) ? LONG_YAML_LINE : undefined);
  if (long) return void reader.diagnostics.push({ severity: 'error', file, ...long });
  return text;
}

const LONG_YAML_LINE = 'break the value over several lines: write "field: >" and the text on the lines below it, indented';

export interface YamlFile {
  yaml: ParsedYaml;
  file: string;
  text: string;
}

/** A YAML file parsed with line numbers, or undefined (with diagnostics) when it cannot be read or parsed. */
export function readYamlFile(reader: Reader, path: string): YamlFile | undefined {
  return guard(reader.diagnostics, reader.rel(path), () => {
    const text = readText(reader, path);
    if (text === undefined) return undefined;
    const file = reader.rel(path);
    const yaml = parseYaml(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
    for (const p of yaml.problems) reader.diagnostics.push({ severity: 'error', file, ...p });
    return yaml.problems.length ? undefined : { yaml, file, text };
  });
}

/**
 * Whether a file starts like an entry (a "---" line, after a byte-order mark
 * perhaps), read from its first bytes only: a .txt file saved by an editor
 * that chose the wrong file type.
 */
export function startsLikeEntry(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, head.length, 0);
    return /^(\uFEFF)?---[ \t]*\r?\n/.test(head.subarray(0, n).toString('utf8'));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Anything at `path`, a symbolic link too (reading it then refuses it). */
export function exists(path: string): boolean {
  return kindOf(path) !== 'missing';
}
