import { describe, expect, it } from 'vitest';
import { unknownAbbreviations, type Glossary } from '../../src/core/glossary.ts';
import { parseBody, renderMarkdown } from '../../src/core/markdown.ts';

const glossary: Glossary = {
  terms: [
    { term: 'CA', expansion: 'Combined Authority' },
    { term: 'CPCA', expansion: 'Cambridgeshire and Peterborough Combined Authority' },
    { term: 'MCA', expansion: 'Mayoral Combined Authority' },
    { term: 'O&S', expansion: 'Overview and Scrutiny' },
  ],
  ignore: ['CIVIL'],
};
const render = (md: string) => renderMarkdown(md, { glossary });

describe('remark-abbr', () => {
  it('marks the first use of a term only', () => {
    expect(render('The CA Board and the CA again.')).toBe('<p>The <abbr title="Combined Authority" tabindex="0">CA</abbr> Board and the CA again.</p>');
  });

  it('matches whole words: "CA" is not found inside "CPCA", longest terms first', () => {
    expect(render('CPCA and CA')).toBe(
      '<p><abbr title="Cambridgeshire and Peterborough Combined Authority" tabindex="0">CPCA</abbr> and <abbr title="Combined Authority" tabindex="0">CA</abbr></p>',
    );
    expect(render('CAGN, CAs')).toBe('<p>CAGN, <abbr title="Combined Authority" tabindex="0">CAs</abbr></p>');
  });

  it('handles terms with "&" and plurals', () => {
    expect(render('the O&S and MCAs')).toBe('<p>the <abbr title="Overview and Scrutiny" tabindex="0">O&#x26;S</abbr> and <abbr title="Mayoral Combined Authority" tabindex="0">MCAs</abbr></p>');
  });

  it('leaves links, headings and code alone, and marks the next plain use', () => {
    expect(render('### The CA\n\n[CA site](https://example.org) `CA` then CA')).toBe(
      '<h3>The CA</h3>\n<p><a href="https://example.org">CA site</a> <code>CA</code> then <abbr title="Combined Authority" tabindex="0">CA</abbr></p>',
    );
  });

  it('marks a term once across the two sections of an entry', () => {
    const { sections } = parseBody('## Activity undertaken\n\n- CPCA work\n\n## Activity outstanding\n\n- More CPCA work\n', 1, { glossary });
    expect(sections.undertaken.html).toContain('<abbr');
    expect(sections.outstanding.html).not.toContain('<abbr');
    expect(sections.outstanding.text).toBe('- More CPCA work');
  });
});

describe('unknown abbreviations', () => {
  it('finds capitalised words of two or more letters that the glossary lacks, with their line', () => {
    expect(unknownAbbreviations('The CPCA and CA\nwith HR, KPIs and CIVIL values, M10 and Q1&2\nO&S, MCAs', glossary)).toEqual([
      { word: 'HR', line: 2 },
      { word: 'KPIs', line: 2 },
    ]);
  });
});
