/**
 * The import itself: each row of the spreadsheet to one Markdown entry, with
 * every column and cell either landing in an entry or coming back as a
 * problem or a note (src/core/import/index.ts says how).
 */
import { parse } from 'csv-parse/sync';
import { slugify } from '../load.ts';
import { choicesOf, fieldType, inSentence, valueContext, type ReportFile } from '../schema.ts';
import { didYouMean } from '../suggest.ts';
import { t } from '../../i18n/index.ts';
import { cellToMarkdown, detectDelimiter, parseEvidence, readDate, suggestChoice, unprotect, yamlValue } from './cells.ts';
import { importTargets, mapColumns, norm } from './columns.ts';
import type { ImportedEntry, ImportNote, ImportOptions, ImportProblem, ImportResult, ValueSuggestion } from './types.ts';

const csvHeadings = t.messages.csv;

/** The column of a problem, when it has one. */
const at = (column: string | undefined) => (column === undefined ? {} : { column });
const oneLine = (s: string) => s.replace(/\s*\r?\n\s*/g, ' / ');

export function importCsv(text: string, report: ReportFile, options: ImportOptions = {}): ImportResult {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const records = parse(text, {
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: false,
  }) as string[][];
  const [rawHeaders = [], ...rows] = records;
  const headers = rawHeaders.map((h) => h.trim());
  const { mapping, unmapped } = mapColumns(headers.filter(Boolean), report, options.map);
  const column = Object.fromEntries(Object.entries(mapping).map(([h, f]) => [f, headers.indexOf(h)])) as Record<string, number | undefined>;
  const headerOf = (key: string) => (column[key] === undefined ? undefined : headers[column[key]!]);
  const problems: ImportProblem[] = [];
  const notes: ImportNote[] = [];
  const entries: ImportedEntry[] = [];
  const unknown = new Map<string, Set<string>>();
  if (column.title === undefined) problems.push({ row: 1, field: 'title', message: `no column for the title (headers: ${headers.join(', ')}); use --map "Your header=title"` });
  const rowOf = (i: number) => i + 2; // the spreadsheet's row number (the header is row 1; a multi-line cell is still one row)

  // A column that maps to nothing: said once, with the rows whose cells it leaves out.
  headers.forEach((h, c) => {
    if (h && !unmapped.includes(h)) return;
    const filled = rows.map((cells, i) => (cells[c]?.trim() ? rowOf(i) : 0)).filter(Boolean);
    if (!h && !filled.length) return;
    // This site's own data.csv: the columns the site works out when it builds.
    // ("Row" is the row number, a copy of "Order" when that column is there too.)
    if ([csvHeadings.report, csvHeadings.updated, csvHeadings.url, t.messages.reference.row].some((x) => norm(x) === norm(h))) {
      notes.push({ row: 1, column: h, field: '-', message: 'is worked out by the site when it builds (its own data.csv): not imported' });
      return;
    }
    // The labels beside a choice field's id column (data.csv): nothing is lost when each matches the id's label.
    const twin = report.fields.find((f) => fieldType(f).idColumn && column[f.id] !== undefined && headers[column[f.id]!] !== h && norm(f.label) === norm(h));
    if (twin) {
      const labels = (ids: string) => ids.split(/\s*(?:\r?\n|;)\s*/).filter(Boolean).map((id) => choicesOf(report, twin).find((x) => x.id === id)?.label ?? id);
      const idHeader = headers[column[twin.id]!]!;
      rows.forEach((cells, i) => {
        const cell = (cells[c] ?? '').trim();
        const ids = (cells[column[twin.id]!] ?? '').trim();
        if (norm(cell) !== norm(labels(ids).join(''))) problems.push({ row: rowOf(i), column: h, field: twin.id, message: `"${oneLine(cell)}" does not match the "${idHeader}" column ("${oneLine(ids)}"): the id was imported, this cell was not` });
      });
      notes.push({ row: 1, column: h, field: twin.id, message: `repeats the labels of the "${idHeader}" column, which was imported` });
      return;
    }
    const name = h || `column ${c + 1} (no header)`;
    problems.push({
      row: 1,
      column: name,
      field: '-',
      message: `maps to no field: ${filled.length ? `its ${filled.length} filled ${filled.length === 1 ? 'cell' : 'cells'} (${filled.length === 1 ? 'row' : 'rows'} ${filled.join(', ')}) were not imported` : 'it is empty'}; to import it, add --map "${h || 'Header'}=field" (fields: ${importTargets(report).map((t) => t.key).join(', ')})`,
    });
  });

  const required = report.fields.filter((f) => f.required && column[f.id] === undefined);
  for (const f of required) {
    const choices = choicesOf(report, f).map((c) => c.id);
    problems.push({
      row: 1,
      field: f.id,
      message: `no column gives ${f.label}, which is required: every entry is written without it, for npm run check to ask for; add --map "Your header=${f.id}" if a column holds it, or write ${choices.length ? `one of: ${choices.join(', ')}` : fieldType(f).describe} in each entry`,
    });
  }

  let nextOrder = options.firstOrder ?? 1;
  const ids = new Set<string>();
  rows.forEach((cells, i) => {
    const row = rowOf(i);
    for (let c = headers.length; c < cells.length; c++) {
      if (cells[c]!.trim()) problems.push({ row, column: `column ${c + 1} (no header)`, field: '-', message: `"${oneLine(cells[c]!.trim())}" is beyond the last header: not imported` });
    }
    const get = (key: string) => (column[key] === undefined ? '' : unprotect(cells[column[key]!] ?? '').trim());
    const title = get('title');
    if (!title) {
      if (cells.some((c) => c.trim())) problems.push({ row, ...at(headerOf('title')), field: 'title', message: 'has no title: the row was not imported; give it a title and import it again' });
      return;
    }
    const front = [`title: ${JSON.stringify(title)}`];
    const shown: [string, string][] = [];
    for (const f of report.fields) {
      const type = fieldType(f);
      const context = valueContext(report, f);
      const raw = get(f.id);
      const col = headerOf(f.id);
      const choices = context.choices.map((c) => c.id);
      if (!raw) {
        // No silent default: a required value not given stays empty, and `npm run check` says so.
        if (f.required) {
          // With no column at all, said once (below) rather than on every row.
          if (col) problems.push({ row, column: col, field: f.id, message: `is empty; ${f.label} is required: write ${choices.length ? `one of: ${choices.join(', ')}` : type.describe}` });
          front.push(`${f.id}:`);
          shown.push([f.label, '(missing)']);
        }
        continue;
      }
      // Several values: one per line of the cell (as in this site's data.csv); choices also separated by ";".
      const separator = choices.length ? /\s*(?:\r?\n|;)\s*/ : /\s*\r?\n\s*/;
      const parts = f.multiple ? raw.split(separator).filter(Boolean) : [raw];
      const values = parts.map((cell) => {
        const mapped = options.values?.[f.id]?.[norm(cell)];
        if (mapped !== undefined) {
          const value = type.fromCell(mapped, context);
          if (value !== undefined) {
            if (mapped !== cell) notes.push({ row, column: col!, field: f.id, message: `"${cell}" written ${mapped} (--values)` });
            return yamlValue(f, value);
          }
        }
        if (f.type === 'date') {
          const read = readDate(cell, options.dates ?? 'auto');
          if ('value' in read) {
            if (read.note) notes.push({ row, column: col!, field: f.id, message: read.note });
            return yamlValue(f, read.value);
          }
          problems.push({ row, ...at(col), field: f.id, message: `${read.error}; it is written as it is, for npm run check to ask for a date` });
          return JSON.stringify(cell);
        }
        const value = type.fromCell(cell, context);
        if (value !== undefined) return yamlValue(f, value);
        if (choices.length) {
          if (!unknown.has(f.id)) unknown.set(f.id, new Set());
          unknown.get(f.id)!.add(cell);
        }
        // Written as it is (never a guess), for `npm run check` to flag until it is corrected.
        problems.push({
          row,
          ...at(col),
          field: f.id,
          message: choices.length ? `"${cell}" is not a ${inSentence(f.label)} of the report: ${didYouMean(slugify(cell), choices, 'choices')}` : `"${cell}" is not ${type.describe}; it is written as it is, for npm run check to flag`,
        });
        return JSON.stringify(cell);
      });
      const written = values.length > 1 ? `[${values.join(', ')}]` : values[0]!;
      front.push(`${f.id}: ${written}`);
      shown.push([f.label, written]);
    }
    const orderCell = get('order');
    if (orderCell && !/^\d+$/.test(orderCell)) problems.push({ row, ...at(headerOf('order')), field: 'order', message: `"${orderCell}" is not a whole number: the entry was put after the previous one (order ${nextOrder})` });
    const order = /^\d+$/.test(orderCell) ? Number(orderCell) : nextOrder;
    nextOrder = Math.max(nextOrder, order) + 1;
    front.push(`order: ${order}`);
    let id = slugify(get('id') || title) || `row-${row}`;
    if (ids.has(id)) id = `${id}-${row}`;
    ids.add(id);
    const evidence = get('evidence') ? parseEvidence(get('evidence')) : [];
    if (evidence.length) {
      front.push('evidence:', ...evidence.flatMap((e) => [`  - title: ${JSON.stringify(e.title)}`, ...(e.date ? [`    date: '${e.date}'`] : []), ...(e.url ? [`    url: ${JSON.stringify(e.url)}`] : []), ...(e.note ? [`    note: ${JSON.stringify(e.note)}`] : [])]));
      shown.push(['evidence', `${evidence.length} ${evidence.length === 1 ? 'item' : 'items'}`]);
    }
    const updatedCell = get('updated');
    if (updatedCell) {
      const read = readDate(updatedCell, options.dates ?? 'auto');
      if ('value' in read) {
        if (read.note) notes.push({ row, column: headerOf('updated')!, field: 'updated', message: read.note });
        front.push(`updated: '${read.value}'`);
        shown.push(['updated', read.value]);
      } else problems.push({ row, ...at(headerOf('updated')), field: 'updated', message: `${read.error}: not imported` });
    }
    const sections = report.sections.map((s) => {
      const body = cellToMarkdown(get(s.id));
      // An empty section is written as its heading alone: the plan recorded nothing there, and check accepts that.
      shown.push([s.heading, body ? oneLine(body) : '(empty)']);
      return `## ${s.heading}\n${body ? `\n${body}\n` : ''}`;
    });
    const markdown = `---\n${front.join('\n')}\n---\n${sections.length ? `\n${sections.join('\n')}` : ''}`;
    entries.push({ row, id, title, fields: shown, markdown });
  });

  // Values of a choice field that match the start of a label: a --values argument to paste.
  const suggestions: ValueSuggestion[] = [];
  for (const [fieldId, cells] of unknown) {
    const f = report.fields.find((x) => x.id === fieldId)!;
    const pairs = [...cells].flatMap((cell): [string, string][] => {
      const id = /[,;=:]/.test(cell) ? undefined : suggestChoice(cell, choicesOf(report, f));
      return id ? [[cell, id]] : [];
    });
    if (!pairs.length) continue;
    const name = /[,;=:"]/.test(f.label) ? f.id : f.label;
    suggestions.push({ field: fieldId, pairs, argument: `--values "${name}:${pairs.map(([c, v]) => `${c}=${v}`).join(',')}"` });
  }
  return { entries, mapping, unmappedColumns: unmapped, delimiter, problems, notes, suggestions };
}
