/**
 * The body of an entry: Markdown with the sections its report declares
 * (report.yaml, `sections`), each under a "## " heading. remark parses it,
 * we split the tree at its level-2 headings, and each section is rendered to
 * HTML on its own so the table can put it in its own cell.
 */
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeStringify from 'rehype-stringify';
import { remark } from 'remark';
import remarkRehype from 'remark-rehype';
import type { Root as HastRoot } from 'hast';
import { unified, type PluggableList, type Processor } from 'unified';
import type { Glossary } from './glossary.ts';
import remarkAbbr from './remark-abbr.ts';
import { distance } from 'fastest-levenshtein';
import { tooDeep } from './markdown-limits.ts';
import { BACKSLASH_IN_LINK, isSafeHref, type SectionDecl } from './schema.ts';
import { nearest } from './suggest.ts';
import { CONTROL_CHARACTER_HINT, controlCharacterLines, controlCharacterMessage } from './text.ts';

/** What parseBody needs of a declared section. */
export type SectionSpec = Pick<SectionDecl, 'id' | 'heading' | 'aliases' | 'required'>;

export interface Section {
  /** HTML for the cell; empty when the plan records nothing. */
  html: string;
  /** Plain text, for search, CSV and summaries. */
  text: string;
}

export type Sections = Record<string, Section>;

export interface BodyProblem {
  line: number;
  message: string;
  hint?: string;
}

export interface ParsedBody {
  sections: Sections;
  problems: BodyProblem[];
}

export interface MarkdownOptions {
  /** Extra remark (mdast) plugins run on each section. */
  remarkPlugins?: PluggableList;
  /**
   * Mark the first use of each term in each section (or text) with <abbr>.
   * Sections are shown apart (an entry page shows both, the theme pages only
   * the outstanding one), so each marks its own; a page that shows several
   * keeps the first on the page with `firstUseOnPage` (remark-abbr.ts).
   */
  glossary?: Glossary;
  /**
   * false: parse and check only, without making HTML and text (sections come
   * back empty). For `npm run check`, which reports problems and shows no page;
   * rendering finds no problems of its own, so the messages are the same.
   */
  render?: boolean;
}

/** The plugins for one section or text. */
function pluginsFor(options: MarkdownOptions): PluggableList {
  return [...(options.remarkPlugins ?? []), ...(options.glossary ? [[remarkAbbr, { glossary: options.glossary }] as const] : [])] as PluggableList;
}

const parser = remark();

function normaliseHeading(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

function sectionFor(heading: string, sections: readonly SectionSpec[]): string | undefined {
  const wanted = normaliseHeading(heading);
  return sections.find((s) => normaliseHeading(s.heading) === wanted || (s.aliases ?? []).some((a) => normaliseHeading(a) === wanted))?.id;
}

/**
 * The declared section a heading was probably meant to be, when it is not one:
 * the same words with a trailing colon or full stop, a different heading
 * level, or a small typo ("## Next Steps:" → "Next steps").
 */
function sectionMeant(heading: string, sections: readonly SectionSpec[]): SectionSpec | undefined {
  const loose = (t: string) => normaliseHeading(t).replace(/[\s:;.,–—-]+$/, '');
  const names = sections.flatMap((s) => [s.heading, ...(s.aliases ?? [])].map((h) => [loose(h), s] as const));
  const wanted = loose(heading);
  const exact = names.find(([h]) => h === wanted);
  if (exact) return exact[1];
  const guess = wanted.length >= 4 ? nearest(wanted, names.map(([h]) => h)) : undefined;
  return guess !== undefined && distance(guess, wanted) <= 2 ? names.find(([h]) => h === guess)?.[1] : undefined;
}

/** `"## A" or "## B"`, for hints. */
function headingList(sections: readonly SectionSpec[]): string {
  const list = sections.map((s) => `"## ${s.heading}"`);
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list.at(-1)}` : (list[0] ?? '');
}

/**
 * Bullets pasted from Word or a web page ("•", "◦", "▪" and a space or tab at
 * the start of a line) as Markdown list items ("- "), so that each is an item
 * of its own instead of running on into the item above. One line stays one
 * line, so messages keep their line numbers.
 */
export function wordBullets(markdown: string): string {
  return markdown.replace(/^[ \t]*[•◦▪‣●][ \t]+/gm, '- ');
}

/**
 * @param body Markdown after the frontmatter
 * @param bodyLine the line of the file on which `body` starts, for messages
 * @param sections the sections its report declares
 */
export function parseBody(body: string, bodyLine = 1, options: MarkdownOptions = {}, sections: readonly SectionSpec[] = []): ParsedBody {
  const checked = parseChecked(wordBullets(body), bodyLine, 'an entry');
  if (!checked.tree) return { sections: Object.fromEntries(sections.map((s) => [s.id, EMPTY])), problems: checked.problems };
  const tree = checked.tree;
  const lineOf = (node: { position?: { start: { line: number } } }) => (node.position?.start.line ?? 1) + bodyLine - 1;
  const problems: BodyProblem[] = [];
  const nodes: Record<string, RootContent[]> = Object.fromEntries(sections.map((s) => [s.id, []]));
  const seen = new Set<string>();
  /** The section being read; null under a heading that is not a section. */
  let current: string | null | undefined;
  const none = 'this report declares no sections: remove the text, or declare "sections:" in its report.yaml';

  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) {
      const title = toString(node);
      let key = node.depth === 2 ? sectionFor(title, sections) : undefined;
      const meant = key ? undefined : sectionMeant(title, sections);
      if (meant) {
        // One message, on the heading's line; what follows it belongs to the section meant.
        problems.push({
          line: lineOf(node),
          message: `the heading "${'#'.repeat(node.depth)} ${title}" is not written as the section "## ${meant.heading}"`,
          hint: `change the line to "## ${meant.heading}"`,
        });
        key = meant.id;
      }
      if (!key) {
        problems.push({
          line: lineOf(node),
          message: `"${'#'.repeat(node.depth)} ${title}" is not a section of an entry`,
          hint: sections.length ? `use ${headingList(sections)}; for a smaller heading inside a section use "###"` : none,
        });
        // Its text is not "before the first section heading": the message on the heading says it all.
        current = null;
        continue;
      }
      if (seen.has(key)) {
        problems.push({ line: lineOf(node), message: `the section "${title}" appears twice`, hint: 'merge the two into one section' });
      }
      seen.add(key);
      current = key;
      continue;
    }
    if (current === null) continue;
    if (current === undefined) {
      problems.push({
        line: lineOf(node),
        message: 'text before the first section heading',
        hint: sections.length ? `move it under ${headingList(sections).replace(/ and (?=[^,]*$)/, ' or ')}` : none,
      });
      continue;
    }
    nodes[current]!.push(node);
  }

  for (const s of sections) {
    if (s.required && !seen.has(s.id)) {
      problems.push({
        line: bodyLine,
        message: `the section "## ${s.heading}" is missing`,
        hint: `add a line "## ${s.heading}"; leave it empty if the plan records nothing there`,
      });
    }
  }

  problems.push(...checked.problems);
  // Control characters in the body (those in YAML values, a report.yaml's Markdown included, are found by yaml.ts).
  for (const { line, code } of controlCharacterLines(body, bodyLine)) {
    problems.push({ line, message: controlCharacterMessage(code), hint: CONTROL_CHARACTER_HINT });
  }

  const rendered: Sections = {};
  for (const s of sections) rendered[s.id] = renderNodes(nodes[s.id]!, options);
  return { sections: rendered, problems };
}

const EMPTY: Section = { html: '', text: '' };

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

/** Render a free Markdown text (a report's introduction) to HTML; check it with `checkMarkdown` first. */
export function renderMarkdown(markdown: string, options: MarkdownOptions = {}): string {
  return renderNodes((parser.parse(markdown) as Root).children, options).html;
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

/** One Markdown-to-HTML processor per set of options (a content load uses one set for every entry). */
const processors = new WeakMap<MarkdownOptions, Processor<Root, Root, HastRoot, undefined, undefined>>();
function processorFor(options: MarkdownOptions) {
  let processor = processors.get(options);
  if (!processor) {
    processor = unified().use(pluginsFor(options)).use(remarkRehype).use(rehypeStringify).freeze() as unknown as Processor<Root, Root, HastRoot, undefined, undefined>;
    processors.set(options, processor);
  }
  return processor;
}

function renderNodes(children: RootContent[], options: MarkdownOptions): Section {
  if (children.length === 0 || options.render === false) return { html: '', text: '' };
  const root: Root = { type: 'root', children };
  const processor = processorFor(options);
  // The text first: the plugins may change these nodes, which belong to a tree parsed for this call alone.
  const text = children.map((c) => plainText(c)).join('\n').trim();
  const html = String(processor.stringify(processor.runSync(root))).trim();
  return { html, text };
}

/** List items on their own lines, paragraphs separated: readable in a CSV cell. */
function plainText(node: RootContent, depth = 0): string {
  if (node.type !== 'list') return toString(node);
  const indent = '  '.repeat(depth);
  return node.children
    .map((item) => {
      const text = item.children.filter((c) => c.type !== 'list').map((c) => toString(c)).join(' ');
      const nested = item.children.filter((c) => c.type === 'list').map((c) => `\n${plainText(c, depth + 1)}`);
      return `${indent}- ${text}${nested.join('')}`;
    })
    .join('\n');
}
