/**
 * The glossary: abbreviations and what they stand for. Loaded from
 * content/glossary.yaml; used by the <abbr> plugin, the /glossary/ page and
 * the check for abbreviations the glossary lacks.
 */
import { z } from 'zod';

const word = (what: string) =>
  z.string({ error: `must be ${what}` }).trim().min(1, { error: 'must not be empty' });

export const glossarySchema = z.strictObject({
  terms: z
    .array(
      z.strictObject({
        term: word('the abbreviation as written, e.g. CPCA').describe('The abbreviation exactly as the content writes it, e.g. CPCA, O&S, Q1&2.'),
        expansion: word('what the abbreviation stands for').describe('What it stands for, from the plan’s own words or the body’s public name.'),
      }),
    )
    .describe('Abbreviations with what they stand for: the first use on each page is marked with <abbr>, and /glossary/ lists them.'),
  ignore: z.array(word('a word')).optional().describe('Capitalised words that are names, not abbreviations (e.g. a programme or a firm named in capitals): the check does not ask for them.'),
  unexplained: z
    .array(word('an abbreviation'))
    .optional()
    .describe('Abbreviations the content uses whose meaning is not known for certain: /glossary/ lists them as not explained, and the check does not ask for them.'),
});

export interface GlossaryTerm {
  term: string;
  expansion: string;
}

export interface Glossary {
  terms: GlossaryTerm[];
  /** Capitalised words that are names, not abbreviations. */
  ignore: string[];
  /** Abbreviations used without a known meaning: listed as not explained. */
  unexplained: string[];
}

export const EMPTY_GLOSSARY: Glossary = { terms: [], ignore: [], unexplained: [] };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A word, as the glossary sees one: letters and digits, perhaps joined by "&"
 * (O&S, Q1&2). So "CA" is not a word inside "CPCA" or "CAGN", nor "Q1" inside "Q1&2".
 */
const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}&])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}&])';
const WORD = /[\p{L}\p{N}]+(?:&[\p{L}\p{N}]+)*/gu;

/**
 * One regular expression for all terms: whole words only, longest first, with
 * an optional plural "s" ("MCAs", "DBPs"). Group 1 is the term.
 */
export function termPattern(terms: readonly GlossaryTerm[]): RegExp | undefined {
  if (terms.length === 0) return undefined;
  const alternatives = [...terms].sort((a, b) => b.term.length - a.term.length).map((t) => escape(t.term));
  return new RegExp(`${NOT_WORD_BEFORE}(${alternatives.join('|')})s?${NOT_WORD_AFTER}`, 'gu');
}

/**
 * Does a word look like an abbreviation a reader may need explained?
 * - two or more capitals, and more capitals than small letters: CPCA, O&S,
 *   KPIs, CfGS, TfL (but not PowerPoint or McDonald);
 * - or a capital followed by a digit: M10, Q1, Q1&2.
 */
export function looksLikeAbbreviation(word: string): boolean {
  const upper = word.match(/\p{Lu}/gu)?.length ?? 0;
  const lower = word.match(/\p{Ll}/gu)?.length ?? 0;
  return (upper >= 2 && upper > lower) || /^\p{Lu}\p{N}/u.test(word);
}

/** Addresses, link targets and code are not prose: blank them out (keeping columns) before looking for words. */
const NOT_PROSE = /(?:https?:\/\/|mailto:|www\.)[^\s<>"'`)\]]*|\]\([^)\n]*\)|`[^`\n]*`/gi;

/** Abbreviation-like words in `text` that the glossary does not know, with their line (1-based within text). */
export function unknownAbbreviations(text: string, glossary: Glossary): { word: string; line: number }[] {
  const known = new Set([...glossary.terms.map((t) => t.term), ...glossary.ignore, ...glossary.unexplained]);
  const isKnown = (w: string) => known.has(w) || (w.endsWith('s') && known.has(w.slice(0, -1)));
  const found: { word: string; line: number }[] = [];
  text.split('\n').forEach((line, i) => {
    const prose = line.replace(NOT_PROSE, (m) => ' '.repeat(m.length));
    for (const [w] of prose.matchAll(WORD)) {
      // Most words have no capital at all: skip them before counting letters.
      if (w === w.toLowerCase()) continue;
      if (looksLikeAbbreviation(w) && !isKnown(w)) found.push({ word: w, line: i + 1 });
    }
  });
  return found;
}
