/**
 * The body of an entry: Markdown with the sections its report declares
 * (report.yaml, `sections`), each under a "## " heading. remark parses it,
 * we split the tree at its level-2 headings, and each section is rendered to
 * HTML on its own so the table can put it in its own cell.
 */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { distance } from 'fastest-levenshtein';
import { parseChecked, type BodyProblem } from './markdown-check.ts';
import { renderNodes, type MarkdownOptions, type Section } from './markdown-render.ts';
import type { SectionDecl } from './schema.ts';
import { nearest } from './suggest.ts';
import { CONTROL_CHARACTER_HINT, controlCharacterLines, controlCharacterMessage } from './text.ts';

/** What parseBody needs of a declared section. */
export type SectionSpec = Pick<SectionDecl, 'id' | 'heading' | 'aliases' | 'required'>;

export type Sections = Record<string, Section>;

export interface ParsedBody {
  sections: Sections;
  problems: BodyProblem[];
}

function normaliseHeading(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

function sectionFor(heading: string, sections: readonly SectionSpec[]): string | undefined {
  const wanted = normaliseHeading(heading);
  return sections.find((s) => normaliseHeading(s.heading) === wanted || (s.aliases ?? []).some((a) => normaliseHeading(a) === wanted))?.id;
}

/**
 * The declared section a heading was probably meant to be, when it is not one:
 * the same words with a trailing colon or full stop, a different heading
 * level, or a small typo ("## Next Steps:" → "Next steps").
 */
function sectionMeant(heading: string, sections: readonly SectionSpec[]): SectionSpec | undefined {
  const loose = (t: string) => normaliseHeading(t).replace(/[\s:;.,–—-]+$/, '');
  const names = sections.flatMap((s) => [s.heading, ...(s.aliases ?? [])].map((h) => [loose(h), s] as const));
  const wanted = loose(heading);
  const exact = names.find(([h]) => h === wanted);
  if (exact) return exact[1];
  const guess = wanted.length >= 4 ? nearest(wanted, names.map(([h]) => h)) : undefined;
  return guess !== undefined && distance(guess, wanted) <= 2 ? names.find(([h]) => h === guess)?.[1] : undefined;
}

/** `"## A" or "## B"`, for hints. */
function headingList(sections: readonly SectionSpec[]): string {
  const list = sections.map((s) => `"## ${s.heading}"`);
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list.at(-1)}` : (list[0] ?? '');
}

/**
 * Bullets pasted from Word or a web page ("•", "◦", "▪" and a space or tab at
 * the start of a line) as Markdown list items ("- "), so that each is an item
 * of its own instead of running on into the item above. One line stays one
 * line, so messages keep their line numbers.
 */
export function wordBullets(markdown: string): string {
  return markdown.replace(/^[ \t]*[•◦▪‣●][ \t]+/gm, '- ');
}

/**
 * @param body Markdown after the frontmatter
 * @param bodyLine the line of the file on which `body` starts, for messages
 * @param sections the sections its report declares
 */
export function parseBody(body: string, bodyLine = 1, options: MarkdownOptions = {}, sections: readonly SectionSpec[] = []): ParsedBody {
  const checked = parseChecked(wordBullets(body), bodyLine, 'an entry');
  if (!checked.tree) return { sections: Object.fromEntries(sections.map((s) => [s.id, EMPTY])), problems: checked.problems };
  const tree = checked.tree;
  const lineOf = (node: { position?: { start: { line: number } } }) => (node.position?.start.line ?? 1) + bodyLine - 1;
  const problems: BodyProblem[] = [];
  const nodes: Record<string, RootContent[]> = Object.fromEntries(sections.map((s) => [s.id, []]));
  const seen = new Set<string>();
  /** The section being read; null under a heading that is not a section. */
  let current: string | null | undefined;
  const none = 'this report declares no sections: remove the text, or declare "sections:" in its report.yaml';

  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) {
      const title = toString(node);
      let key = node.depth === 2 ? sectionFor(title, sections) : undefined;
      const meant = key ? undefined : sectionMeant(title, sections);
      if (meant) {
        // One message, on the heading's line; what follows it belongs to the section meant.
        problems.push({
          line: lineOf(node),
          message: `the heading "${'#'.repeat(node.depth)} ${title}" is not written as the section "## ${meant.heading}"`,
          hint: `change the line to "## ${meant.heading}"`,
        });
        key = meant.id;
      }
      if (!key) {
        problems.push({
          line: lineOf(node),
          message: `"${'#'.repeat(node.depth)} ${title}" is not a section of an entry`,
          hint: sections.length ? `use ${headingList(sections)}; for a smaller heading inside a section use "###"` : none,
        });
        // Its text is not "before the first section heading": the message on the heading says it all.
        current = null;
        continue;
      }
      if (seen.has(key)) {
        problems.push({ line: lineOf(node), message: `the section "${title}" appears twice`, hint: 'merge the two into one section' });
      }
      seen.add(key);
      current = key;
      continue;
    }
    if (current === null) continue;
    if (current === undefined) {
      problems.push({
        line: lineOf(node),
        message: 'text before the first section heading',
        hint: sections.length ? `move it under ${headingList(sections).replace(/ and (?=[^,]*$)/, ' or ')}` : none,
      });
      continue;
    }
    nodes[current]!.push(node);
  }

  for (const s of sections) {
    if (s.required && !seen.has(s.id)) {
      problems.push({
        line: bodyLine,
        message: `the section "## ${s.heading}" is missing`,
        hint: `add a line "## ${s.heading}"; leave it empty if the plan records nothing there`,
      });
    }
  }

  problems.push(...checked.problems);
  // Control characters in the body (those in YAML values, a report.yaml's Markdown included, are found by yaml.ts).
  for (const { line, code } of controlCharacterLines(body, bodyLine)) {
    problems.push({ line, message: controlCharacterMessage(code), hint: CONTROL_CHARACTER_HINT });
  }

  const rendered: Sections = {};
  for (const s of sections) rendered[s.id] = renderNodes(nodes[s.id]!, options);
  return { sections: rendered, problems };
}

const EMPTY: Section = { html: '', text: '' };

