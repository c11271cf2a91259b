/**
 * The glossary: abbreviations and what they stand for. Loaded from
 * content/glossary.yaml; used by the <abbr> plugin, the /glossary/ page and
 * the check for capitalised words the glossary lacks.
 */
import { z } from 'zod';

export const glossarySchema = z.strictObject({
  terms: z.array(
    z.strictObject({
      term: z.string({ error: 'must be the abbreviation as written, e.g. CPCA' }).trim().min(1, { error: 'must not be empty' }),
      expansion: z.string({ error: 'must be what the abbreviation stands for' }).trim().min(1, { error: 'must not be empty' }),
    }),
  ),
  ignore: z.array(z.string()).optional().describe('Capitalised words that are not abbreviations to expand (names).'),
});

export interface GlossaryTerm {
  term: string;
  expansion: string;
}

export interface Glossary {
  terms: GlossaryTerm[];
  ignore: string[];
}

export const EMPTY_GLOSSARY: Glossary = { terms: [], ignore: [] };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One regular expression for all terms: whole words only (so "CA" is not
 * found inside "CPCA" or "CAGN"), longest first, with an optional plural "s"
 * ("MCAs", "DBPs").
 */
export function termPattern(terms: readonly GlossaryTerm[]): RegExp | undefined {
  if (terms.length === 0) return undefined;
  const alternatives = [...terms].sort((a, b) => b.term.length - a.term.length).map((t) => escape(t.term));
  return new RegExp(`(?<![\\p{L}\\p{N}&])(${alternatives.join('|')})(s?)(?![\\p{L}\\p{N}&])`, 'gu');
}

/** Words that look like abbreviations: two or more capital letters, perhaps with digits or "&" (CPCA, O&S, KPIs). */
const CAPITALISED = /(?<![\p{L}\p{N}&])(?=(?:[A-Z0-9&]*[A-Z]){2})[A-Z][A-Z0-9&]*[A-Z0-9](?:s)?(?![\p{L}\p{N}&])/gu;

/** Capitalised words in `text` that the glossary neither expands nor ignores, with their line (1-based within text). */
export function unknownAbbreviations(text: string, glossary: Glossary): { word: string; line: number }[] {
  const known = new Set([...glossary.terms.map((t) => t.term), ...glossary.ignore]);
  const found: { word: string; line: number }[] = [];
  text.split('\n').forEach((line, i) => {
    for (const match of line.matchAll(CAPITALISED)) {
      const word = match[0];
      const singular = word.endsWith('s') ? word.slice(0, -1) : word;
      if (!known.has(word) && !known.has(singular)) found.push({ word, line: i + 1 });
    }
  });
  return found;
}
