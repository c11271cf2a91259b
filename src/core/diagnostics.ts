/**
 * Problems found in content, in the terms an editor uses: which file, which
 * line, which field, what is wrong and how to fix it.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Path of the file, relative to the project root when possible. */
  file: string;
  /** 1-based line number, when it is known. */
  line?: number;
  /** The field (e.g. `theme`, `evidence 1, url`: see fieldName) or part of the file (`body`). */
  field?: string;
  message: string;
  /** How to fix it. */
  hint?: string;
}

/**
 * A field's place in a file in an officer's words, not a programmer's:
 * ['evidence', 0, 'date'] → "evidence 1, date" (list items numbered from 1).
 */
export function fieldName(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (const p of path) {
    if (typeof p === 'number' && parts.length) parts[parts.length - 1] += ` ${p + 1}`;
    else parts.push(typeof p === 'number' ? `item ${p + 1}` : String(p));
  }
  return parts.join(', ');
}

/** `path:line: field: message (hint)`, the one-line form shared by `check` and the build. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line ? `${d.file}:${d.line}` : d.file;
  const field = d.field ? `${d.field}: ` : '';
  const hint = d.hint ? ` (${d.hint})` : '';
  const prefix = d.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${prefix}${field}${d.message}${hint}`;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** `2 errors, 1 warning in 21 files` */
export function summarise(diagnostics: readonly Diagnostic[], fileCount: number): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(fileCount, 'file')}`;
}

/** Sort by file, then line, so output is stable and reads top to bottom. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message),
  );
}

/** Thrown by the build when content has errors; its message is the formatted list. */
export class ContentError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(
      `Content has ${errors.length} error${errors.length === 1 ? '' : 's'}:\n` +
        errors.map(formatDiagnostic).join('\n'),
    );
    this.name = 'ContentError';
    this.diagnostics = diagnostics;
  }
}

/**
 * Run the reading of one file; an unexpected failure (a fault of this
 * program, or input beyond what a library copes with) becomes an error for
 * that file instead of ending the whole check, so every other message is
 * still shown.
 */
export function guard<T>(diagnostics: Diagnostic[], file: string, read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    const reason = error instanceof RangeError ? 'its text is nested or repeated too deeply' : error instanceof Error ? error.message : String(error);
    diagnostics.push({
      severity: 'error',
      file,
      message: `could not be read: ${reason}`,
      hint: 'simplify the file, or undo its latest change; if it looks fine, report this message to whoever maintains the site',
    });
    return undefined;
  }
}

/** At most this many problems of one kind per file are listed; a count stands for the rest. */
export const MAX_REPEATS = 20;

/**
 * Keep the first MAX_REPEATS problems of each kind in each file, then one
 * line "… and N more like this". Problems are of one kind when they differ
 * only in quoted words and numbers (e.g. one per unexplained abbreviation).
 */
export function capRepeated(diagnostics: Diagnostic[], max = MAX_REPEATS): Diagnostic[] {
  const kindOf = (d: Diagnostic) =>
    [d.file, d.severity, (d.field ?? '').replace(/\[\d+\]/g, '[]'), d.message.replace(/"[^"]*"|\d+/g, '…')].join('\0');
  const counts = new Map<string, { count: number; last: Diagnostic }>();
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    const key = kindOf(d);
    const seen = counts.get(key) ?? { count: 0, last: d };
    seen.count++;
    counts.set(key, seen);
    if (seen.count <= max) {
      kept.push(d);
      seen.last = d;
    }
  }
  for (const { count, last } of counts.values()) {
    if (count > max) {
      kept.push({
        severity: last.severity,
        file: last.file,
        line: last.line,
        message: `… and ${(count - max).toLocaleString('en-GB')} more like this in ${last.file}`,
        hint: last.hint,
      });
    }
  }
  return kept;
}
