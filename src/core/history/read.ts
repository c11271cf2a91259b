/**
 * Read every report's editions from git history, with as few git calls as the
 * content needs:
 *
 * 1. `git rev-parse`: is this a repository (a shallow one?), where is the content in it;
 * 2. one `git log` over the content folder, giving for each commit the blob of
 *    every file it changed, from which each report folder's files are known at
 *    every commit without asking git again;
 * 3. one `git cat-file --batch` process, first for the report.yaml versions
 *    (to learn each commit's as_at), then for the entries of the commits that
 *    end an edition; each blob is read once, since most entries do not change
 *    between editions.
 *
 * The working tree is the current edition: its files are read from disk, and
 * when its as_at is one already committed, it replaces that edition's content.
 */
import { BlobReader, gitRunner, log, repository, type LogCommit } from './git.ts';
import { ParseCache } from './parse.ts';
import type { Edition, EditionEntry, History, ReportHistory } from './types.ts';
import { aboutPageFile, editionEntry, ENTRY_FILE, readWorkingTree, REPORT_FILE, reportBlobs, sameFiles, sortById, workingTreeEdition, type Files } from './worktree.ts';

export interface HistoryOptions {
  /** The git program (default "git" on the PATH). */
  git?: string;
  /**
   * Parses kept from an earlier call (the dev preview reads history again on
   * every save): content already parsed is then neither read from git nor
   * parsed again, and git cat-file is not started when nothing new is needed.
   */
  cache?: ParseCache;
}

/**
 * The editions of every report in `contentDir/reports/` (the reports of the
 * working tree; a report deleted since has none).
 */
export async function readHistory(contentDir: string, options: HistoryOptions = {}): Promise<History> {
  const runner = gitRunner(options.git);
  const cache = options.cache ?? new ParseCache();
  const parsedBefore = cache.parses;
  const stats = () => ({ gitCalls: runner.calls, commits, blobsRead: reader?.read ?? 0, parses: cache.parses - parsedBefore });
  let commits = 0;
  // Started at the first blob needed.
  let reader: BlobReader | undefined;
  const blobs = (ids: string[]) => (ids.length ? (reader ??= new BlobReader(runner, contentDir)).blobs(ids) : Promise.resolve(new Map<string, Buffer>()));

  const worktree = readWorkingTree(contentDir);
  const current = new Map<string, Edition | undefined>();
  const currentEdition = (reportId: string, objectFormat: 'sha1' | 'sha256') => {
    if (!current.has(reportId)) current.set(reportId, workingTreeEdition(worktree.get(reportId)!, objectFormat, cache));
    return current.get(reportId);
  };
  const withoutHistory = (notice: string): History => ({
    reports: [...worktree.keys()].map((reportId) => {
      const edition = currentEdition(reportId, 'sha1');
      return { reportId, editions: edition ? [edition] : [], ...(edition ? { current: edition.asAt } : {}) };
    }),
    notice,
    stats: stats(),
  });

  const repo = repository(runner, contentDir);
  if (!repo.ok) {
    const why =
      repo.reason === 'no-git'
        ? 'git is not installed'
        : repo.reason === 'not-a-repository'
          ? 'the content is not in a git repository (a zip download or a copy)'
          : `git could not read the repository (${firstLine(repo.detail)})`;
    return withoutHistory(`History: ${why}, so each report has one edition, the content as it is now.`);
  }
  const { prefix, shallow, objectFormat } = repo.repository;
  if (shallow) {
    return withoutHistory(
      'History: this is a shallow clone, so each report has one edition, the content as it is now; fetch the full history (git fetch --unshallow, or fetch-depth: 0 on GitHub Actions) to build past editions.',
    );
  }
  const result = log(runner, contentDir);
  if (!result.ok) {
    // A repository without commits yet (a fresh `git init`) has no log.
    if (/does not have any commits|bad default revision/i.test(result.stderr)) {
      return withoutHistory('History: the repository has no commits yet, so each report has one edition, the content as it is now.');
    }
    return withoutHistory(`History: git could not read the history (${firstLine(result.stderr)}), so each report has one edition, the content as it is now.`);
  }
  commits = result.commits!.length;

  // The working tree first: a blob it shares with a commit (most of them) is then not read again.
  for (const reportId of worktree.keys()) currentEdition(reportId, objectFormat);
  try {
    let reports: Map<string, Edition[]>;
    try {
      reports = await editionsFromLog(result.commits!, prefix, [...worktree.keys()], blobs, cache);
    } catch (error) {
      return withoutHistory(`History: git could not read the history (${firstLine(error instanceof Error ? error.message : String(error))}), so each report has one edition, the content as it is now.`);
    }
    const histories: ReportHistory[] = [];
    for (const reportId of worktree.keys()) {
      const committed = reports.get(reportId) ?? [];
      const now = currentEdition(reportId, objectFormat);
      const editions = new Map(committed.map((e) => [e.asAt, e]));
      if (now) {
        const same = editions.get(now.asAt);
        // A clean working tree is the commit's content: keep the commit.
        if (!same || !sameFiles(same, now)) editions.set(now.asAt, now);
      }
      const sorted = [...editions.values()].sort((a, b) => (a.asAt < b.asAt ? -1 : a.asAt > b.asAt ? 1 : 0));
      histories.push({ reportId, editions: sorted, ...(now ? { current: now.asAt } : {}) });
    }
    return { reports: histories, stats: stats() };
  } finally {
    await reader?.close();
  }
}

/** Committed editions of each report: for each as_at, the report folder at the last commit carrying it. */
async function editionsFromLog(commits: LogCommit[], prefix: string, reportIds: string[], blobs: (ids: string[]) => Promise<Map<string, Buffer>>, cache: ParseCache): Promise<Map<string, Edition[]>> {
  const wanted = new Set(reportIds);
  /** Where a path of the log belongs: [reportId, file name], or undefined. */
  const place = (path: string): [string, string] | undefined => {
    if (!path.startsWith(prefix)) return undefined;
    const parts = path.slice(prefix.length).split('/');
    if (parts.length !== 3 || parts[0] !== 'reports' || !wanted.has(parts[1]!)) return undefined;
    const file = parts[2]!;
    return file === REPORT_FILE || ENTRY_FILE.test(file) ? [parts[1]!, file] : undefined;
  };

  // Pass 1: the report.yaml blob of each report at each commit that touched its folder.
  const state = new Map<string, Files>(reportIds.map((id) => [id, new Map()]));
  /** Applies one commit's changes to each report's files; returns the reports it touched. */
  const replay = (commit: LogCommit): Set<string> => {
    const touched = new Set<string>();
    for (const change of commit.changes) {
      const where = place(change.path);
      if (!where) continue;
      const files = state.get(where[0])!;
      if (change.blob) files.set(where[1], change.blob);
      else files.delete(where[1]);
      touched.add(where[0]);
    }
    return touched;
  };
  const touches: { commit: number; reportId: string; reportBlob?: string }[] = [];
  commits.forEach((commit, index) => {
    for (const reportId of replay(commit)) touches.push({ commit: index, reportId, reportBlob: state.get(reportId)!.get(REPORT_FILE) });
  });

  const yamlBlobs = [...new Set(touches.flatMap((t) => (t.reportBlob && !cache.getReport(t.reportBlob) ? [t.reportBlob] : [])))];
  for (const [id, content] of await blobs(yamlBlobs)) cache.report(id, content);

  // The last commit of each (report, as_at).
  const ends = new Map<string, Map<string, number>>(); // reportId → as_at → commit index
  for (const touch of touches) {
    const asAt = touch.reportBlob ? cache.getReport(touch.reportBlob)?.asAt : undefined;
    if (!asAt) continue;
    const byDate = ends.get(touch.reportId) ?? new Map<string, number>();
    byDate.set(asAt, touch.commit);
    ends.set(touch.reportId, byDate);
  }
  const endsAt = new Map<number, { reportId: string; asAt: string }[]>();
  for (const [reportId, byDate] of ends) {
    for (const [asAt, commit] of byDate) endsAt.set(commit, [...(endsAt.get(commit) ?? []), { reportId, asAt }]);
  }

  // Pass 2: replay the log again, keeping a copy of a report's files where an edition ends.
  const snapshots: { reportId: string; asAt: string; commit: LogCommit; files: Files }[] = [];
  for (const files of state.values()) files.clear();
  commits.forEach((commit, index) => {
    replay(commit);
    for (const end of endsAt.get(index) ?? []) snapshots.push({ ...end, commit, files: new Map(state.get(end.reportId)) });
  });

  const needed = new Set<string>();
  for (const { files } of snapshots) {
    for (const [file, blob] of files) if (file !== REPORT_FILE && !cache.getEntry(blob)) needed.add(blob);
  }
  for (const [id, content] of await blobs([...needed])) cache.entry(id, content);

  const editions = new Map<string, Edition[]>();
  for (const { reportId, asAt, commit, files } of snapshots) {
    const entries: EditionEntry[] = [];
    const report = cache.getReport(files.get(REPORT_FILE)!)!.data;
    for (const [file, blob] of files) {
      if (file === REPORT_FILE || file === aboutPageFile(report)) continue;
      // A blob git could not give (a partial clone) counts as an unreadable entry.
      const parsed = cache.getEntry(blob) ?? { sections: [], problem: 'this version could not be read from git' };
      entries.push(editionEntry(file, blob, parsed));
    }
    const edition: Edition = {
      asAt,
      commit: commit.hash,
      committedAt: commit.date,
      uncommitted: false,
      report,
      entries: sortById(entries),
    };
    reportBlobs.set(edition, files.get(REPORT_FILE)!);
    editions.set(reportId, [...(editions.get(reportId) ?? []), edition]);
  }
  return editions;
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]!.replace(/^(fatal|error): /, '');
}

