/**
 * The glossary at the end of a printed page (src/core/print-glossary.ts): the
 * abbreviations in the text that reaches paper, and only those. The browser
 * test (tests/browser/print-views.test.ts) prints real pages with Chromium.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import type { Glossary } from '../../src/core/glossary.ts';
import { PRINT_HIDDEN_CLASSES, printedAbbreviations, printedText } from '../../src/core/print-glossary.ts';
import { ROOT } from '../helpers/paths.ts';

const glossary: Glossary = {
  terms: [
    { term: 'CA', expansion: 'Combined Authority' },
    { term: 'CPCA', expansion: 'Cambridgeshire and Peterborough Combined Authority' },
    { term: 'MCA', expansion: 'Mayoral Combined Authority' },
    { term: 'O&S', expansion: 'Overview and Scrutiny' },
  ],
  ignore: ['RSM'],
  unexplained: ['BC', 'CMT'],
};
const terms = (html: string) => printedAbbreviations(html, glossary).terms.map((t) => t.term);

describe('the abbreviations a printed page uses', () => {
  it('finds whole words in titles, headings and link text as well as marked ones, in the glossary’s order', () => {
    const html =
      '<h1>Scoping exercise (for CPCA &amp; partners)</h1><table><tr><th><a href="/x/">A <abbr title="Mayoral Combined Authority" tabindex="0">MCAs</abbr> plan</a></th><td>The O&amp;S board</td></tr></table>';
    expect(terms(html)).toEqual(['CPCA', 'MCA', 'O&S']);
    // "CA" is not a word inside "CPCA", nor in "CAGN" or "CAs-like" words joined to others.
    expect(terms('<p>CPCA CAGN</p>')).toEqual(['CPCA']);
  });

  it('leaves out what does not print: the screen’s navigation, pager, hidden and visually hidden text, templates and scripts', () => {
    const html =
      '<nav class="pager"><a href="/a/">Next: the CA area</a></nav><div hidden><span>CPCA</span></div><p class="screen-only">MCA</p>' +
      '<span class="visually-hidden">O&amp;S</span><template><b>CA</b></template><script>const CA = 1;</script><p class="print-only">BC</p>';
    expect(printedAbbreviations(html, glossary)).toEqual({ terms: [], unexplained: ['BC'] });
  });

  it('reads elements nested inside a hidden one, and void elements, without losing its place', () => {
    const html = '<div class="views"><ul><li><a href="/">CA<br>CA</a><img alt="x"></li></ul><svg><path d="M0"/></svg></div><p>CPCA and CMT</p>';
    expect(printedAbbreviations(html, glossary)).toEqual({ terms: [glossary.terms[1]], unexplained: ['CMT'] });
  });

  it('breaks words where blocks and cells meet, not inside a line of text', () => {
    expect(printedText('<td>foo</td><td>CA</td>')).toMatch(/foo\s+CA/);
    expect(terms('<td>foo</td><td>CA</td>')).toEqual(['CA']);
    // "MCA" + "s" across inline elements is one word ("MCAs"), so "CA" is not found in it.
    expect(terms('<p>M<strong>CA</strong>s</p>')).toEqual(['MCA']);
  });

  it('finds a term with "&" written as a character reference, as Astro and rehype write it', () => {
    expect(terms('<p>The O&#x26;S board</p>')).toEqual(['O&S']);
    expect(terms('<td>The O&amp;S board</td>')).toEqual(['O&S']);
    // A page that holds none of the words is not read at all.
    expect(printedAbbreviations('<p>Nothing to explain here.</p>', glossary)).toEqual({ terms: [], unexplained: [] });
  });

  it('finds nothing with an empty glossary', () => {
    expect(printedAbbreviations('<p>CA</p>', { terms: [], ignore: [], unexplained: [] })).toEqual({ terms: [], unexplained: [] });
  });

  it('skips the same elements print.css hides, so the glossary lists what is on paper', () => {
    const css = postcss.parse(readFileSync(join(ROOT, 'src/styles/print.css'), 'utf8'));
    const hidden = new Set<string>();
    css.walkAtRules('media', (media) => {
      if (media.params !== 'print') return;
      media.walkRules((rule) => {
        if (!rule.nodes.some((d) => d.type === 'decl' && d.prop === 'display' && d.value.startsWith('none'))) return;
        for (const selector of rule.selectors) {
          const m = /^\.([\w-]+)$/.exec(selector.trim());
          if (m) hidden.add(m[1]!);
        }
      });
    });
    expect([...hidden].sort()).toEqual([...PRINT_HIDDEN_CLASSES, 'screen-only'].sort());
  });
});
