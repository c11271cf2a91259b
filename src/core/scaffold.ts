/**
 * A new entry, ready to fill in: the report's declared fields in order, each
 * with a comment saying what to write (the allowed ids of a choice), the
 * values given, the next free order, and the section headings. No silent
 * defaults: a value not given stays empty, so `npm run check` asks for it
 * when it is required.
 */
import { choicesOf, fieldType, type FieldScalar, type ReportFile } from './schema.ts';

export interface NewEntry {
  title: string;
  /** Declared field id → the value(s) given. */
  values: Record<string, FieldScalar | FieldScalar[] | undefined>;
  order: number;
}

function yaml(value: FieldScalar, type: string): string {
  if (typeof value === 'number' || type === 'choice' || type === 'status') return String(value);
  if (type === 'date') return `'${value}'`;
  return JSON.stringify(value);
}

export function entryTemplate(report: ReportFile, entry: NewEntry): string {
  const lines = ['---', '# One row of the table. After editing, run `npm run check`. Guide: docs/editing.md', `title: ${JSON.stringify(entry.title)}`];
  for (const f of report.fields) {
    const choices = choicesOf(report, f);
    const what = `${f.label}${f.required ? '' : ', optional'}${f.multiple ? '; several values as a list: [a, b]' : ''}`;
    lines.push(choices.length ? `# ${f.id} (${what}): one of` : `# ${f.id} (${what}): ${fieldType(f).describe}`);
    for (const c of choices) lines.push(`#   ${c.id}: ${c.label}`);
    const given = entry.values[f.id];
    const list = given === undefined ? [] : Array.isArray(given) ? given : [given];
    const written = list.map((v) => yaml(v, f.type));
    lines.push(`${f.id}:${written.length === 0 ? '' : ` ${written.length > 1 ? `[${written.join(', ')}]` : written[0]}`}`);
  }
  lines.push(
    '# order: the row’s position in the table',
    `order: ${entry.order}`,
    '# evidence (optional), one item per document; a url only if it is real:',
    '# evidence:',
    '#   - title: Paper agreed at the Board',
    "#     date: 'YYYY-MM-DD'",
    '---',
    '',
  );
  for (const s of report.sections) lines.push(`## ${s.heading}`, '');
  return lines.join('\n');
}

/** The next free position: one more than the largest order in use. */
export function nextOrder(orders: number[]): number {
  return orders.length ? Math.max(...orders) + 1 : 1;
}
