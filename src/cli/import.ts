/**
 * npm run import -- tracker.csv --report <report> [--map "Header=field,…"] [--force] [--content content]
 *
 * Reads a tracker exported from a spreadsheet as CSV and writes one Markdown
 * entry per row into content/reports/<report>/. Lists what it could not map
 * (values that are not among a field's choices, with the nearest valid id) and
 * never overwrites an existing entry without --force. Then run `npm run check`.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importCsv, importTargets, parseMap } from '../core/import.ts';
import { reportSchema } from '../core/schema.ts';
import { parseYaml } from '../core/yaml.ts';

const USAGE = 'usage: npm run import -- tracker.csv --report <report> [--map "Header=field,…"] [--force]';

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      report: { type: 'string' },
      map: { type: 'string' },
      force: { type: 'boolean', default: false },
      content: { type: 'string', default: 'content' },
    },
  });
  const [file] = positionals;
  if (!file || !values.report) {
    console.error(USAGE);
    return 2;
  }
  const rel = (p: string) => relative(process.cwd(), p) || p;
  const dir = join(resolve(values.content ?? 'content'), 'reports', values.report);
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
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch (error) {
    console.error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return 1;
  }

  const existing = readdirSync(dir).filter((n) => n.endsWith('.md'));
  const orders = existing.map((n) => /^order:\s*(\d+)\s*$/m.exec(readFileSync(join(dir, n), 'utf8'))?.[1]).filter(Boolean).map(Number);
  const result = importCsv(text, report.data, { map: parseMap(values.map, report.data), firstOrder: orders.length ? Math.max(...orders) + 1 : 1 });

  let written = 0;
  const skipped: string[] = [];
  for (const entry of result.entries) {
    const path = join(dir, `${entry.id}.md`);
    if (existsSync(path) && !values.force) {
      skipped.push(`row ${entry.row}: ${rel(path)} already exists (use --force to overwrite it)`);
      continue;
    }
    writeFileSync(path, entry.markdown);
    written++;
  }

  console.log(`Columns: ${Object.entries(result.mapping).map(([h, f]) => `"${h}" → ${f}`).join(', ') || 'none recognised'}`);
  if (result.unmappedColumns.length) {
    console.log(`Not imported: ${result.unmappedColumns.map((h) => `"${h}"`).join(', ')} (to import one, add --map "Header=field"; fields: ${importTargets(report.data).map((t) => t.key).join(', ')})`);
  }
  for (const s of skipped) console.log(s);
  for (const p of result.problems) console.log(`row ${p.row}: ${p.field}: ${p.message}`);
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
