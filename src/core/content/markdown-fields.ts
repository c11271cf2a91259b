/**
 * The Markdown written in report.yaml follows the same rules as an entry's
 * body (markdown.ts: no raw HTML, no images, only safe links, within the size
 * limits), with messages in the same `path:line: field: message` form.
 *
 * The introduction and the site's own note (about) are rendered as Markdown. Notes and descriptions are shown
 * as plain text today, so a link in them does nothing; they are checked by
 * the same rules all the same, so that nothing that reads as an unsafe link or
 * as HTML is published, and so that rendering them as Markdown later opens no
 * hole.
 */
import { fieldName, type Diagnostic } from '../diagnostics.ts';
import { checkMarkdown } from '../markdown-check.ts';
import type { ReportFile } from '../schema.ts';
import type { ParsedYaml } from '../yaml.ts';

/** Every Markdown text of a report.yaml, with its path in the file. */
function markdownFields(data: ReportFile): [path: (string | number)[], text: string][] {
  const fields: [(string | number)[], string | undefined][] = [
    [['introduction'], data.introduction],
    [['about'], data.about],
    ...(data.notes ?? []).map((note, i): [(string | number)[], string] => [['notes', i], note]),
    ...data.legend.flatMap((item, i): [(string | number)[], string | undefined][] => [
      [['legend', i, 'description'], item.description],
      ...(item.children ?? []).map((c, j): [(string | number)[], string | undefined] => [['legend', i, 'children', j, 'description'], c.description]),
    ]),
    ...data.fields.flatMap((f, i): [(string | number)[], string | undefined][] => [
      [['fields', i, 'description'], f.description],
      ...(f.values ?? []).map((v, j): [(string | number)[], string | undefined] => [['fields', i, 'values', j, 'description'], v.description]),
    ]),
  ];
  return fields.filter((f): f is [(string | number)[], string] => typeof f[1] === 'string');
}

/**
 * Check every Markdown field of a report.yaml. Each problem is given the line
 * of its field (the YAML layer knows it; a line inside a folded value cannot
 * be traced back reliably).
 * @returns true when every field is clean
 */
export function checkReportMarkdown(data: ReportFile, yaml: ParsedYaml, file: string, diagnostics: Diagnostic[]): boolean {
  let ok = true;
  for (const [path, text] of markdownFields(data)) {
    const line = yaml.lineOf(path);
    const field = fieldName(path);
    for (const p of checkMarkdown(text, 1, 'report.yaml')) {
      ok = false;
      diagnostics.push({ severity: 'error', file, line, field, message: p.message, hint: p.hint });
    }
  }
  return ok;
}
