import { describe, expect, it } from 'vitest';
import { looksLikeAbbreviation, unknownAbbreviations, type Glossary } from '../../src/core/glossary.ts';
import { parseBody, type SectionSpec } from '../../src/core/markdown.ts';
import { renderMarkdown } from '../../src/core/markdown-render.ts';

const TWO: SectionSpec[] = [
  { id: 'undertaken', heading: 'Activity undertaken', required: true },
  { id: 'outstanding', heading: 'Activity outstanding', required: true },
];
import remarkAbbr, { firstUseOnPage } from '../../src/core/remark-abbr.ts';

const glossary: Glossary = {
  terms: [
    { term: 'CA', expansion: 'Combined Authority' },
    { term: 'CPCA', expansion: 'Cambridgeshire and Peterborough Combined Authority' },
    { term: 'MCA', expansion: 'Mayoral Combined Authority' },
    { term: 'O&S', expansion: 'Overview and Scrutiny' },
    { term: 'Q1', expansion: 'Quarter 1' },
    { term: 'Q1&2', expansion: 'Quarters 1 and 2' },
  ],
  ignore: ['CIVIL'],
  unexplained: ['CMT'],
};
const render = (md: string) => renderMarkdown(md, { glossary });
const abbr = (title: string, text: string) => `<abbr title="${title}" tabindex="0">${text}</abbr>`;
const CA = (text = 'CA') => abbr('Combined Authority', text);

describe('remark-abbr', () => {
  it('marks the first use of a term only', () => {
    expect(render('The CA Board and the CA again.')).toBe(`<p>The ${CA()} Board and the CA again.</p>`);
  });

  it('matches whole words: "CA" is not found inside "CPCA" or "CAGN", longest terms first', () => {
    expect(render('CPCA and CA')).toBe(`<p>${abbr('Cambridgeshire and Peterborough Combined Authority', 'CPCA')} and ${CA()}</p>`);
    expect(render('CAGN, CAs')).toBe(`<p>CAGN, ${CA('CAs')}</p>`);
    expect(render('CAB, ACA, CA1 and xCA')).toBe('<p>CAB, ACA, CA1 and xCA</p>');
  });

  it('takes the longer of two overlapping terms: "Q1&2" is not "Q1"', () => {
    expect(render('Q1&2 report, then Q1')).toBe(`<p>${abbr('Quarters 1 and 2', 'Q1&#x26;2')} report, then ${abbr('Quarter 1', 'Q1')}</p>`);
  });

  it('handles terms with "&" and plurals', () => {
    expect(render('the O&S and MCAs')).toBe(`<p>the ${abbr('Overview and Scrutiny', 'O&#x26;S')} and ${abbr('Mayoral Combined Authority', 'MCAs')}</p>`);
  });

  it('leaves links, headings and code alone, and marks the next plain use', () => {
    expect(render('### The CA\n\n[CA site](https://example.org) `CA` then CA')).toBe(
      `<h3>The CA</h3>\n<p><a href="https://example.org">CA site</a> <code>CA</code> then ${CA()}</p>`,
    );
    expect(render('[the CA][ref] and CA\n\n[ref]: https://example.org')).toBe(`<p><a href="https://example.org">the CA</a> and ${CA()}</p>`);
    expect(render('```\nCA\n```\n\nCA')).toBe(`<pre><code>CA\n</code></pre>\n<p>${CA()}</p>`);
  });

  it('marks inside emphasis and lists, in reading order', () => {
    expect(render('- **CA** work\n- CA again')).toBe(`<ul>\n<li><strong>${CA()}</strong> work</li>\n<li>CA again</li>\n</ul>`);
  });

  it('never wraps an existing <abbr> again', () => {
    // The plugin run twice, each with its own memory of what it marked.
    const html = renderMarkdown('The CA Board', { glossary, remarkPlugins: [[remarkAbbr, { glossary }]] });
    expect(html).toBe(`<p>The ${CA()} Board</p>`);
  });

  it('marks the first use in each section of an entry, since a page may show one without the other', () => {
    const { sections } = parseBody('## Activity undertaken\n\n- CPCA work, CPCA\n\n## Activity outstanding\n\n- More CPCA work\n', 1, { glossary }, TWO);
    const cpca = abbr('Cambridgeshire and Peterborough Combined Authority', 'CPCA');
    expect(sections.undertaken!.html).toBe(`<ul>\n<li>${cpca} work, CPCA</li>\n</ul>`);
    expect(sections.outstanding!.html).toBe(`<ul>\n<li>More ${cpca} work</li>\n</ul>`);
    expect(sections.outstanding!.text).toBe('- More CPCA work');
    // A page showing both keeps the first.
    expect(firstUseOnPage([sections.undertaken!.html, sections.outstanding!.html])[1]).toBe('<ul>\n<li>More CPCA work</li>\n</ul>');
  });

  it('marks the first use in every entry loaded with the same options (one processor serves them all)', () => {
    const options = { glossary };
    const body = '## Activity undertaken\n\n- The CA met\n\n## Activity outstanding\n\n- The CA again\n';
    const first = parseBody(body, 1, options, TWO).sections;
    const second = parseBody(body, 1, options, TWO).sections;
    expect(second.undertaken!.html).toBe(first.undertaken!.html);
    expect(second.undertaken!.html).toBe(`<ul>\n<li>The ${CA()} met</li>\n</ul>`);
    expect(renderMarkdown('The CA', options)).toBe(`<p>The ${CA()}</p>`);
  });

  it('does nothing without a glossary', () => {
    expect(renderMarkdown('The CA', { glossary: { terms: [], ignore: [], unexplained: [] } })).toBe('<p>The CA</p>');
  });
});

describe('first use on a page', () => {
  it('keeps the first <abbr> of each term across the parts of a page, in order, and unwraps the rest', () => {
    const row1 = render('CA and O&S');
    const row2 = render('The CA and the CPCA');
    expect(firstUseOnPage([row1, row2])).toEqual([
      `<p>${CA()} and ${abbr('Overview and Scrutiny', 'O&#x26;S')}</p>`,
      `<p>The CA and the ${abbr('Cambridgeshire and Peterborough Combined Authority', 'CPCA')}</p>`,
    ]);
  });

  it('treats a plural as the same term, and carries what the page has explained', () => {
    const explained = new Set<string>();
    expect(firstUseOnPage([render('CAs')], explained)).toEqual([`<p>${CA('CAs')}</p>`]);
    expect(firstUseOnPage([render('one CA')], explained)).toEqual(['<p>one CA</p>']);
    expect([...explained]).toEqual(['Combined Authority']);
  });
});

describe('abbreviations the glossary lacks', () => {
  it('counts capitals-heavy words and a capital with a digit, not ordinary words', () => {
    for (const w of ['CPCA', 'O&S', 'KPIs', 'CfGS', 'TfL', 'M10', 'Q1&2', 'PhD']) expect(looksLikeAbbreviation(w), w).toBe(true);
    for (const w of ['Board', 'I', 'PowerPoint', 'McDonald', 'iPhone', '2024', 'x1']) expect(looksLikeAbbreviation(w), w).toBe(false);
  });

  it('finds them with their line, knowing plurals, names and unexplained terms', () => {
    expect(unknownAbbreviations('The CPCA and CA\nwith HR, KPIs and CIVIL values, M10 and Q1&2\nO&S, MCAs, CMT and CfGS', glossary)).toEqual([
      { word: 'HR', line: 2 },
      { word: 'KPIs', line: 2 },
      { word: 'M10', line: 2 },
      { word: 'CfGS', line: 3 },
    ]);
  });

  it('skips addresses, link targets and code', () => {
    expect(unknownAbbreviations('See [the XYZ](https://example.org/ABC/DEF) and www.example.org/GHI, `JKL`, mailto:MNO@example.org', glossary)).toEqual([
      { word: 'XYZ', line: 1 },
    ]);
  });
});
