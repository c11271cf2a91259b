/**
 * Synthetic but realistic entries for the benchmark: a value of each required
 * field the report declares (a choice picked from its values), titles and
 * bullet points of plan-like length in each declared section (about 1.5 KB a
 * file). Deterministic for a seed.
 */
import { choicesOf, type ReportFile } from './schema.ts';

/** mulberry32: a small, fast, seeded generator (numbers in [0, 1)). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VERBS = ['Review', 'Embed', 'Refresh', 'Agree', 'Implement', 'Develop', 'Monitor', 'Publish', 'Recruit', 'Strengthen', 'Align', 'Report'];
const OBJECTS = [
  'the governance framework',
  'officer and member protocols',
  'the procurement pipeline',
  'partnership working with constituent councils',
  'the risk management framework',
  'performance reporting to the Board',
  'the medium-term financial plan',
  'values-based recruitment',
  'the contracts and grants register',
  'training for committee members',
  'the single assurance framework',
  'the scrutiny work programme',
];
const QUALIFIERS = [
  'agreed at the Board',
  'with the Independent Improvement Board',
  'across all directorates',
  'as part of the State of the Region review',
  'in the Directorate Business Plan',
  'with constituent authorities',
  'through the Audit and Governance Committee',
  'by the end of the financial year',
];

export interface GeneratedEntry {
  /** File name, e.g. "0007-review-the-governance-framework.md". */
  name: string;
  text: string;
}

export function generateEntries(report: Pick<ReportFile, 'fields' | 'legend' | 'sections'>, count: number, seed = 1): GeneratedEntry[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const sentence = () => `${pick(VERBS)} ${pick(OBJECTS)} ${pick(QUALIFIERS)}`;
  const bullets = (min: number, max: number) =>
    Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, () => `- ${sentence()}, and ${pick(OBJECTS)} ${pick(QUALIFIERS)}`).join('\n');

  return Array.from({ length: count }, (_, i) => {
    const title = `${pick(VERBS)} ${pick(OBJECTS)} (${i + 1})`;
    const slug = `${String(i + 1).padStart(5, '0')}-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
    const values = report.fields.flatMap((f) => {
      if (!f.required) return [];
      const choices = choicesOf(report, f);
      return [`${f.id}: ${choices.length ? pick(choices).id : JSON.stringify(sentence())}`];
    });
    const sections = report.sections.flatMap((section, n) => [`## ${section.heading}`, '', n === 0 ? bullets(3, 6) : bullets(1, 4), '']);
    const text = ['---', `title: ${JSON.stringify(title)}`, ...values, `order: ${i + 1}`, '---', '', ...sections].join('\n');
    return { name: `${slug}.md`, text };
  });
}
