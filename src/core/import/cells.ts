/**
 * Reading a spreadsheet's cells: its delimiter, dates written day or month
 * first, a choice by the words of its label, bulleted lines as Markdown,
 * evidence lines, and a value written back as YAML.
 */
import type { Choice, FieldDecl, FieldScalar } from '../schema.ts';

/** The delimiters a spreadsheet's CSV uses, by name. */
export const DELIMITERS: Record<string, string> = { comma: ',', ',': ',', semicolon: ';', ';': ';', tab: '\t', '\\t': '\t', '\t': '\t' };
export const delimiterName = (d: string) => (d === ',' ? 'comma' : d === ';' ? 'semicolon' : 'tab');

/**
 * The delimiter of the header row only (the first line outside quotes): the
 * most frequent of comma, semicolon and tab; a comma when there is none.
 * The rows are then read with that one delimiter, so a semicolon inside a
 * comma-separated cell stays in the cell.
 */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text.replace(/^\uFEFF/, '')) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]!++;
  }
  return Object.entries(counts).reduce((best, c) => (c[1] > best[1] ? c : best), [',', 0] as [string, number])[0];
}

/** How a spreadsheet wrote its dates: day first (UK), month first (US), or read only when one reading is a real date. */
export type DateOrder = 'uk' | 'us' | 'auto';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const isReal = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return m >= 1 && m <= 12 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};
const spoken = (y: number, m: number, d: number) => `${d} ${MONTHS[m - 1]} ${y}`;

/**
 * A date cell to YYYY-MM-DD: as it is when already so; DD/MM/YYYY (or with
 * "." or "-") read day first for `uk`, month first for `us`, and for `auto`
 * only when one of the two readings is a real date. Every conversion comes
 * back with a note saying how it was read.
 */
export function readDate(cell: string, order: DateOrder): { value: string; note?: string } | { error: string } {
  const v = cell.trim();
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (isoMatch) {
    const [y, m, d] = isoMatch.slice(1).map(Number) as [number, number, number];
    return isReal(y, m, d) ? { value: v } : { error: `"${v}" is not a real date` };
  }
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (!m) return { error: `"${v}" is not a date: write it YYYY-MM-DD, or DD/MM/YYYY with a four-figure year` };
  const [a, b, y] = m.slice(1).map(Number) as [number, number, number];
  const dayFirst = isReal(y, b, a);
  const monthFirst = isReal(y, a, b);
  let reading: [number, number, number] | undefined;
  if (order === 'uk') reading = dayFirst ? [y, b, a] : undefined;
  else if (order === 'us') reading = monthFirst ? [y, a, b] : undefined;
  else if (dayFirst && monthFirst && a !== b) {
    return { error: `"${v}" could be ${spoken(y, b, a)} or ${spoken(y, a, b)}: add --dates uk if the spreadsheet writes the day first, --dates us if the month` };
  } else reading = dayFirst ? [y, b, a] : monthFirst ? [y, a, b] : undefined;
  if (!reading) return { error: `"${v}" is not a real date${order === 'auto' ? '' : ` read ${order === 'uk' ? 'day' : 'month'} first`}: write it YYYY-MM-DD` };
  const value = iso(...reading);
  return { value, note: `"${v}" read as ${spoken(...reading)}: written ${value}` };
}

const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * The choice whose label (or id) holds the cell's words in a row, ignoring
 * case and punctuation ("Green" or "On track" → "Green – on track"), when
 * exactly one does.
 */
export function suggestChoice(cell: string, choices: readonly Choice[]): string | undefined {
  const w = words(cell);
  if (!w.length) return undefined;
  const holds = (of: string) => {
    const x = words(of);
    for (let i = 0; i + w.length <= x.length; i++) if (w.every((word, j) => x[i + j] === word)) return true;
    return false;
  };
  const found = choices.filter((c) => holds(c.label) || holds(c.id));
  return found.length === 1 ? found[0]!.id : undefined;
}

/** Undo the export's protection against formulas: `'=…` back to `=…`. */
export const unprotect = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** A cell of lines to Markdown: "•", "-" or "*" bullets become list items (indentation kept). */
export function cellToMarkdown(cell: string): string {
  const lines = cell.replace(/\r\n?/g, '\n').split('\n').filter((l) => l.trim() !== '');
  return lines
    .map((line) => {
      const bullet = /^(\s*)(?:[•\-*]|\d+[.)])\s+(.*)$/.exec(line);
      return bullet ? `${bullet[1]}- ${bullet[2]}` : line.trim();
    })
    .join('\n');
}

/** "title (YYYY-MM-DD) url — note" lines to evidence items. */
export function parseEvidence(cell: string): { title: string; date?: string; url?: string; note?: string }[] {
  return cell
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/^[•\-*]\s+/, ''))
    .filter(Boolean)
    .map((line) => {
      const [main, ...note] = line.split(' — ');
      const m = /^(.*?)(?:\s+\((\d{4}-\d{2}-\d{2})\))?(?:\s+((?:https?:\/\/|mailto:)\S+))?$/.exec(main!.trim())!;
      return { title: m[1]!.trim(), ...(m[2] ? { date: m[2] } : {}), ...(m[3] ? { url: m[3] } : {}), ...(note.length ? { note: note.join(' — ') } : {}) };
    });
}

/** A value as YAML: ids and numbers bare, dates in single quotes, other text as a JSON string (valid YAML). */
export function yamlValue(field: FieldDecl, value: FieldScalar): string {
  if (typeof value === 'number') return String(value);
  if (field.type === 'choice' || field.type === 'status') return value;
  if (field.type === 'date') return `'${value}'`;
  return JSON.stringify(value);
}

