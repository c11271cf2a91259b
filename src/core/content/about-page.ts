/**
 * A report's page of the site's own notes (report.yaml `about_page:`): a
 * Markdown file in the report's folder, published at /<report>/about/ and
 * not read as an entry. Its Markdown follows the rules of an entry's body
 * (markdown.ts: no raw HTML, no images, only safe links), with the file and
 * line of each problem.
 */
import { join } from 'node:path';
import type { Root, RootContent } from 'mdast';
import { parseChecked, type BodyProblem } from '../markdown-check.ts';
import { renderMarkdown, type MarkdownOptions } from '../markdown-render.ts';
import type { AboutPage } from '../model.ts';
import type { ReportFile } from '../schema.ts';
import { CONTROL_CHARACTER_HINT, controlCharacterLines, controlCharacterMessage } from '../text.ts';
import type { ParsedYaml } from '../yaml.ts';
import { exists, readText, type Reader } from './read.ts';

/** The problems of an about page's Markdown, with lines of its file. */
export function checkAboutPage(markdown: string): BodyProblem[] {
  const checked = parseChecked(markdown, 1, 'this page');
  const problems = [...checked.problems];
  // The page's title is declared in report.yaml and is its only top-level heading.
  const visit = (node: Root | RootContent) => {
    if (node.type === 'heading' && node.depth === 1) {
      problems.push({ line: node.position?.start.line ?? 1, message: 'a "# " heading is not allowed here: the page’s title is "about_page: title:" in report.yaml', hint: 'use "## " for the headings of this page' });
    }
    if ('children' in node) for (const child of node.children) visit(child as RootContent);
  };
  if (checked.tree) visit(checked.tree);
  for (const { line, code } of controlCharacterLines(markdown, 1)) problems.push({ line, message: controlCharacterMessage(code), hint: CONTROL_CHARACTER_HINT });
  return problems.sort((a, b) => a.line - b.line);
}

/**
 * Read, check and render the page a report declares; undefined (with
 * diagnostics) when it is missing or has problems.
 */
export function readAboutPage(reader: Reader, dir: string, declared: NonNullable<ReportFile['about_page']>, yaml: ParsedYaml, reportFile: string, options: MarkdownOptions): AboutPage | undefined {
  const path = join(dir, declared.file);
  const file = reader.rel(path);
  if (!exists(path)) {
    reader.diagnostics.push({
      severity: 'error',
      file: reportFile,
      line: yaml.lineOf(['about_page', 'file']),
      field: 'about_page.file',
      message: `"${declared.file}" is not a file in the report’s folder`,
      hint: `add ${file}, or correct the name`,
    });
    return undefined;
  }
  const text = readText(reader, path);
  if (text === undefined) return undefined;
  const markdown = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const problems = checkAboutPage(markdown);
  for (const p of problems) reader.diagnostics.push({ severity: 'error', file, line: p.line, message: p.message, hint: p.hint });
  if (problems.length) return undefined;
  return { title: declared.title, file, html: renderMarkdown(markdown, options) };
}
