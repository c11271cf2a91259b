/**
 * The abbreviations a page prints, for the glossary at the end of its printout
 * (the layout adds it, print-only): every glossary term whose whole word is in
 * the text that reaches paper (titles, headings and link text too, which are
 * never marked with <abbr>), and every abbreviation the glossary lists as not
 * explained. What print.css hides is not read: PRINT_HIDDEN_CLASSES is its
 * list (tests/unit/print-glossary.test.ts keeps the two the same).
 *
 * htmlparser2's tokenizer reads the page as a stream of tags and text, without
 * building a tree: a report page of a thousand rows is about 2.5 MB of HTML,
 * and every entry and facet page is read too.
 */
import { Tokenizer } from 'htmlparser2';
import { termPattern, type Glossary, type GlossaryTerm } from './glossary.ts';

/** Classes whose elements print.css leaves off paper (`display: none` in print), besides `screen-only`. */
export const PRINT_HIDDEN_CLASSES = [
  'skip-link',
  'site-header',
  'site-footer',
  'site-nav',
  'site-search',
  'breadcrumbs',
  'views',
  'table-filter',
  'downloads',
  'editions__links',
  'pdf-download',
  'print-control',
  'pager',
  'entry-backlink',
] as const;

/** Also off paper: screen-only parts and text only screen readers get. */
const HIDDEN = new Set<string>([...PRINT_HIDDEN_CLASSES, 'screen-only', 'visually-hidden']);
/** Elements whose content is never printed as text. */
const NOT_TEXT = new Set(['template', 'script', 'style', 'noscript', 'head', 'title']);
/** Elements inside a line of text: no word break at their edges ("MCA<b>s</b>" is one word). */
const INLINE = new Set(['a', 'abbr', 'b', 'cite', 'code', 'em', 'i', 'mark', 'q', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u']);
/** Elements that have no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

export interface PrintedAbbreviations {
  /** Glossary terms the printed page uses, in the glossary's order. */
  terms: GlossaryTerm[];
  /** Abbreviations the page uses that the glossary lists as not explained, in its order. */
  unexplained: string[];
}

/**
 * The text of `html` that print.css puts on paper, with a space where a block ends. The HTML is
 * the site's own (Astro's and rehype's output: every element closed, void ones aside), so it is
 * read as tags and text by htmlparser2's tokenizer: its parser, which also builds each tag's
 * attributes and closes what the HTML left open, took half as long again.
 */
export function printedText(html: string): string {
  const out: string[] = [];
  // Depth of open elements inside a hidden one (0: printing).
  let hidden = 0;
  // The tag being opened, whether it hides its content, and the attribute being read.
  let name = '';
  let hides = false;
  // The attribute being read: 1 class, 2 hidden, 0 any other (its name is not sliced out).
  let attr = 0;
  let value = '';
  const opened = (selfClosing: boolean) => {
    const empty = selfClosing || VOID.has(name);
    if (hidden > 0) {
      if (!empty) hidden++;
    } else if (hides && !empty) hidden = 1;
    else if (!INLINE.has(name)) out.push(' ');
  };
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        name = html.slice(start, end).toLowerCase();
        hides = NOT_TEXT.has(name);
      },
      onattribname(start, end) {
        const length = end - start;
        attr = length === 5 && html.startsWith('class', start) ? 1 : length === 6 && html.startsWith('hidden', start) ? 2 : 0;
        value = '';
      },
      onattribdata(start, end) {
        if (attr === 1) value += html.slice(start, end);
      },
      onattribentity() {},
      onattribend() {
        if (attr === 2 || (attr === 1 && value.split(/\s+/).some((c) => HIDDEN.has(c)))) hides = true;
      },
      onopentagend: () => opened(false),
      onselfclosingtag: () => opened(true),
      onclosetag(start, end) {
        const closed = html.slice(start, end).toLowerCase();
        if (VOID.has(closed)) return;
        if (hidden > 0) hidden--;
        else if (!INLINE.has(closed)) out.push(' ');
      },
      ontext(start, end) {
        if (hidden === 0) out.push(html.slice(start, end));
      },
      ontextentity(codepoint) {
        if (hidden === 0) out.push(String.fromCodePoint(codepoint));
      },
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return out.join('');
}

/** Whole-word patterns, made once per glossary (a site has one, or one per report), and `any`: one of the words anywhere in the HTML. */
const patterns = new WeakMap<Glossary, { terms?: RegExp; unexplained?: RegExp; any?: RegExp }>();

/**
 * Any of `words` anywhere in HTML as written, even inside a longer word or a tag: a quick test of
 * whether a page can use one at all. An "&" may be written as a character reference ("O&#x26;S").
 */
function anyOf(words: readonly string[]): RegExp | undefined {
  if (words.length === 0) return undefined;
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/&/g, '&(?:amp;|#x26;|#38;)?');
  return new RegExp(words.map(escape).join('|'));
}

function patternsOf(glossary: Glossary) {
  let found = patterns.get(glossary);
  if (!found) {
    found = {
      terms: termPattern(glossary.terms),
      unexplained: termPattern(glossary.unexplained.map((term) => ({ term, expansion: term }))),
      any: anyOf([...glossary.terms.map((t) => t.term), ...glossary.unexplained]),
    };
    patterns.set(glossary, found);
  }
  return found;
}

/** The glossary terms and unexplained abbreviations a printed text uses, as whole words (the PDF's too: src/core/print/document.ts). */
export function abbreviationsIn(text: string, glossary: Glossary): PrintedAbbreviations {
  const found = patternsOf(glossary);
  const used = (pattern: RegExp | undefined) => new Set(pattern ? [...text.matchAll(pattern)].map((m) => m[1]!) : []);
  const terms = used(found.terms);
  const unexplained = used(found.unexplained);
  return { terms: glossary.terms.filter((t) => terms.has(t.term)), unexplained: glossary.unexplained.filter((u) => unexplained.has(u)) };
}

/** The glossary terms and unexplained abbreviations in the text that `html` prints. */
export function printedAbbreviations(html: string, glossary: Glossary): PrintedAbbreviations {
  // A page whose HTML holds none of the words at all (a plan without abbreviations) is not read.
  if (!patternsOf(glossary).any?.test(html)) return { terms: [], unexplained: [] };
  return abbreviationsIn(printedText(html), glossary);
}
