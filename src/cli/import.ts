/**
 * npm run import -- tracker.csv --report <report> [--map "Header=field,…"]
 *   [--values "Field:Spreadsheet value=value,…"] [--values-file map.yaml]
 *   [--delimiter comma|semicolon|tab] [--dates uk|us|auto] [--dry-run] [--force] [--content content]
 *
 * Reads a tracker exported from a spreadsheet as CSV and writes one Markdown
 * entry per row into content/reports/<report>/. Every column and every cell
 * either lands in an entry or is listed (row, column, why); values changed on
 * the way in (dates read as DD/MM/YYYY, --values) are listed too. Nothing is
 * guessed: a required value not given stays empty for `npm run check` to ask
 * for. Never overwrites an existing entry without --force; --dry-run writes
 * nothing and prints what would be written.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DELIMITERS, delimiterName, importCsv, parseMap, parseValues, parseValuesFile, type DateOrder, type ValueMap } from '../core/import/index.ts';
import { reportSchema } from '../core/schema.ts';
import { parseYaml } from '../core/yaml.ts';

const USAGE =
  'usage: npm run import -- tracker.csv --report <report> [--map "Header=field,…"] [--values "Field:Spreadsheet value=value,…"] [--values-file map.yaml] [--delimiter comma|semicolon|tab] [--dates uk|us|auto] [--dry-run] [--force]';

/** A file's text, or undefined after saying why it cannot be read. */
function readText(file: string): string | undefined {
  try {
    return readFileSync(resolve(file), 'utf8');
  } catch (error) {
    console.error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return undefined;
  }
}

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      report: { type: 'string' },
      map: { type: 'string' },
      values: { type: 'string', multiple: true },
      'values-file': { type: 'string' },
      delimiter: { type: 'string' },
      dates: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      content: { type: 'string', default: 'content' },
    },
  });
  const [file] = positionals;
  if (!file || !values.report) {
    console.error(USAGE);
    return 2;
  }
  const delimiter = values.delimiter === undefined ? undefined : DELIMITERS[values.delimiter.toLowerCase()];
  if (values.delimiter !== undefined && !delimiter) {
    console.error(`--delimiter "${values.delimiter}": write comma, semicolon or tab`);
    return 2;
  }
  if (values.dates !== undefined && !['uk', 'us', 'auto'].includes(values.dates)) {
    console.error(`--dates "${values.dates}": write uk (31/03/2025, day first), us (03/31/2025, month first) or auto (only dates that can be read one way)`);
    return 2;
  }
  const rel = (p: string) => relative(process.cwd(), p) || p;
  const contentDir = resolve(values.content ?? 'content');
  const dir = join(contentDir, 'reports', values.report);
  const reportPath = join(dir, 'report.yaml');
  if (!existsSync(reportPath)) {
    console.error(`${rel(reportPath)} does not exist: create the report first (its title and the fields, sections and legend of its plan), then import its rows.`);
    return 1;
  }
  const yaml = parseYaml(readFileSync(reportPath, 'utf8'));
  const report = reportSchema.safeParse(yaml.data);
  if (yaml.problems.length || !report.success) {
    console.error(`${rel(reportPath)} has errors: run npm run check and fix them first.`);
    return 1;
  }
  // UK spreadsheets write dates day first: DD/MM/YYYY is read so on an en-GB site (the default language).
  const sitePath = join(contentDir, 'site.yaml');
  const language = existsSync(sitePath) ? String((parseYaml(readFileSync(sitePath, 'utf8')).data as { language?: unknown } | undefined)?.language ?? 'en-GB') : 'en-GB';
  const dates = (values.dates ?? (language === 'en-GB' ? 'uk' : language === 'en-US' ? 'us' : 'auto')) as DateOrder;
  const text = readText(file);
  if (text === undefined) return 1;
  let valueMap: ValueMap = {};
  if (values['values-file']) {
    const mapFile = values['values-file'];
    const mapText = readText(mapFile);
    if (mapText === undefined) return 1;
    const parsed = parseYaml(mapText);
    if (parsed.problems.length) {
      console.error(`${mapFile} is not valid YAML: ${parsed.problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`);
      return 1;
    }
    valueMap = parseValuesFile(parsed.data, report.data, mapFile);
  }
  valueMap = parseValues(values.values ?? [], report.data, valueMap);

  const existing = readdirSync(dir).filter((n) => n.endsWith('.md'));
  const orders = existing.map((n) => /^order:\s*(\d+)\s*$/m.exec(readFileSync(join(dir, n), 'utf8'))?.[1]).filter(Boolean).map(Number);
  const result = importCsv(text, report.data, {
    map: parseMap(values.map, report.data),
    firstOrder: orders.length ? Math.max(...orders) + 1 : 1,
    delimiter,
    values: valueMap,
    dates,
  });
  const dryRun = values['dry-run'];

  console.log(`Read ${rel(resolve(file))}: ${delimiterName(result.delimiter)}-separated (${delimiter ? '--delimiter' : 'from the header row'}), dates ${dates === 'uk' ? 'day first (DD/MM/YYYY)' : dates === 'us' ? 'month first (MM/DD/YYYY)' : 'read only when they can be read one way'}.`);
  console.log(`Columns: ${Object.entries(result.mapping).map(([h, f]) => `"${h}" → ${f}`).join(', ') || 'none recognised'}`);

  let written = 0;
  const skipped: string[] = [];
  for (const entry of result.entries) {
    const path = join(dir, `${entry.id}.md`);
    const exists = existsSync(path);
    if (dryRun) {
      console.log(`\n${rel(path)} (row ${entry.row})${exists ? (values.force ? ' — would overwrite the existing file' : ' — exists: would be skipped without --force') : ''}`);
      const width = Math.max(5, ...entry.fields.map(([label]) => label.length));
      console.log(`  ${'title'.padEnd(width)}  ${entry.title.replace(/\s*\r?\n\s*/g, ' / ')}`);
      for (const [label, value] of entry.fields) console.log(`  ${label.padEnd(width)}  ${value}`);
      continue;
    }
    if (exists && !values.force) {
      skipped.push(`row ${entry.row}: ${rel(path)} already exists (use --force to overwrite it)`);
      continue;
    }
    writeFileSync(path, entry.markdown);
    written++;
  }
  if (dryRun) console.log('');

  for (const s of skipped) console.log(s);
  const columnNotes = result.notes.filter((n) => n.row === 1);
  const cellNotes = result.notes.filter((n) => n.row !== 1);
  if (columnNotes.length) {
    console.log('Not imported, nothing lost:');
    for (const n of columnNotes) console.log(`  column "${n.column}" ${n.message}`);
  }
  if (cellNotes.length) {
    console.log('Changed on the way in:');
    for (const n of cellNotes) console.log(`  row ${n.row}, column "${n.column}": ${n.message}`);
  }
  if (result.problems.length) {
    console.log(dryRun ? 'Problems (each cell listed here would not be in the entries as it is):' : 'To check (each cell listed here is not in the entries as it is):');
    for (const p of result.problems) console.log(`  row ${p.row}${p.column ? `, column "${p.column}"` : ''}${p.field !== '-' ? ` (${p.field})` : ''}: ${p.message}`);
  }
  for (const s of result.suggestions) {
    console.log(`Some ${s.field} values match the words of the report's labels: to use them, run the import again with\n  ${s.argument}`);
  }
  if (dryRun) {
    console.log(`Dry run: ${result.entries.length} ${result.entries.length === 1 ? 'entry' : 'entries'} would be written to ${rel(dir)}, ${result.problems.length} to check. Nothing was written.`);
    return 0;
  }
  console.log(`${written} ${written === 1 ? 'entry' : 'entries'} written to ${rel(dir)}, ${skipped.length} skipped, ${result.problems.length} to check.`);
  console.log('Next: run npm run check, fix what it lists, then npm run build.');
  return result.entries.length === 0 && result.problems.length ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`import could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
