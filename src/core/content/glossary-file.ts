/** content/glossary.yaml (optional) → the Glossary, each word listed in one place only. */
import { join } from 'node:path';
import { fieldName } from '../diagnostics.ts';
import { EMPTY_GLOSSARY, glossarySchema, type Glossary } from '../glossary.ts';
import { exists, readYamlFile, type Reader } from './read.ts';
import { validate } from './validate.ts';

export interface GlossaryFile {
  glossary: Glossary;
  /** Where it is written, for messages about it (absent when there is no glossary.yaml). */
  file?: string;
  lineOf(path: (string | number)[]): number | undefined;
  /** The path editors add words to, for hints. */
  path: string;
}

export function readGlossary(reader: Reader, contentDir: string): GlossaryFile {
  const path = join(contentDir, 'glossary.yaml');
  const none: GlossaryFile = { glossary: EMPTY_GLOSSARY, lineOf: () => undefined, path: reader.rel(path) };
  if (!exists(path)) return none;
  const parsed = readYamlFile(reader, path);
  const data = parsed && validate(glossarySchema, parsed.yaml, parsed.file, reader.diagnostics, 'glossary setting');
  if (!parsed || !data) return none;
  const glossary: Glossary = { terms: data.terms, ignore: data.ignore ?? [], unexplained: data.unexplained ?? [] };
  // A word belongs in one place only: explained, a name, or not explained.
  const seen = new Map<string, string>();
  const lists = [
    ['terms', data.terms.map((t) => t.term), (i: number) => ['terms', i, 'term']],
    ['ignore', glossary.ignore, (i: number) => ['ignore', i]],
    ['unexplained', glossary.unexplained, (i: number) => ['unexplained', i]],
  ] as const;
  for (const [list, words, at] of lists) {
    words.forEach((w, i) => {
      const field = fieldName(at(i));
      const first = seen.get(w);
      if (first) {
        reader.diagnostics.push({ severity: 'error', file: parsed.file, line: parsed.yaml.lineOf(at(i)), field, message: `"${w}" is listed twice (also at ${first})`, hint: 'keep one of them' });
      } else seen.set(w, field);
    });
  }
  return { glossary, file: parsed.file, lineOf: (p) => parsed.yaml.lineOf(p), path: reader.rel(path) };
}
