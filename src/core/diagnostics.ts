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
  /** The field (e.g. `theme`, `evidence[0].url`) or part of the file (`body`). */
  field?: string;
  message: string;
  /** How to fix it. */
  hint?: string;
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
