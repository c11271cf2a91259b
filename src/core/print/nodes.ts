/**
 * The printed form of a Markdown text: a small JSON tree that the Typst
 * template (src/build/pdf/report.typ) renders with one recursive function.
 * Every string in it is text, never markup: Typst reads the tree as data
 * (`json(…)`), so "#panic()", "$x$" or "[" in an entry print as written.
 *
 * Made from the HTML the content loader renders from each text's mdast
 * (markdown.ts): the model keeps that HTML, not the tree, and content may
 * hold no HTML of its own, so every element in it is one remark-rehype
 * writes (paragraph, emphasis, link, list, code, abbr, …). parse5 reads it
 * back exactly as a browser would; keeping a second tree per section in the
 * model would have doubled what Astro's data store holds for every entry.
 */
import { parseFragment } from 'parse5';

/** A node: a string is text; `t` is the kind; `c` the children. */
export type PrintNode =
  | string
  | { t: 'p' | 'strong' | 'em' | 'quote' | 'li' | 'heading'; c: PrintNode[] }
  | { t: 'list'; ordered: boolean; start?: number; c: PrintNode[] }
  | { t: 'link'; url: string; c: PrintNode[] }
  | { t: 'abbr'; text: string; title: string }
  | { t: 'code'; text: string }
  | { t: 'br' };

/** What an HTML node is to parse5: only the parts read here. */
interface HtmlNode {
  nodeName: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
}

export interface NodeOptions {
  /**
   * The full address of a link, or undefined to print its text alone (a page
   * of this site when the site has no public address).
   */
  link: (href: string) => string | undefined;
  /** Each abbreviation's meaning, by its text, as it is found (for the glossary appendix). */
  abbreviation?: (text: string, title: string) => void;
}

const BLOCK: Record<string, 'p' | 'quote' | 'li' | 'heading'> = { p: 'p', blockquote: 'quote', li: 'li', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading', h2: 'heading', h1: 'heading' };

function attr(node: HtmlNode, name: string): string | undefined {
  return node.attrs?.find((a) => a.name === name)?.value;
}

function textOf(node: HtmlNode): string {
  if (node.nodeName === '#text') return node.value ?? '';
  return (node.childNodes ?? []).map(textOf).join('');
}

function convert(nodes: readonly HtmlNode[], options: NodeOptions): PrintNode[] {
  const out: PrintNode[] = [];
  for (const node of nodes) {
    const name = node.nodeName;
    const children = () => convert(node.childNodes ?? [], options);
    if (name === '#text') {
      const value = node.value ?? '';
      // Whitespace between blocks ("\n" after </p>) is not text.
      if (value.trim() === '' && value.includes('\n')) continue;
      // As a browser shows it: a line break in the source is a space (Typst would keep it).
      out.push(value.replace(/[ \t\n\r\f]+/g, ' '));
    } else if (name === 'strong' || name === 'b') out.push({ t: 'strong', c: children() });
    else if (name === 'em' || name === 'i') out.push({ t: 'em', c: children() });
    else if (name in BLOCK) out.push({ t: BLOCK[name]!, c: children() });
    else if (name === 'ul' || name === 'ol') {
      const start = Number(attr(node, 'start'));
      out.push({ t: 'list', ordered: name === 'ol', ...(name === 'ol' && start > 1 ? { start } : {}), c: children().filter((c) => typeof c !== 'string') });
    } else if (name === 'a') {
      const url = options.link(attr(node, 'href') ?? '');
      if (url) out.push({ t: 'link', url, c: children() });
      else out.push(...children());
    } else if (name === 'abbr') {
      const text = textOf(node);
      const title = attr(node, 'title') ?? '';
      options.abbreviation?.(text, title);
      out.push({ t: 'abbr', text, title });
    } else if (name === 'code') out.push({ t: 'code', text: textOf(node) });
    else if (name === 'pre') out.push({ t: 'p', c: [{ t: 'code', text: textOf(node) }] });
    else if (name === 'br') out.push({ t: 'br' });
    else if (name === 'hr') continue;
    // Anything else (del, a table, …): its content.
    else out.push(...children());
  }
  return out;
}

/** The print tree of HTML rendered from Markdown (an entry's section, a report's introduction). */
export function printNodes(html: string, options: NodeOptions): PrintNode[] {
  if (!html) return [];
  return convert((parseFragment(html) as unknown as HtmlNode).childNodes ?? [], options);
}
