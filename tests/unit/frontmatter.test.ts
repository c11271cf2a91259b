import { describe, expect, it } from 'vitest';
import { normaliseText, splitFrontmatter } from '../../src/core/frontmatter.ts';

describe('splitFrontmatter', () => {
  it('reads fields and tells on which line the body starts', () => {
    const split = splitFrontmatter('---\ntitle: A\norder: 2\n---\n\n## Activity undertaken\n');
    expect(split.problems).toEqual([]);
    expect(split.yaml?.data).toEqual({ title: 'A', order: 2 });
    expect(split.bodyLine).toBe(5);
    expect(split.body.split('\n')[6 - split.bodyLine]).toBe('## Activity undertaken');
  });

  it('gives each field its own line number in the file', () => {
    const split = splitFrontmatter('---\ntitle: A\ntheme: x\nevidence:\n  - title: B\n---\n');
    expect(split.yaml?.lineOf(['theme'])).toBe(3);
    expect(split.yaml?.lineOf(['evidence', 0, 'title'])).toBe(5);
  });

  it('keeps YAML 1.1 surprises as text: no, on, bare dates', () => {
    const split = splitFrontmatter('---\nstatus: no\nother: on\nupdated: 2024-03-01\n---\n');
    expect(split.yaml?.data).toEqual({ status: 'no', other: 'on', updated: '2024-03-01' });
  });

  it('accepts a byte-order mark and Windows line endings', () => {
    const split = splitFrontmatter('\uFEFF---\r\ntitle: A\r\n---\r\nbody\r\n');
    expect(split.problems).toEqual([]);
    expect(split.yaml?.data).toEqual({ title: 'A' });
    expect(split.body).toBe('body\n');
    expect(normaliseText('a\r\nb\rc')).toBe('a\nb\nc');
  });

  it('explains an empty file, a missing block and an unclosed block', () => {
    expect(splitFrontmatter('').problems[0]?.message).toMatch(/empty/);
    expect(splitFrontmatter('# Title\n').problems[0]?.message).toMatch(/does not start with a frontmatter block/);
    expect(splitFrontmatter('---\ntitle: A\n\n## Activity undertaken\n').problems[0]?.message).toMatch(/never closed/);
  });

  it('reports duplicate keys and tabs with their line', () => {
    const dup = splitFrontmatter('---\ntitle: A\ntitle: B\n---\n');
    expect(dup.problems).toHaveLength(1);
    expect(dup.problems[0]).toMatchObject({ line: 3, message: 'the field "title" is written twice' });
    const tab = splitFrontmatter('---\nevidence:\n\t- title: A\n---\n');
    expect(tab.problems[0]?.line).toBe(3);
    expect(tab.problems[0]?.message).toMatch(/tab/);
  });

  it('parses the same bad text twice with the same result (no gray-matter cache)', () => {
    const text = '---\ntitle: [\n---\n';
    expect(splitFrontmatter(text).problems.length).toBeGreaterThan(0);
    expect(splitFrontmatter(text).problems.length).toBeGreaterThan(0);
  });
});
