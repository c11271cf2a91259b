/**
 * npm run new -- --report phase-2-close-down --theme partnerships "Title of the action"
 *   [--status <id>] [--next <id>] [--content content]
 * Without arguments in a terminal, asks for each value.
 * Writes content/reports/<report>/<slug>.md and never overwrites a file.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { validate, slugify } from '../core/load.ts';
import { entryTemplate, nextOrder } from '../core/scaffold.ts';
import { reportSchema, type ReportFile } from '../core/schema.ts';
import { didYouMean } from '../core/suggest.ts';
import { parseYaml } from '../core/yaml.ts';

class UsageError extends Error {}

const USAGE = 'usage: npm run new -- --report <report> --theme <theme> [--status <id>] [--next <id>] "Title of the action"';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      report: { type: 'string' },
      theme: { type: 'string' },
      status: { type: 'string' },
      next: { type: 'string' },
      content: { type: 'string', default: 'content' },
    },
  });
  const contentDir = resolve(values.content ?? 'content');
  const reportsDir = join(contentDir, 'reports');
  const reports = existsSync(reportsDir) ? readdirSync(reportsDir).filter((n) => existsSync(join(reportsDir, n, 'report.yaml'))).sort() : [];
  if (reports.length === 0) throw new UsageError(`no report found in ${relative(process.cwd(), reportsDir)}`);

  const interactive = process.argv.length <= 2 && process.stdin.isTTY;
  const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  const choose = async (what: string, options: { id: string; label: string }[], given?: string): Promise<string> => {
    if (given !== undefined || !rl) {
      if (given === undefined) throw new UsageError(`--${what} is required\n${USAGE}`);
      if (!options.some((o) => o.id === given)) throw new UsageError(`"${given}" is not a ${what}: ${didYouMean(given, options.map((o) => o.id), `${what}s`)}`);
      return given;
    }
    options.forEach((o, i) => console.log(`  ${i + 1}. ${o.label} (${o.id})`));
    for (;;) {
      const answer = (await rl.question(`${what} (1-${options.length}): `)).trim();
      const picked = options[Number(answer) - 1] ?? options.find((o) => o.id === answer);
      if (picked) return picked.id;
      console.log(`Type a number from 1 to ${options.length}.`);
    }
  };

  try {
    const reportId = await choose('report', reports.map((r) => ({ id: r, label: r })), values.report ?? (reports.length === 1 ? reports[0] : undefined));
    const reportPath = join(reportsDir, reportId, 'report.yaml');
    const yaml = parseYaml(readFileSync(reportPath, 'utf8'));
    const problems: Parameters<typeof validate>[3] = [];
    const report = yaml.problems.length ? undefined : (validate(reportSchema, yaml, relative(process.cwd(), reportPath), problems, 'report setting') as ReportFile | undefined);
    if (!report) throw new UsageError(`${relative(process.cwd(), reportPath)} has errors: run npm run check`);

    let title = positionals.join(' ').trim();
    if (!title && rl) title = (await rl.question('Title of the action (as the plan words it): ')).trim();
    if (!title) throw new UsageError(`a title is required\n${USAGE}`);
    const theme = await choose('theme', report.themes.map((t) => ({ id: t.id, label: t.title })), values.theme);
    const status = await choose('status', report.legend.map((l) => ({ id: l.id, label: l.label })), values.status ?? (rl ? undefined : report.legend[0]!.id));
    const nextPhase = await choose('next', report.destinations.map((d) => ({ id: d.id, label: d.title })), values.next ?? (rl ? undefined : report.destinations[0]!.id));

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
    writeFileSync(path, entryTemplate(report, { title, theme, status, nextPhase, order: nextOrder(orders) }), { flag: 'wx' });
    console.log(`Wrote ${relative(process.cwd(), path)}. Fill in the two sections, check the status and new phase, then run npm run check.`);
  } finally {
    rl?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? error.message : `new could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
