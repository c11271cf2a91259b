/**
 * npm run new -- --report <report> --<field> <value> … "Title of the entry"
 *   [--<field> <value> for any declared field, by its id or its facet's path] [--content content]
 * Without arguments in a terminal, asks for the report, the title and each facet's value.
 * Writes content/reports/<report>/<slug>.md and never overwrites a file. A value not
 * given stays empty: `npm run check` then asks for it when it is required.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { validate, slugify } from '../core/load.ts';
import { entryTemplate, nextOrder } from '../core/scaffold.ts';
import { choicesOf, fieldType, reportSchema, valueContext, type FieldScalar, type ReportFile } from '../core/schema.ts';
import { didYouMean } from '../core/suggest.ts';
import { parseYaml } from '../core/yaml.ts';

class UsageError extends Error {}

/** `--name value` or `--name=value` pairs and the words of the title. */
function parseOptions(args: string[]): { values: Record<string, string>; positionals: string[] } {
  const values: Record<string, string> = { content: 'content' };
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const option = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!option) {
      positionals.push(arg);
      continue;
    }
    const value = option[2] ?? args[++i];
    if (value === undefined) throw new UsageError(`--${option[1]} needs a value\n${USAGE}`);
    values[option[1]!] = value;
  }
  return { values, positionals };
}

const USAGE = 'usage: npm run new -- --report <report> [--<field> <value> …] "Title of the action"';

async function main(): Promise<void> {
  // Field options depend on the report: every option takes a value; they are checked against its declarations.
  const { values, positionals } = parseOptions(process.argv.slice(2));
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const contentDir = resolve(text(values.content) ?? 'content');
  const reportsDir = join(contentDir, 'reports');
  const reports = existsSync(reportsDir) ? readdirSync(reportsDir).filter((n) => existsSync(join(reportsDir, n, 'report.yaml'))).sort() : [];
  if (reports.length === 0) throw new UsageError(`no report found in ${relative(process.cwd(), reportsDir)}`);

  const interactive = process.argv.length <= 2 && process.stdin.isTTY;
  const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  /** A choice: given on the command line (checked), asked in a terminal, or left empty. */
  const choose = async (what: string, options: { id: string; label: string }[], given?: string, ask = true): Promise<string | undefined> => {
    if (given !== undefined) {
      if (!options.some((o) => o.id === given)) throw new UsageError(`"${given}" is not a ${what}: ${didYouMean(given, options.map((o) => o.id), 'choices')}`);
      return given;
    }
    if (!rl || !ask) return undefined;
    options.forEach((o, i) => console.log(`  ${i + 1}. ${o.label} (${o.id})`));
    for (;;) {
      const answer = (await rl.question(`${what} (1-${options.length}, or Enter to leave it empty): `)).trim();
      if (answer === '') return undefined;
      const picked = options[Number(answer) - 1] ?? options.find((o) => o.id === answer);
      if (picked) return picked.id;
      console.log(`Type a number from 1 to ${options.length}.`);
    }
  };

  try {
    const reportId = await choose('report', reports.map((r) => ({ id: r, label: r })), text(values.report) ?? (reports.length === 1 ? reports[0] : undefined));
    if (!reportId) throw new UsageError(`--report is required\n${USAGE}`);
    const reportPath = join(reportsDir, reportId, 'report.yaml');
    const yaml = parseYaml(readFileSync(reportPath, 'utf8'));
    const problems: Parameters<typeof validate>[3] = [];
    const report = yaml.problems.length ? undefined : (validate(reportSchema, yaml, relative(process.cwd(), reportPath), problems, 'report setting') as ReportFile | undefined);
    if (!report) throw new UsageError(`${relative(process.cwd(), reportPath)} has errors: run npm run check`);

    const known = new Set(['report', 'content', ...report.fields.map((f) => f.id), ...report.facets.map((f) => f.path)]);
    for (const key of Object.keys(values)) {
      if (!known.has(key)) throw new UsageError(`--${key} is not a field of ${reportId}: ${didYouMean(key, [...known].filter((k) => k !== 'content'), 'options')}`);
    }
    let title = positionals.join(' ').trim();
    if (!title && rl) title = (await rl.question(`${report.title_label} (as the plan words it): `)).trim();
    if (!title) throw new UsageError(`a title is required\n${USAGE}`);

    const given: Record<string, FieldScalar | FieldScalar[] | undefined> = {};
    for (const f of report.fields) {
      const path = report.facets.find((x) => x.field === f.id)?.path;
      const raw = text(values[f.id]) ?? (path ? text(values[path]) : undefined);
      const choices = choicesOf(report, f);
      if (choices.length) {
        // Facets are asked for in a terminal; other choices only when given.
        const isFacet = path !== undefined;
        const ids = raw?.split(',').map((s) => s.trim()).filter(Boolean);
        const picked = ids?.length
          ? await Promise.all(ids.map((id) => choose(f.label.toLowerCase(), choices, id)))
          : [await choose(f.label.toLowerCase(), choices, undefined, isFacet)].filter((x) => x !== undefined);
        given[f.id] = picked.length > 1 ? (picked as string[]) : picked[0];
      } else if (raw !== undefined) {
        const value = fieldType(f).fromCell(raw, valueContext(report, f));
        if (value === undefined) throw new UsageError(`--${f.id}: "${raw}" is not ${fieldType(f).describe}`);
        given[f.id] = value;
      }
    }

    const dir = join(reportsDir, reportId);
    const slug = slugify(title);
    if (!slug) throw new UsageError('the title needs at least one letter or digit');
    const path = join(dir, `${slug}.md`);
    if (existsSync(path)) throw new UsageError(`${relative(process.cwd(), path)} already exists: nothing was written (choose another title, or edit that file)`);
    const orders = readdirSync(dir)
      .filter((n) => n.endsWith('.md'))
      .map((n) => /^order:\s*(\d+)\s*$/m.exec(readFileSync(join(dir, n), 'utf8'))?.[1])
      .filter((o): o is string => o !== undefined)
      .map(Number);
    writeFileSync(path, entryTemplate(report, { title, values: given, order: nextOrder(orders) }), { flag: 'wx' });
    const empty = report.fields.filter((f) => f.required && given[f.id] === undefined).map((f) => f.id);
    console.log(`Wrote ${relative(process.cwd(), path)}. Fill in ${empty.length ? `${empty.join(', ')} and ` : ''}the sections, then run npm run check.`);
  } finally {
    rl?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? error.message : `new could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
