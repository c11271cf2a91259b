/** "Did you mean …?" for ids and field names typed by hand. */
import damerauLevenshtein from 'damerau-levenshtein';

/** Case, spaces, hyphens and underscores aside: "Next phase", "next-phase" and "next_phase" are one name. */
export const sameName = (s: string): string => s.trim().toLowerCase().replace(/[\s_-]+/g, '-');

/**
 * Typing mistakes a word of this length plausibly holds: one in a word of up
 * to five letters ("ordr", "tilte"), then one per four letters (at least two).
 * Counted as Damerau–Levenshtein steps, where two letters swapped ("tilte",
 * "theem") are one mistake, not two: so "owner" (two letters changed) is not
 * taken for "order", but "tilte" is still taken for "title".
 */
export function typoLimit(length: number): number {
  return length <= 5 ? 1 : Math.max(2, Math.floor(length / 4));
}

const steps = (a: string, b: string) => damerauLevenshtein(a, b).steps;

/** The nearest of `candidates` to `value`, if it is near enough to be a likely typo. */
export function nearest(value: string, candidates: readonly string[]): string | undefined {
  const typed = sameName(value);
  if (candidates.length === 0 || typed === '') return undefined;
  const limit = typoLimit(typed.length);
  let best: string | undefined;
  let bestSteps = Infinity;
  for (const c of candidates) {
    const d = steps(typed, sameName(c));
    if (d < bestSteps) [best, bestSteps] = [c, d];
  }
  if (bestSteps <= limit) return best;
  // A prefix or contained match ("governance" → "governance-and-decision-making"), even with a
  // typo in it ("governence"), is a good guess too.
  return (
    candidates.find((c) => (typed.length >= 3 && sameName(c).startsWith(typed)) || (typed.length >= 4 && sameName(c).includes(typed))) ??
    (typed.length >= 5 ? candidates.find((c) => sameName(c).length > typed.length && steps(typed, sameName(c).slice(0, typed.length)) <= limit) : undefined)
  );
}

/** A hint naming the nearest candidate and listing the rest. */
export function didYouMean(value: string, candidates: readonly string[], what: string): string {
  const guess = nearest(value, candidates);
  const list = `${what}: ${candidates.join(', ')}`;
  return guess ? `did you mean "${guess}"? ${list}` : list;
}
