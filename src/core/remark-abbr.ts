/**
 * remark plugin: wrap the first use of each glossary term in a tree in
 * <abbr title="…" tabindex="0"> (focusable, so keyboard users can reach the
 * meaning). Whole words, longest terms first, not inside links, headings, code
 * or an existing abbreviation. A tree in, a tree out. Each section of an entry
 * is its own tree; `firstUseOnPage` then keeps the first use on a whole page.
 */
import type { Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { termPattern, type Glossary } from './glossary.ts';

export interface RemarkAbbrOptions {
  glossary: Glossary;
  /** Terms already marked (shared between trees to mark a term once across them). */
  seen?: Set<string>;
}

const SKIP = new Set(['link', 'linkReference', 'heading', 'inlineCode', 'code', 'html', 'abbr', 'definition']);

export default function remarkAbbr(options: RemarkAbbrOptions) {
  const pattern = termPattern(options.glossary.terms);
  const expansions = new Map(options.glossary.terms.map((t) => [t.term, t.expansion]));

  return (tree: Root) => {
    if (!pattern) return;
    // A processor may run on many trees: each run starts afresh unless the caller shares a set.
    const seen = options.seen ?? new Set<string>();
    const visit = (parent: Parent) => {
      for (let i = 0; i < parent.children.length; i++) {
        const node = parent.children[i] as RootContent;
        if (SKIP.has(node.type)) continue;
        if (node.type === 'text') {
          const replaced = split(node, pattern, expansions, seen);
          if (replaced) {
            parent.children.splice(i, 1, ...replaced);
            i += replaced.length - 1;
          }
        } else if ('children' in node) {
          visit(node as Parent);
        }
      }
    };
    visit(tree);
  };
}

function split(node: Text, pattern: RegExp, expansions: Map<string, string>, seen: Set<string>): PhrasingContent[] | undefined {
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const match of node.value.matchAll(pattern)) {
    const term = match[1]!;
    if (seen.has(term)) continue;
    seen.add(term);
    const start = match.index!;
    if (start > last) out.push({ type: 'text', value: node.value.slice(last, start) });
    const word = match[0];
    out.push({
      type: 'abbr',
      value: word,
      data: { hName: 'abbr', hProperties: { title: expansions.get(term)!, tabIndex: 0 }, hChildren: [{ type: 'text', value: word }] },
    } as unknown as PhrasingContent);
    last = start + word.length;
  }
  if (out.length === 0) return undefined;
  if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
  return out;
}

/** The <abbr> this plugin writes, as rehype-stringify prints it (content may not hold raw HTML, so every <abbr> is ours). */
const ABBR_HTML = /<abbr title="([^"]*)" tabindex="0">([^<]*)<\/abbr>/g;

/**
 * One page, several rendered parts (an introduction, then the sections of many
 * entries): keep the <abbr> only on the first use of each term on the page, in
 * reading order, and make later ones plain text again. Terms are told apart by
 * their expansion, so "DBP" and "DBPs" count as one. `seen` carries the terms
 * already marked earlier on the page and is updated.
 */
export function firstUseOnPage(parts: readonly string[], seen: Set<string> = new Set()): string[] {
  return parts.map((html) =>
    html.replace(ABBR_HTML, (whole, title: string, text: string) => {
      if (seen.has(title)) return text;
      seen.add(title);
      return whole;
    }),
  );
}
