/**
 * Limits checked before any text is parsed. remark (micromark) needs time
 * that grows steeply with nesting (1,000 list levels take half a minute) and
 * its tree walkers recurse, so a line of 10,000 ">" overflows the stack. Real
 * content is far inside these limits: a paragraph is a few hundred
 * characters, and a list or quote is rarely nested more than three deep.
 */

/** Longest line accepted in any content file, in characters. */
export const MAX_LINE_LENGTH = 5000;
/** Deepest nesting of block quotes and lists accepted in Markdown. */
export const MAX_NESTING = 15;

export interface LimitProblem {
  line: number;
  message: string;
  hint?: string;
}

/**
 * The first line longer than MAX_LINE_LENGTH, if any.
 * @param firstLine the line of the file on which `text` starts
 */
export function longLine(text: string, firstLine = 1, hint = LONG_LINE_HINT): LimitProblem | undefined {
  let start = 0;
  for (let line = firstLine; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const length = end - start;
    if (length > MAX_LINE_LENGTH) {
      return {
        line,
        message: `this line is ${length.toLocaleString('en-GB')} characters long, more than the ${MAX_LINE_LENGTH.toLocaleString('en-GB')} allowed`,
        hint,
      };
    }
    start = end + 1;
  }
  return undefined;
}

const LONG_LINE_HINT = 'break it into shorter lines: a single line break inside a paragraph does not show on the page; or remove pasted data';

/** A block-quote marker, with the space after it. */
const QUOTE = /^ {0,3}>[ \t]?/;
/** A list-item marker ("-", "*", "+", "1." or "1)") and the spaces after it. */
const ITEM = /^([-*+]|\d{1,9}[.)])([ \t]+|$)/;

/**
 * The first line nested deeper than MAX_NESTING in block quotes and lists.
 * Counts the markers at the start of each line, and the list items the line
 * is indented under (an estimate that errs on the deep side; real content is
 * far from the limit either way).
 */
export function tooDeep(markdown: string, firstLine = 1): LimitProblem | undefined {
  /** Content columns of the list items open above the current line. */
  const open: number[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let rest = lines[i]!.replace(/\t/g, '    ');
    if (rest.trim() === '') continue;
    let quotes = 0;
    for (let m = QUOTE.exec(rest); m; m = QUOTE.exec(rest)) {
      quotes++;
      rest = rest.slice(m[0].length);
      if (quotes > MAX_NESTING) break;
    }
    let column = rest.length - rest.trimStart().length;
    rest = rest.trimStart();
    const item = ITEM.exec(rest);
    if (item) {
      // A list item closes the items it is not indented under.
      while (open.length && open.at(-1)! > column) open.pop();
      for (let m: RegExpExecArray | null = item; m && open.length + quotes <= MAX_NESTING; m = ITEM.exec(rest)) {
        column += m[0].length;
        open.push(column);
        rest = rest.slice(m[0].length);
        // "- > - > text": quotes may sit between the items.
        for (let q = QUOTE.exec(rest); q; q = QUOTE.exec(rest)) {
          quotes++;
          column += q[0].length;
          rest = rest.slice(q[0].length);
        }
      }
    }
    const depth = quotes + (item ? open.length : open.filter((c) => c <= column).length);
    if (depth > MAX_NESTING) {
      return {
        line: firstLine + i,
        message: `block quotes or lists are nested more than ${MAX_NESTING} levels deep here`,
        hint: 'a line may start with only a few ">" or "- "; remove the extra ones',
      };
    }
  }
  return undefined;
}
