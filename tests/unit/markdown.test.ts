import { describe, expect, it } from 'vitest';
import { parseBody, type SectionSpec } from '../../src/core/markdown.ts';
import { renderMarkdown } from '../../src/core/markdown-render.ts';

/** Two sections as a report declares them (report.yaml, `sections`). */
const TWO: SectionSpec[] = [
  { id: 'undertaken', heading: 'Activity undertaken', aliases: ['Activity undertaken / evidence', 'Completed'], required: true },
  { id: 'outstanding', heading: 'Activity outstanding', required: true },
];

describe('parseBody', () => {
  it('splits the body into its two sections and renders each', () => {
    const { sections, problems } = parseBody('## Activity undertaken\n\n- One\n- Two *b*\n\n## Activity outstanding\n\nStill to do.\n', 1, {}, TWO);
    expect(problems).toEqual([]);
    expect(sections.undertaken!.html).toBe('<ul>\n<li>One</li>\n<li>Two <em>b</em></li>\n</ul>');
    expect(sections.undertaken!.text).toBe('- One\n- Two b');
    expect(sections.outstanding!.html).toBe('<p>Still to do.</p>');
  });

  it('allows an empty section', () => {
    const { sections, problems } = parseBody('## Activity undertaken\n\n## Activity outstanding\n\n- Later\n', 1, {}, TWO);
    expect(problems).toEqual([]);
    expect(sections.undertaken).toEqual({ html: '', text: '' });
  });

  it('accepts headings in any case and the table’s long heading', () => {
    const { problems } = parseBody('## activity UNDERTAKEN / evidence\n\nx\n\n## Activity Outstanding\n', 1, {}, TWO);
    expect(problems).toEqual([]);
  });

  it('reports a missing section, an unknown heading and stray text, with file lines', () => {
    const { problems } = parseBody('Intro\n\n## Activity undertaken\n\n## Next steps\n\nx\n', 10, {}, TWO);
    expect(problems).toEqual([
      { line: 10, message: 'text before the first section heading', hint: expect.any(String) },
      { line: 14, message: '"## Next steps" is not a section of an entry', hint: expect.any(String) },
      { line: 10, message: 'the section "## Activity outstanding" is missing', hint: expect.any(String) },
    ]);
  });

  it('a declared heading written with a colon, other capitals or a typo: one message on its line, naming the heading meant', () => {
    const { sections, problems } = parseBody('## Activity undertaken\n\nDone.\n\n## Activity Outstanding:\n\n- Still to do\n', 10, {}, TWO);
    expect(problems).toEqual([
      { line: 14, message: 'the heading "## Activity Outstanding:" is not written as the section "## Activity outstanding"', hint: 'change the line to "## Activity outstanding"' },
    ]);
    expect(sections.outstanding!.html).toBe('<ul>\n<li>Still to do</li>\n</ul>');
    expect(parseBody('## Activty undertaken\n\n## Activity outstanding\n', 1, {}, TWO).problems.map((p) => p.message)).toEqual([
      'the heading "## Activty undertaken" is not written as the section "## Activity undertaken"',
    ]);
    expect(parseBody('## Activity undertaken\n\n# Activity outstanding\n', 1, {}, TWO).problems.map((p) => p.message)).toEqual([
      'the heading "# Activity outstanding" is not written as the section "## Activity outstanding"',
    ]);
  });

  it('turns bullets pasted from Word ("•") into list items of their own', () => {
    const { sections, problems } = parseBody('## Activity undertaken\n\n- Typed item\n• Pasted item\n•\tTabbed item\n  ◦ Indented item\n\n## Activity outstanding\n\nA • in a sentence stays.\n', 1, {}, TWO);
    expect(problems).toEqual([]);
    expect(sections.undertaken!.html).toBe('<ul>\n<li>Typed item</li>\n<li>Pasted item</li>\n<li>Tabbed item</li>\n<li>Indented item</li>\n</ul>');
    expect(sections.outstanding!.html).toBe('<p>A • in a sentence stays.</p>');
  });

  it('refuses raw HTML and does not render it', () => {
    const { sections, problems } = parseBody('## Activity undertaken\n\n<script>alert(1)</script>\n\nText <b onclick="x">b</b>\n\n## Activity outstanding\n', 1, {}, TWO);
    expect(problems.map((p) => p.message)).toEqual(['HTML is not allowed in an entry (found <script>)', 'HTML is not allowed in an entry (found <b>)']);
    expect(sections.undertaken!.html).not.toMatch(/<script|onclick/);
  });

  it('reads the sections a report declares, whatever their headings; optional ones may be left out', () => {
    const declared: SectionSpec[] = [
      { id: 'update', heading: 'Update', required: true },
      { id: 'explanation', heading: 'Explanation', aliases: ['Comments'], required: false },
    ];
    const { sections, problems } = parseBody('## Update\n\nOn track.\n', 1, {}, declared);
    expect(problems).toEqual([]);
    expect(sections).toEqual({ update: { html: '<p>On track.</p>', text: 'On track.' }, explanation: { html: '', text: '' } });
    expect(parseBody('## Comments\n\nx\n\n## Update\n', 1, {}, declared).sections.explanation!.text).toBe('x');
    const wrong = parseBody('## Activity undertaken\n\nx\n', 4, {}, declared).problems;
    expect(wrong).toEqual([
      { line: 4, message: '"## Activity undertaken" is not a section of an entry', hint: 'use "## Update" and "## Explanation"; for a smaller heading inside a section use "###"' },
      { line: 4, message: 'the section "## Update" is missing', hint: 'add a line "## Update"; leave it empty if the plan records nothing there' },
    ]);
  });

  it('refuses any text when the report declares no sections, and says why', () => {
    const { problems } = parseBody('Some text\n', 5, {}, []);
    expect(problems).toEqual([{ line: 5, message: 'text before the first section heading', hint: expect.stringContaining('this report declares no sections') }]);
    expect(parseBody('', 5, {}, []).problems).toEqual([]);
  });

  it('renders a free Markdown text', () => {
    expect(renderMarkdown('Hello **world**')).toBe('<p>Hello <strong>world</strong></p>');
  });
});
