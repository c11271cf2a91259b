/**
 * Split a Markdown file into its YAML frontmatter and its body.
 * gray-matter finds the block; our YAML parser (with line numbers) reads it.
 */
import matter from 'gray-matter';
import { parseYaml, type ParsedYaml, type YamlProblem } from './yaml.ts';

export interface SplitFile {
  yaml?: ParsedYaml;
  body: string;
  /** 1-based line on which the body starts in the file. */
  bodyLine: number;
  problems: YamlProblem[];
}

/** Remove a byte-order mark and turn Windows or old-Mac line endings into `\n`. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export function splitFrontmatter(source: string): SplitFile {
  const text = normaliseText(source);
  if (text.trim() === '') {
    return {
      body: '',
      bodyLine: 1,
      problems: [{ line: 1, message: 'the file is empty', hint: 'start it with a frontmatter block between two "---" lines; `npm run new` writes one for you' }],
    };
  }
  if (!/^---[ \t]*\n/.test(text)) {
    return {
      body: text,
      bodyLine: 1,
      problems: [{ line: 1, message: 'the file does not start with a frontmatter block', hint: 'the first line must be "---", followed by the fields, then another "---" line' }],
    };
  }
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(3))) {
    return {
      body: '',
      bodyLine: 1,
      problems: [{ line: 1, message: 'the frontmatter block is never closed', hint: 'add a line "---" after the last field, before the body text' }],
    };
  }

  let yaml: ParsedYaml | undefined;
  // Passing options bypasses gray-matter's cache, which would otherwise return
  // empty data for a second parse of the same bad text.
  const file = matter(text, {
    engines: {
      yaml: (raw: string) => {
        yaml = parseYaml(raw); // raw starts with the newline after "---", so its line 1 is the file's line 1
        const data = yaml.data;
        return (data && typeof data === 'object' ? data : {}) as object;
      },
    },
  });
  const raw = (file as unknown as { matter: string }).matter ?? '';
  // "---\n" + raw + "\n---\n": body starts after the closing delimiter line.
  const frontLines = raw.split('\n').length; // includes the empty line gray-matter keeps after "---"
  const bodyLine = 1 + frontLines + 1;
  const parsed = yaml ?? parseYaml('');
  return { yaml: parsed, body: file.content, bodyLine, problems: parsed.problems };
}
