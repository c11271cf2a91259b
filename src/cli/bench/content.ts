/**
 * The bench's content: the shape of the plan it generates entries for (its own
 * fixture, bench/sample/, or a content folder given with --content), a content
 * folder of N generated entries, and for the history case a git repository of
 * them over E editions with a copy of its last edition without history.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateEntries } from '../../core/bench-data.ts';
import { historyBenchRepo, type BenchRepo, type BenchSample } from '../../core/history/bench.ts';
import { reportSchema } from '../../core/schema.ts';
import { parseYaml } from '../../core/yaml.ts';
import { ROOT } from './measure.ts';

/** The bench's own sample: a site and one report of generated words, known to nothing in src/. */
export const SAMPLE_CONTENT = join(ROOT, 'bench/sample');

/**
 * The sample shape in a content folder: its site.yaml and glossary.yaml, and
 * its first report (by folder name) with its report.yaml and notes page.
 */
export function readSample(contentDir: string): BenchSample {
  const reportsDir = join(contentDir, 'reports');
  const reportId = (existsSync(reportsDir) ? readdirSync(reportsDir) : []).sort().find((name) => existsSync(join(reportsDir, name, 'report.yaml')));
  if (!reportId) throw new Error(`${contentDir} has no report (a folder reports/<report>/ with a report.yaml) to take the sample shape from`);
  const reportText = readFileSync(join(reportsDir, reportId, 'report.yaml'), 'utf8');
  const report = reportSchema.parse(parseYaml(reportText).data);
  const files: Record<string, string> = { [`reports/${reportId}/report.yaml`]: reportText };
  for (const name of ['site.yaml', 'glossary.yaml']) if (existsSync(join(contentDir, name))) files[name] = readFileSync(join(contentDir, name), 'utf8');
  if (report.about_page) files[`reports/${reportId}/${report.about_page.file}`] = readFileSync(join(reportsDir, reportId, report.about_page.file), 'utf8');
  return { files, reportId, report };
}

/** Writes the sample's files and N generated entries into a new content folder. */
export function writeGenerated(sample: BenchSample, content: string, entries: number, seed: number): void {
  for (const [path, text] of Object.entries(sample.files)) {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  const reportDir = join(content, 'reports', sample.reportId);
  for (const e of generateEntries(sample.report, entries, seed)) writeFileSync(join(reportDir, e.name), e.text);
}

export interface HistoryContent {
  bench: BenchRepo;
  /** The same content as the repository's last edition, in a folder outside any repository. */
  flat: string;
  /** Entries in the last edition. */
  entries: number;
}

/** The history case's two content folders: with E editions in git, and the last of them without history. */
export function historyContent(sample: BenchSample, work: string, entries: number, editions: number, seed: number): HistoryContent {
  const bench = historyBenchRepo({ entries, editions, seed, sample });
  const flat = join(work, 'flat', 'content');
  cpSync(bench.content, flat, { recursive: true });
  const count = readdirSync(join(flat, 'reports', sample.reportId)).filter((f) => /\.(md|markdown)$/i.test(f) && !Object.keys(sample.files).includes(`reports/${sample.reportId}/${f}`)).length;
  return { bench, flat, entries: count };
}
