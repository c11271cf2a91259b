/** Markdown to HTML and plain text: remark, the glossary's <abbr> plugin, remark-rehype and rehype-stringify. */
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeStringify from 'rehype-stringify';
import { remark } from 'remark';
import remarkRehype from 'remark-rehype';
import type { Root as HastRoot } from 'hast';
import { unified, type PluggableList, type Processor } from 'unified';
import type { Glossary } from './glossary.ts';
import remarkAbbr from './remark-abbr.ts';

export interface Section {
  /** HTML for the cell; empty when the plan records nothing. */
  html: string;
  /** Plain text, for search, CSV and summaries. */
  text: string;
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

/** Render a free Markdown text (a report's introduction) to HTML; check it with `checkMarkdown` first. */
export function renderMarkdown(markdown: string, options: MarkdownOptions = {}): string {
  return renderNodes((parser.parse(markdown) as Root).children, options).html;
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

export function renderNodes(children: RootContent[], options: MarkdownOptions): Section {
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
