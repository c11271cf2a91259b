/**
 * The history benchmark: a repository with N generated entries over E
 * quarterly editions, each edition moving statuses, slipping dates, editing
 * sections and adding and removing entries in two commits (the first raising as_at), then the time that
 * reading its history and comparing its editions takes (what history adds to
 * a build).
 *
 *   node src/core/history/bench.ts [--entries 1000] [--editions 12] [--seed 1]
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { generateEntries, random } from '../bench-data.ts';
import { statuses as statuses_ } from '../schema.ts';
import { historyChanges } from './changes.ts';
import { readHistory } from './read.ts';
import { tempRepo, type TempRepo } from './repo.ts';
import type { ReportShape } from './types.ts';

export const BENCH_SHAPE: ReportShape = {
  titleKey: 'title',
  statusKey: 'status',
  dateKeys: ['target_date'],
  ignoreKeys: ['order'],
  legend: [{ id: 'not-started' }, { id: 'in-progress' }, { id: 'at-risk' }, { id: 'complete', done: true }],
};

/** What the generator did between one edition and the next, by entry id. */
export interface ExpectedChanges {
  added: string[];
  removed: string[];
  status: string[];
  slipped: string[];
  sections: string[];
}

export interface BenchRepo {
  repo: TempRepo;
  /** The content folder (not the top of the repository, as in this project). */
  content: string;
  reportId: string;
  asAts: string[];
  /** expected[i]: from edition i to edition i + 1. */
  expected: ExpectedChanges[];
}

/** The quarter end `i` quarters after the first quarter of `startYear`: 31 March, 30 June, 30 September, 31 December. */
function quarterEnd(startYear: number, i: number): string {
  const year = startYear + Math.floor(i / 4);
  const month = [3, 6, 9, 12][i % 4]!;
  const day = [31, 30, 30, 31][i % 4]!;
  return `${year}-${String(month).padStart(2, '0')}-${day}`;
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0)); // the month's last day
  return target.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A site to generate the plan in: its content files, and the report whose entries are generated. */
export interface BenchSample {
  /** Content-relative path → text (site.yaml, the report's report.yaml, any notes page). */
  files: Record<string, string>;
  reportId: string;
  /** The report's declarations (from its report.yaml), for the generated entries. */
  report: Parameters<typeof generateEntries>[0];
}

/** The generator's own minimal plan: a theme, a status, a next phase, a target date, two sections. */
function defaultSample(): BenchSample {
  const statuses = BENCH_SHAPE.legend.map((s) => s.id);
  const choice = (id: string, values: string[]) => ({ id, label: id, type: 'choice' as const, required: true, multiple: false, column: false, values: values.map((v) => ({ id: v, label: v })) });
  return {
    reportId: 'plan',
    files: {
      'site.yaml': 'title: Bench\n',
      'reports/plan/report.yaml': `title: Generated plan\nlegend:\n${statuses.map((s) => `  - id: ${s}\n`).join('')}as_at: 2023-03-31\n`,
    },
    report: {
      fields: [
        choice('theme', ['governance', 'finance', 'culture']),
        { id: 'status', label: 'Status', type: 'status', required: true, multiple: false, column: false },
        choice('next_phase', ['phase-3', 'directorate-plans']),
        { id: 'target_date', label: 'Target date', type: 'date', required: false, multiple: false, column: false },
      ],
      legend: statuses.map((id) => ({ id, label: id, colour: '#ffffff', text_colour: '#0b0c0c', done: false })),
      sections: ['Progress', 'Next steps'].map((heading, i) => ({ id: `s${i}`, heading, required: true, in_table: true })),
    },
  };
}

/**
 * A git repository holding `sample`'s site with N generated entries over E
 * editions. Everything is generated and deterministic for a seed: the entries'
 * words (bench-data.ts), the quarter ends the editions report to (from a
 * first quarter between 2020 and 2023 picked by the seed), the target dates,
 * which entries change, and the commit dates (a few weeks after each quarter end).
 * The report's status field and its first date field are the ones moved and slipped.
 */
export function historyBenchRepo(options: { entries: number; editions: number; seed?: number; sample?: BenchSample }): BenchRepo {
  const seed = options.seed ?? 1;
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const sample = options.sample ?? defaultSample();
  const { report, reportId } = sample;
  const statuses = statuses_(report).map((s) => s.id);
  const statusKey = report.fields.find((f) => f.type === 'status')?.id ?? 'status';
  const dateKey = report.fields.find((f) => f.type === 'date')?.id ?? 'target_date';
  const startYear = 2020 + Math.floor(random(seed + 1)() * 4);
  const quarter = (i: number) => quarterEnd(startYear, i);

  const repo = tempRepo('history-bench-');
  const dir = `content/reports/${reportId}`;
  const reportFile = `reports/${reportId}/report.yaml`;
  const reportText = sample.files[reportFile];
  if (reportText === undefined) throw new Error(`the sample has no ${reportFile}`);
  const reportYaml = (asAt: string) => (/^as_at:.*$/m.test(reportText) ? reportText.replace(/^as_at:.*$/m, `as_at: '${asAt}'`) : `${reportText.trimEnd()}\nas_at: '${asAt}'\n`);
  const statusLine = new RegExp(`^${statusKey}: (.*)$`, 'm');
  const dateLine = new RegExp(`^${dateKey}: (.*)$`, 'm');
  const withDate = (text: string, date: string) => text.replace(statusLine, `$&\n${dateKey}: ${date}`);
  /** Commits of an edition: a few weeks after its quarter end, one day apart. */
  const commitDate = (asAt: string, n: number) => `${addDays(asAt, 20 + n)}T10:00:00Z`;

  // Entries: file name → text; more are generated than used, for additions.
  const pool = generateEntries(report, options.entries * 2, seed);
  const files = new Map<string, string>();
  let nextNew = options.entries;
  for (const e of pool.slice(0, options.entries)) files.set(e.name, withDate(e.text, addMonths(quarter(0), 1 + Math.floor(next() * 8))));

  const asAts = [quarter(0)];
  for (const [path, text] of Object.entries(sample.files)) if (path !== reportFile) repo.write(`content/${path}`, text);
  repo.write(`${dir}/report.yaml`, reportYaml(asAts[0]!));
  for (const [name, text] of files) repo.write(`${dir}/${name}`, text);
  repo.commit(`Edition ${asAts[0]}`, commitDate(asAts[0]!, 0));

  const expected: ExpectedChanges[] = [];
  for (let edition = 1; edition < options.editions; edition++) {
    const changes: ExpectedChanges = { added: [], removed: [], status: [], slipped: [], sections: [] };
    const names = [...files.keys()];
    const idOf = (name: string) => name.replace(/\.md$/, '');
    // Each changed entry is changed in one of the edition's two commits.
    const first = new Set<string>();
    const touched = new Set<string>();
    const change = (share: number, apply: (name: string) => void) => {
      for (const name of names) {
        if (touched.has(name) || next() >= share) continue;
        touched.add(name);
        if (next() < 0.5) first.add(name);
        apply(name);
      }
    };
    change(0.15, (name) => {
      const text = files.get(name)!;
      const current = statusLine.exec(text)![1]!;
      const status = pick(statuses.filter((s) => s !== current));
      files.set(name, text.replace(statusLine, `${statusKey}: ${status}`));
      changes.status.push(idOf(name));
    });
    change(0.08, (name) => {
      const text = files.get(name)!;
      const date = dateLine.exec(text)![1]!;
      files.set(name, text.replace(dateLine, `${dateKey}: ${addMonths(date, 1 + Math.floor(next() * 6))}`));
      changes.slipped.push(idOf(name));
    });
    change(0.1, (name) => {
      files.set(name, `${files.get(name)!}- Update for the quarter to ${quarter(edition)}\n`);
      changes.sections.push(idOf(name));
    });
    const removed = names.filter((n) => !touched.has(n) && next() < 0.01);
    const added = pool.slice(nextNew, nextNew + Math.max(1, Math.round(options.entries * 0.02))).map((e) => e.name);
    nextNew += added.length;

    // Commit 1: the new as_at and half of the changes. Commit 2: the rest, with additions
    // and removals; it carries the same as_at, so it is the same edition (the last commit
    // carrying an as_at is its edition: edits made before as_at is raised belong to the
    // edition before).
    asAts.push(quarter(edition));
    repo.write(`${dir}/report.yaml`, reportYaml(quarter(edition)));
    for (const name of first) repo.write(`${dir}/${name}`, files.get(name)!);
    repo.commit(`Edition ${quarter(edition)}`, commitDate(quarter(edition), 0));
    for (const name of touched) if (!first.has(name)) repo.write(`${dir}/${name}`, files.get(name)!);
    for (const name of removed) {
      files.delete(name);
      repo.remove(`${dir}/${name}`);
      changes.removed.push(idOf(name));
    }
    for (const name of added) {
      const text = withDate(pool.find((e) => e.name === name)!.text, addMonths(quarter(edition), 3));
      files.set(name, text);
      repo.write(`${dir}/${name}`, text);
      changes.added.push(idOf(name));
    }
    repo.commit(`Edition ${quarter(edition)}: more updates`, commitDate(quarter(edition), 1));
    for (const list of Object.values(changes)) list.sort();
    expected.push(changes);
  }
  return { repo, content: join(repo.dir, 'content'), reportId, asAts, expected };
}

export interface HistoryBenchResult {
  entries: number;
  editions: number;
  commits: number;
  /** Time to make the repository (not part of a build). */
  setupSeconds: number;
  /** readHistory: git calls and parsing (wall time). */
  readSeconds: number;
  /** CPU time of this process for readHistory and historyChanges (git's own time not included): steadier than wall time on a busy machine. */
  cpuSeconds: number;
  /** historyChanges over all editions. */
  compareSeconds: number;
  gitCalls: number;
  blobsRead: number;
  parses: number;
}

export async function benchHistory(options: { entries: number; editions: number; seed?: number }): Promise<HistoryBenchResult> {
  const started = performance.now();
  const bench = historyBenchRepo(options);
  const setupSeconds = (performance.now() - started) / 1000;
  try {
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const history = await readHistory(bench.content);
    const t1 = performance.now();
    const report = history.reports.find((r) => r.reportId === bench.reportId)!;
    historyChanges(report.editions, BENCH_SHAPE);
    const t2 = performance.now();
    const used = process.cpuUsage(cpu);
    return {
      entries: options.entries,
      editions: report.editions.length,
      commits: history.stats.commits,
      setupSeconds: round(setupSeconds),
      readSeconds: round((t1 - t0) / 1000),
      compareSeconds: round((t2 - t1) / 1000),
      cpuSeconds: round((used.user + used.system) / 1e6),
      gitCalls: history.stats.gitCalls,
      blobsRead: history.stats.blobsRead,
      parses: history.stats.parses,
    };
  } finally {
    rmSync(bench.repo.dir, { recursive: true, force: true });
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { entries: { type: 'string', default: '1000' }, editions: { type: 'string', default: '12' }, seed: { type: 'string', default: '1' } } });
  const result = await benchHistory({ entries: Number(values.entries), editions: Number(values.editions), seed: Number(values.seed) });
  console.log(JSON.stringify(result, null, 2));
}
