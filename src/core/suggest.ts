/** "Did you mean …?" for ids and field names typed by hand. */
import { closest, distance } from 'fastest-levenshtein';

/** The nearest of `candidates` to `value`, if it is near enough to be a likely typo. */
export function nearest(value: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = value.toLowerCase();
  // A prefix or contained match ("governance" → "governance-and-decision-making"), even with a
  // typo in it ("governence"), is a good guess too.
  const contained =
    candidates.find((c) => c.startsWith(lower) || (lower.length >= 4 && c.includes(lower))) ??
    (lower.length >= 5 ? candidates.find((c) => distance(lower, c.slice(0, lower.length)) <= 2) : undefined);
  const best = closest(lower, candidates as string[]);
  const limit = Math.max(2, Math.floor(best.length / 3));
  if (distance(lower, best) <= limit) return best;
  return contained;
}

/** A hint naming the nearest candidate and listing the rest. */
export function didYouMean(value: string, candidates: readonly string[], what: string): string {
  const guess = nearest(value, candidates);
  const list = `${what}: ${candidates.join(', ')}`;
  return guess ? `did you mean "${guess}"? ${list}` : list;
}
