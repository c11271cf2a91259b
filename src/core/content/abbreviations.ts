/** Capitalised words the glossary lacks: a warning per use, so readers are not left guessing. */
import { unknownAbbreviations, type Glossary } from '../glossary.ts';
import type { Reader } from './read.ts';

/** A content file's text, with the glossary that explains it (the site's terms and its report's). */
export interface ProseFile {
  file: string;
  text: string;
  glossary: Glossary;
}

export function warnUnexplained(reader: Reader, prose: readonly ProseFile[], glossaryPath: string): void {
  // A line with an error already says what is wrong with it (`status: DONE`: a label written for
  // an id): no warning on top that its word looks like an abbreviation.
  const wrong = new Set(reader.diagnostics.filter((d) => d.severity === 'error' && d.line !== undefined).map((d) => `${d.file}:${d.line}`));
  for (const { file, text, glossary } of prose) {
    // YAML comments are notes to editors, not content.
    const content = text.replace(/^[ \t]*#(?:[ \t].*)?$/gm, '');
    for (const { word, line } of unknownAbbreviations(content, glossary)) {
      if (wrong.has(`${file}:${line}`)) continue;
      reader.diagnostics.push({
        severity: 'warning',
        file,
        line,
        message: `"${word}" looks like an abbreviation that the glossary does not explain`,
        hint: `add it to ${glossaryPath}: under "terms:" with what it stands for, under "ignore:" if it is a name, or under "unexplained:" if its meaning is not known`,
      });
    }
  }
}
