/**
 * The rules every Markdown text follows (an entry's body, a Markdown field of
 * report.yaml, an about page): within the size limits, no raw HTML, no images,
 * only safe links. Problems come with the line and a fix.
 */
import type { Root, RootContent } from 'mdast';
import { remark } from 'remark';
import { tooDeep } from './markdown-limits.ts';
import { BACKSLASH_IN_LINK, isSafeHref } from './schema.ts';

export interface BodyProblem {
  line: number;
  message: string;
  hint?: string;
}

const parser = remark();

/**
 * The rules every Markdown text follows, an entry's body or a Markdown field
 * of report.yaml alike: within the size limits, no raw HTML, no images, only
 * safe links. Parses only when the limits are met (then `tree` is set).
 * @param firstLine the line of the file on which `markdown` starts
 * @param where where the text is, for messages: "an entry", "report.yaml"
 */
export function parseChecked(markdown: string, firstLine = 1, where = 'an entry'): { tree?: Root; problems: BodyProblem[] } {
  const deep = tooDeep(markdown, firstLine);
  if (deep) return { problems: [deep] };
  const tree = parser.parse(markdown) as Root;
  const lineOf = (node: { position?: { start: { line: number } } }) => (node.position?.start.line ?? 1) + firstLine - 1;
  const nested = tooNested(tree, lineOf);
  if (nested) return { problems: [nested] };
  return { tree, problems: [...findRawHtml(tree, lineOf, where), ...findUnsafeLinks(tree, lineOf, where)] };
}

/** The problems of a Markdown text, by the rules of `parseChecked`. */
export function checkMarkdown(markdown: string, firstLine = 1, where = 'an entry'): BodyProblem[] {
  return parseChecked(markdown, firstLine, where).problems;
}

/** Deeper than any real text; the recursive tree walkers (ours, remark-rehype's) stay far from the stack's end. */
const MAX_TREE_DEPTH = 200;

/** A safety net behind `tooDeep`: the first node nested deeper than MAX_TREE_DEPTH, found without recursion. */
function tooNested(tree: Root, lineOf: (n: RootContent) => number): BodyProblem | undefined {
  const stack: [Root | RootContent, number][] = [[tree, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_TREE_DEPTH) {
      return { line: lineOf(node as RootContent), message: 'the text is nested too deeply here (quotes, lists, emphasis or links inside each other)', hint: 'simplify this part: remove the extra ">", "- ", "*" or "["' };
    }
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return undefined;
}

/** Raw HTML is refused: it could carry scripts, styles or frames into a public site. */
function findRawHtml(tree: Root, lineOf: (n: RootContent) => number, where: string): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const visit = (node: Root | RootContent) => {
    if (node.type === 'html') {
      // "<b>text</b>" is two nodes: report the opening tag only.
      if (/^<\//.test(node.value.trim())) return;
      const tag = /<\/?\s*([a-zA-Z][\w-]*)/.exec(node.value)?.[1]?.toLowerCase();
      problems.push({
        line: lineOf(node),
        message: tag ? `HTML is not allowed in ${where} (found <${tag}>)` : `HTML is not allowed in ${where}`,
        hint: 'write plain Markdown: "- " for a list item, **bold**, [link text](https://…)',
      });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as RootContent);
  };
  visit(tree);
  return problems;
}

/** Links in the body follow the same rule as evidence links; images would load from elsewhere. */
function findUnsafeLinks(tree: Root, lineOf: (n: RootContent) => number, where: string): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const visit = (node: Root | RootContent) => {
    if (node.type === 'image' || node.type === 'imageReference') {
      problems.push({ line: lineOf(node), message: `images are not allowed in ${where}`, hint: 'link to the document instead: [title](https://…)' });
    } else if ((node.type === 'link' || node.type === 'definition') && !isSafeHref(node.url)) {
      problems.push({
        line: lineOf(node),
        message: node.url.includes('\\') ? `the link "${node.url}" ${BACKSLASH_IN_LINK}` : `the link "${node.url}" is not allowed`,
        hint: node.url.includes('\\')
          ? 'write "/" instead of "\\"; links must start with https://, http://, mailto: or / (a page of this site)'
          : 'links must start with https://, http://, mailto: or / (a page of this site)',
      });
    }
    if ('children' in node) for (const child of node.children) visit(child as RootContent);
  };
  visit(tree);
  return problems;
}
