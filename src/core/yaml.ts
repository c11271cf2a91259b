/**
 * YAML with positions. We parse with `yaml` (YAML 1.2 core schema) rather than
 * js-yaml's YAML 1.1 defaults so that `status: no` stays the text "no" and a
 * bare date stays the text "2024-03-01", and so that every value keeps its line
 * number for error messages.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { hasCurlyQuotes, quoteYaml, spaceAfterColon } from './messages/hints.ts';
import { CONTROL_CHARACTER_HINT, controlCharacter, controlCharacterMessage } from './text.ts';
import { fieldName } from './diagnostics.ts';

export interface YamlProblem {
  line: number;
  /** The field the problem is in, written like "evidence 1, title" (fieldName). */
  field?: string;
  message: string;
  hint?: string;
}

export interface ParsedYaml {
  data: unknown;
  problems: YamlProblem[];
  /** 1-based line of the value at `path` (or of the nearest parent that exists). */
  lineOf(path: readonly PropertyKey[]): number;
  /** That line as written, for messages that show the line corrected. */
  lineTextOf(path: readonly PropertyKey[]): string;
}

/** A tab in the spaces that indent a line: YAML forbids it, and the parser then trips on the lines after. */
const TAB_INDENT = /^[ ]*(?:-[ ]+)*\t/;

/**
 * @param source YAML text
 * @param lineOffset lines before the YAML in its file (1 for frontmatter after `---`)
 */
export function parseYaml(source: string, lineOffset = 0): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + lineOffset;

  let problems: YamlProblem[] = [];
  for (const error of doc.errors) {
    let pos = error.pos[0];
    // An unclosed quote is noticed lines later; point at the line where it opened.
    if (error.code === 'MISSING_CHAR' && /quote/.test(error.message)) pos = openingQuote(source, pos) ?? pos;
    const problem = { line: lineAt(pos), ...explainYamlError(error.code, error.message, source, pos) };
    // One problem per line is enough: the parser often reports the same mistake twice.
    if (!problems.some((p) => p.line === problem.line)) problems.push(problem);
  }
  // After a tab, the parser finds fault with correct lines below it: say only what is wrong, on the tab's line.
  const firstTab = problems.find((p) => p.message === TAB_MESSAGE)?.line;
  if (firstTab !== undefined) problems = problems.filter((p) => p.line < firstTab || p.message === TAB_MESSAGE);
  // A file of one line `status:move-on` is valid YAML, but text rather than a field.
  if (!problems.length && isScalar(doc.contents) && typeof doc.contents.value === 'string') {
    const squeezed = spaceAfterColon(doc.contents.value);
    if (squeezed) problems.push({ line: lineAt(doc.contents.range?.[0] ?? 0), ...squeezed });
  }
  if (!problems.length) problems.push(...controlCharacters(doc, source, lineAt));
  let data: unknown;
  if (!problems.length) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      problems.push(valueProblem(doc, error, lineAt));
    }
  }
  const lines = source.split('\n');

  return {
    data,
    problems,
    lineOf(path) {
      return lineAt(offsetOf(doc, path));
    },
    lineTextOf(path) {
      return lines[lineCounter.linePos(offsetOf(doc, path)).line - 1] ?? '';
    },
  };
}

/**
 * Every value (and field name) that holds a control character, with its field
 * and the line of the character itself, or of the value when an escape such as
 * "\a" in double quotes made it.
 */
function controlCharacters(doc: Document, source: string, lineAt: (offset: number) => number): YamlProblem[] {
  const problems: YamlProblem[] = [];
  const fieldOf = fieldName;
  const check = (node: unknown, path: (string | number)[]) => {
    if (!isScalar(node) || typeof node.value !== 'string') return;
    const found = controlCharacter(node.value);
    if (!found) return;
    const [start, end] = node.range ?? [0, 0];
    const raw = controlCharacter(source.slice(start, end));
    problems.push({
      line: lineAt(raw ? start + raw.index : start),
      field: fieldOf(path) || undefined,
      message: controlCharacterMessage(found.code),
      hint: CONTROL_CHARACTER_HINT,
    });
  };
  // Without recursion: a file nested thousands of levels deep must get its own message (valueProblem), not a crash here.
  const stack: [unknown, (string | number)[]][] = [[doc.contents, []]];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    if (isMap(node)) {
      for (const pair of [...node.items].reverse()) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        check(pair.key, [...path, key]);
        stack.push([pair.value, [...path, key]]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push([item, [...path, i]]));
    } else check(node, path);
  }
  problems.sort((a, b) => a.line - b.line);
  return problems;
}

/**
 * Turning the parsed YAML into values failed: most likely aliases (`*name`)
 * that expand to a huge value (an "alias bomb"), which the library refuses.
 */
function valueProblem(doc: Document, error: unknown, lineAt: (offset: number) => number): YamlProblem {
  let alias: { name: string; offset: number } | undefined;
  visit(doc, {
    Alias(_, node) {
      alias = { name: node.source, offset: node.range?.[0] ?? 0 };
      return visit.BREAK;
    },
  });
  if (alias && /alias/i.test(String(error))) {
    return {
      line: lineAt(alias.offset),
      message: `uses too many YAML aliases (*${alias.name})`,
      hint: 'write the values out in full instead of repeating them with "*name"',
    };
  }
  const reason = error instanceof RangeError ? 'it is nested too deeply' : error instanceof Error ? error.message : String(error);
  return { line: lineAt(0), message: `cannot be read as YAML: ${reason}`, hint: 'simplify the file, or undo its latest change' };
}

function offsetOf(doc: Document, path: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

const TAB_MESSAGE = 'a tab is used for indenting on this line; YAML needs spaces';

/** Turn the YAML library's wording into something an editor can act on. */
function explainYamlError(code: string, message: string, source: string, pos: number): { message: string; hint?: string } {
  const lineText = source.slice(source.lastIndexOf('\n', pos - 1) + 1).split('\n')[0] ?? '';
  if (code === 'DUPLICATE_KEY') {
    const key = /"([^"]+)"/.exec(message)?.[1] ?? lineText.split(':')[0]?.trim();
    return { message: `the field "${key}" is written twice`, hint: 'keep one of them and delete the other' };
  }
  if (TAB_INDENT.test(lineText) || code === 'TAB_AS_INDENT') {
    return { message: TAB_MESSAGE, hint: 'replace the tab with spaces, lined up with the lines above it' };
  }
  if (/\t/.test(lineText)) {
    return { message: 'a tab is used on this line', hint: 'YAML needs spaces: replace the tab with a space' };
  }
  if (code === 'MISSING_CHAR' && /quote/.test(message)) {
    return { message: 'a quotation mark is opened on this line but never closed', hint: 'add the closing quotation mark at the end of the value' };
  }
  const squeezed = spaceAfterColon(lineText);
  if (squeezed) return squeezed;
  if (code === 'BLOCK_AS_IMPLICIT_KEY' && /:\s.*:\s/.test(lineText)) {
    const [field, ...rest] = lineText.split(': ');
    return {
      message: 'the value on this line contains ": ", which YAML reads as another field',
      hint: hasCurlyQuotes(rest.join(': '))
        ? `put the value in straight quotes: ${field!.trim()}: ${quoteYaml(rest.join(': '))}; YAML does not read “ ” as quotes and would publish them`
        : `put the value in quotes: ${field!.trim()}: ${quoteYaml(rest.join(': '))}`,
    };
  }
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY' || code === 'MISSING_CHAR') {
    return {
      message: 'this line is not valid YAML',
      hint: 'each line should read "field: value"; put text that contains ": " or starts with a quote in double quotes',
    };
  }
  if (code === 'BAD_INDENT') {
    return { message: 'the indentation of this line does not match the lines around it', hint: 'line it up with the other items at the same level, using spaces' };
  }
  const first = message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
  return { message: `not valid YAML: ${first}`, hint: 'check quotes, colons and indentation on this line' };
}

/** The start of the last line before `pos` with an odd number of double or single quotes. */
function openingQuote(source: string, pos: number): number | undefined {
  const lines = source.slice(0, pos).split('\n');
  let offset = pos - (lines.at(-1)?.length ?? 0);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (i < lines.length - 1) offset -= line.length + 1;
    const value = line.slice(line.indexOf(':') + 1);
    if ((value.split('"').length - 1) % 2 === 1 || (/^\s*'/.test(value) && (value.split("'").length - 1) % 2 === 1)) return offset;
  }
  return undefined;
}
