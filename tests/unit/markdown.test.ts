import { describe, expect, it } from 'vitest';
import { parseBody, renderMarkdown } from '../../src/core/markdown.ts';

describe('parseBody', () => {
  it('splits the body into its two sections and renders each', () => {
    const { sections, problems } = parseBody('## Activity undertaken\n\n- One\n- Two *b*\n\n## Activity outstanding\n\nStill to do.\n');
    expect(problems).toEqual([]);
    expect(sections.undertaken.html).toBe('<ul>\n<li>One</li>\n<li>Two <em>b</em></li>\n</ul>');
    expect(sections.undertaken.text).toBe('- One\n- Two b');
    expect(sections.outstanding.html).toBe('<p>Still to do.</p>');
  });

  it('allows an empty section', () => {
    const { sections, problems } = parseBody('## Activity undertaken\n\n## Activity outstanding\n\n- Later\n');
    expect(problems).toEqual([]);
    expect(sections.undertaken).toEqual({ html: '', text: '' });
  });

  it('accepts headings in any case and the table’s long heading', () => {
    const { problems } = parseBody('## activity UNDERTAKEN / evidence\n\nx\n\n## Activity Outstanding\n');
    expect(problems).toEqual([]);
  });

  it('reports a missing section, an unknown heading and stray text, with file lines', () => {
    const { problems } = parseBody('Intro\n\n## Activity undertaken\n\n## Next steps\n\nx\n', 10);
    expect(problems).toEqual([
      { line: 10, message: 'text before the first section heading', hint: expect.any(String) },
      { line: 14, message: '"## Next steps" is not a section of an entry', hint: expect.any(String) },
      { line: 16, message: 'text before the first section heading', hint: expect.any(String) },
      { line: 10, message: 'the section "## Activity outstanding" is missing', hint: expect.any(String) },
    ]);
  });

  it('refuses raw HTML and does not render it', () => {
    const { sections, problems } = parseBody('## Activity undertaken\n\n<script>alert(1)</script>\n\nText <b onclick="x">b</b>\n\n## Activity outstanding\n');
    expect(problems.map((p) => p.message)).toEqual(['HTML is not allowed in an entry (found <script>)', 'HTML is not allowed in an entry (found <b>)']);
    expect(sections.undertaken.html).not.toMatch(/<script|onclick/);
  });

  it('renders a free Markdown text', () => {
    expect(renderMarkdown('Hello **world**')).toBe('<p>Hello <strong>world</strong></p>');
  });
});
