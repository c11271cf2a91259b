/**
 * A new entry, ready to fill in: valid ids, the next free order, comments
 * listing the allowed values, and the two section headings.
 */
import { SECTIONS } from './markdown.ts';
import type { ReportFile } from './schema.ts';

export interface NewEntry {
  title: string;
  theme: string;
  status: string;
  nextPhase: string;
  order: number;
}

export function entryTemplate(report: ReportFile, entry: NewEntry): string {
  const list = (items: { id: string; label: string }[]) => items.map((i) => `#   ${i.id}: ${i.label}`).join('\n');
  return [
    '---',
    '# One row of the table. After editing, run `npm run check`. Guide: docs/editing.md',
    `title: ${JSON.stringify(entry.title)}`,
    '# theme: one of',
    list(report.themes.map((t) => ({ id: t.id, label: t.title }))),
    `theme: ${entry.theme}`,
    '# status (the colour code): one of',
    list(report.legend.map((l) => ({ id: l.id, label: l.label }))),
    `status: ${entry.status}`,
    '# next_phase (where the work goes next): one of',
    list(report.destinations.map((d) => ({ id: d.id, label: d.title }))),
    `next_phase: ${entry.nextPhase}`,
    '# order: the row’s position in the table',
    `order: ${entry.order}`,
    '# evidence (optional), one item per document; a url only if it is real:',
    '# evidence:',
    "#   - title: Paper agreed at the Board",
    "#     date: 'YYYY-MM-DD'",
    '---',
    '',
    `## ${SECTIONS[0].heading}`,
    '',
    `## ${SECTIONS[1].heading}`,
    '',
  ].join('\n');
}

/** The next free position: one more than the largest order in use. */
export function nextOrder(orders: number[]): number {
  return orders.length ? Math.max(...orders) + 1 : 1;
}
