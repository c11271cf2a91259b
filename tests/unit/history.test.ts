import { cpSync, mkdtempSync as makeTemp, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryHistory, historyChanges, ParseCache, readHistory, statusCounts, type ReportShape } from '../../src/core/history/index.ts';
import { tempRepo as makeRepo, type TempRepo } from '../../src/core/history/repo.ts';

/** Temporary folders made by these tests, removed at the end. */
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});
function mkdtempSync(prefix: string): string {
  const dir = makeTemp(prefix);
  temporary.push(dir);
  return dir;
}
function tempRepo(): TempRepo {
  const repo = makeRepo();
  temporary.push(repo.dir);
  return repo;
}

/** The content folder is not at the top of the repository, and its name has a space. */
const CONTENT = 'site content';
const REPORT = `${CONTENT}/reports/plan`;

const SHAPE: ReportShape = {
  titleKey: 'title',
  statusKey: 'status',
  dateKeys: ['target_date'],
  ignoreKeys: ['order'],
  // Done status last: the legend reads worst first.
  legend: [{ id: 'red' }, { id: 'amber' }, { id: 'green' }, { id: 'complete', done: true }],
};

function reportYaml(asAt?: string): string {
  return ['title: The plan', 'legend:', '  - id: red', '  - id: amber', '  - id: green', '  - id: complete', ...(asAt ? [`as_at: ${asAt}`] : []), ''].join('\n');
}

function entry(e: { title: string; status: string; target?: string; order: number; undertaken?: string; outstanding?: string }): string {
  return [
    '---',
    `title: ${JSON.stringify(e.title)}`,
    `status: ${e.status}`,
    ...(e.target ? [`target_date: ${e.target}`] : []),
    `order: ${e.order}`,
    '---',
    '',
    '## Activity undertaken',
    '',
    `- ${e.undertaken ?? 'Started'}`,
    '',
    '## Activity outstanding',
    '',
    `- ${e.outstanding ?? 'Finish it'}`,
    '',
  ].join('\n');
}

/**
 * Three editions (2025-03-31, 2025-06-30, 2025-09-30), with a commit that
 * changes an entry without changing as_at, a commit without as_at, files
 * outside the reports, and a merged branch.
 */
function planRepo(): { repo: TempRepo; commits: Record<string, string> } {
  const repo = tempRepo();
  const commits: Record<string, string> = {};
  repo.write('README.md', 'A repository with a content folder in it.\n');
  repo.write(`${CONTENT}/site.yaml`, 'title: Site\n');
  repo.write(`${REPORT}/report.yaml`, reportYaml('2025-03-31'));
  repo.write(`${REPORT}/a.md`, entry({ title: 'Alpha', status: 'red', target: '2025-03-31', order: 1 }));
  repo.write(`${REPORT}/b.md`, entry({ title: 'Beta', status: 'amber', target: '2025-06-30', order: 2 }));
  repo.write(`${REPORT}/c.md`, entry({ title: 'Gamma', status: 'green', order: 3 }));
  repo.write(`${REPORT}/café plan.md`, entry({ title: 'Café', status: 'red', target: '2025-12-31', order: 4 }));
  commits.first = repo.commit('Edition 1');

  // Same as_at: the same edition, and this later content wins.
  repo.write(`${REPORT}/a.md`, entry({ title: 'Alpha', status: 'red', target: '2025-03-31', order: 1, undertaken: 'Started and reviewed' }));
  repo.write('README.md', 'Changed outside the content.\n');
  commits.edition1 = repo.commit('Edition 1, corrected');

  repo.write(`${REPORT}/report.yaml`, reportYaml('2025-06-30'));
  repo.write(`${REPORT}/a.md`, entry({ title: 'Alpha', status: 'amber', target: '2025-09-30', order: 1, undertaken: 'Started and reviewed' }));
  repo.write(`${REPORT}/b.md`, entry({ title: 'Beta', status: 'complete', target: '2025-06-30', order: 2 }));
  repo.remove(`${REPORT}/c.md`);
  repo.write(`${REPORT}/d.md`, entry({ title: 'Delta', status: 'red', order: 5 }));
  repo.write(`${REPORT}/café plan.md`, entry({ title: 'Café plan', status: 'red', target: '2025-12-31', order: 6 }));
  commits.edition2 = repo.commit('Edition 2');

  // No as_at in this commit: no edition for it, but its changes carry on.
  repo.write(`${REPORT}/report.yaml`, reportYaml());
  repo.write(`${REPORT}/b.md`, entry({ title: 'Beta', status: 'red', target: '2025-06-30', order: 2 }));
  repo.write(`${CONTENT}/site.yaml`, 'title: Site, renamed\n');
  commits.noDate = repo.commit('Work in progress');

  repo.write(`${REPORT}/report.yaml`, reportYaml('2025-09-30'));
  repo.write(`${REPORT}/a.md`, entry({ title: 'Alpha', status: 'amber', target: '2025-09-30', order: 1, undertaken: 'Started and reviewed', outstanding: 'Finish it by autumn' }));
  repo.write(`${REPORT}/café plan.md`, entry({ title: 'Café plan', status: 'red', target: '2025-10-31', order: 6 }));
  commits.edition3 = repo.commit('Edition 3');

  // A branch, merged: the merge brings its change into edition 3.
  repo.git('checkout', '-q', '-b', 'side');
  repo.write(`${REPORT}/d.md`, entry({ title: 'Delta', status: 'amber', order: 5 }));
  repo.commit('Delta moves on');
  repo.git('checkout', '-q', 'main');
  repo.write('NOTES.md', 'on main meanwhile\n');
  repo.commit('Notes');
  repo.git('merge', '-q', '--no-ff', '-m', 'Merge side', 'side');
  commits.merge = repo.git('rev-parse', 'HEAD').trim();
  return { repo, commits };
}

/** Each edition as { asAt, commit, uncommitted, entries: { id: "status title target" } }. */
function summary(editions: Awaited<ReturnType<typeof readHistory>>['reports'][number]['editions']) {
  return editions.map((e) => ({
    asAt: e.asAt,
    commit: e.commit,
    uncommitted: e.uncommitted,
    entries: Object.fromEntries(e.entries.map((x) => [x.id, [x.data?.status, x.data?.title, x.data?.target_date ?? '-'].join(' | ')])),
  }));
}

const EXPECTED_CHANGES = [
  {
    from: '2025-03-31',
    to: '2025-06-30',
    added: [{ id: 'd', title: 'Delta', status: 'red' }],
    removed: [{ id: 'c', title: 'Gamma', status: 'green' }],
    changed: [
      {
        id: 'a',
        title: 'Alpha',
        status: 'amber',
        statusMove: { from: 'red', to: 'amber', kind: 'better' },
        dates: [{ field: 'target_date', from: '2025-03-31', to: '2025-09-30', direction: 'later', days: 183 }],
        fields: [],
        sections: [],
      },
      { id: 'b', title: 'Beta', status: 'complete', statusMove: { from: 'amber', to: 'complete', kind: 'complete' }, dates: [], fields: [], sections: [] },
      { id: 'café plan', title: 'Café plan', status: 'red', dates: [], fields: ['title'], sections: [] },
    ],
  },
  {
    from: '2025-06-30',
    to: '2025-09-30',
    added: [],
    removed: [],
    changed: [
      { id: 'a', title: 'Alpha', status: 'amber', dates: [], fields: [], sections: ['Activity outstanding'] },
      { id: 'b', title: 'Beta', status: 'red', statusMove: { from: 'complete', to: 'red', kind: 'worse' }, dates: [], fields: [], sections: [] },
      {
        id: 'café plan',
        title: 'Café plan',
        status: 'red',
        dates: [{ field: 'target_date', from: '2025-12-31', to: '2025-10-31', direction: 'earlier', days: -61 }],
        fields: [],
        sections: [],
      },
      { id: 'd', title: 'Delta', status: 'amber', statusMove: { from: 'red', to: 'amber', kind: 'better' }, dates: [], fields: [], sections: [] },
    ],
  },
];

describe('readHistory and historyChanges on a repository with three editions', () => {
  let repo: TempRepo;
  let commits: Record<string, string>;
  beforeAll(() => ({ repo, commits } = planRepo()));

  it('finds each edition at the last commit carrying its as_at, with three git calls and each blob read once', async () => {
    const history = await readHistory(join(repo.dir, CONTENT));
    expect(history.notice).toBeUndefined();
    expect(history.reports.map((r) => r.reportId)).toEqual(['plan']);
    const plan = history.reports[0]!;
    expect(plan.current).toBe('2025-09-30');
    expect(summary(plan.editions)).toEqual([
      {
        asAt: '2025-03-31',
        commit: commits.edition1,
        uncommitted: false,
        entries: { a: 'red | Alpha | 2025-03-31', b: 'amber | Beta | 2025-06-30', c: 'green | Gamma | -', 'café plan': 'red | Café | 2025-12-31' },
      },
      {
        asAt: '2025-06-30',
        commit: commits.edition2,
        uncommitted: false,
        entries: { a: 'amber | Alpha | 2025-09-30', b: 'complete | Beta | 2025-06-30', 'café plan': 'red | Café plan | 2025-12-31', d: 'red | Delta | -' },
      },
      {
        asAt: '2025-09-30',
        commit: commits.merge,
        uncommitted: false,
        entries: { a: 'amber | Alpha | 2025-09-30', b: 'red | Beta | 2025-06-30', 'café plan': 'red | Café plan | 2025-10-31', d: 'amber | Delta | -' },
      },
    ]);
    // The corrected content of edition 1 wins over the first commit's.
    expect(plan.editions[0]!.entries.find((e) => e.id === 'a')!.sections).toEqual([
      { heading: 'Activity undertaken', text: '- Started and reviewed' },
      { heading: 'Activity outstanding', text: '- Finish it' },
    ]);
    expect(plan.editions[0]!.report).toMatchObject({ title: 'The plan', as_at: '2025-03-31' });
    expect(plan.editions[2]!.committedAt).toMatch(/^2025-01-01T\d\d:00:00Z$|^2025-01-01T\d\d:00:00\+00:00$/);

    // rev-parse, log, cat-file; the working tree (clean) already gave the newest blobs.
    expect(history.stats.gitCalls).toBe(3);
    // report.yaml: 4 versions, one of them in the working tree. Entries of editions 1 and 2
    // not in the working tree: a×2, b×2, c, café×2, d (red) = 8.
    expect(history.stats.blobsRead).toBe(3 + 8);
    expect(history.stats.parses).toBe(4 + 4 + 8);
  });

  it('says what changed from each edition to the next', async () => {
    const plan = (await readHistory(join(repo.dir, CONTENT))).reports[0]!;
    expect(historyChanges(plan.editions, SHAPE)).toEqual(EXPECTED_CHANGES);
  });

  it('tells each entry’s story and counts statuses per edition', async () => {
    const plan = (await readHistory(join(repo.dir, CONTENT))).reports[0]!;
    const changes = historyChanges(plan.editions, SHAPE);
    expect(entryHistory(plan, changes, 'b', SHAPE)).toEqual([
      { asAt: '2025-03-31', present: true, status: 'amber' },
      { asAt: '2025-06-30', present: true, status: 'complete', change: EXPECTED_CHANGES[0]!.changed[1] },
      { asAt: '2025-09-30', present: true, status: 'red', change: EXPECTED_CHANGES[1]!.changed[1] },
    ]);
    expect(entryHistory(plan, changes, 'c', SHAPE)).toEqual([
      { asAt: '2025-03-31', present: true, status: 'green' },
      { asAt: '2025-06-30', present: false, event: 'removed' },
    ]);
    expect(entryHistory(plan, changes, 'd', SHAPE)).toEqual([
      { asAt: '2025-06-30', present: true, status: 'red', event: 'added' },
      { asAt: '2025-09-30', present: true, status: 'amber', change: EXPECTED_CHANGES[1]!.changed[3] },
    ]);
    expect(plan.editions.map((e) => statusCounts(e, SHAPE).map((c) => `${c.status}:${c.count}`).join(' '))).toEqual([
      'red:2 amber:1 green:1 complete:0',
      'red:2 amber:1 green:0 complete:1',
      'red:2 amber:2 green:0 complete:0',
    ]);
  });

  it('reads nothing again with a cache kept between calls (the dev preview), and parses only what was saved since', async () => {
    const cache = new ParseCache();
    const first = await readHistory(join(repo.dir, CONTENT), { cache });
    const again = await readHistory(join(repo.dir, CONTENT), { cache });
    expect(again.reports).toEqual(first.reports);
    expect(again.stats).toEqual({ gitCalls: 2, commits: first.stats.commits, blobsRead: 0, parses: 0 });

    const copy = mkdtempSync(join(tmpdir(), 'history-saved-'));
    execFileSync('git', ['clone', '-q', `file://${repo.dir}`, copy]);
    const saved = join(copy, REPORT, 'd.md');
    writeFileSync(saved, readFileSync(saved, 'utf8').replace('status: amber', 'status: green'));
    const afterSave = await readHistory(join(copy, CONTENT), { cache });
    expect(afterSave.stats).toEqual({ gitCalls: 2, commits: first.stats.commits, blobsRead: 0, parses: 1 });
    expect(historyChanges(afterSave.reports[0]!.editions, SHAPE)[1]!.changed.find((c) => c.id === 'd')!.statusMove).toEqual({ from: 'red', to: 'green', kind: 'better' });
  });

  it('builds the same editions from a clone with full history', async () => {
    const clone = mkdtempSync(join(tmpdir(), 'history-clone-'));
    execFileSync('git', ['clone', '-q', `file://${repo.dir}`, clone]);
    const plan = (await readHistory(join(clone, CONTENT))).reports[0]!;
    expect(historyChanges(plan.editions, SHAPE)).toEqual(EXPECTED_CHANGES);
  });

  it('makes one edition of a shallow clone, and says why in one line', async () => {
    const clone = mkdtempSync(join(tmpdir(), 'history-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone]);
    const history = await readHistory(join(clone, CONTENT));
    expect(history.notice).toMatch(/^History: this is a shallow clone, so each report has one edition, the content as it is now; fetch the full history \(git fetch --unshallow/);
    expect(history.notice).not.toContain('\n');
    expect(summary(history.reports[0]!.editions)).toEqual([
      {
        asAt: '2025-09-30',
        commit: undefined,
        uncommitted: true,
        entries: { a: 'amber | Alpha | 2025-09-30', b: 'red | Beta | 2025-06-30', 'café plan': 'red | Café plan | 2025-10-31', d: 'amber | Delta | -' },
      },
    ]);
    expect(history.stats.gitCalls).toBe(1);
  });

  it('makes one edition of a copy outside git, and of a machine without git', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'history-copy-'));
    cpSync(join(repo.dir, CONTENT), copy, { recursive: true });
    const outside = await readHistory(copy);
    expect(outside.notice).toBe('History: the content is not in a git repository (a zip download or a copy), so each report has one edition, the content as it is now.');
    expect(outside.reports[0]!.editions.map((e) => [e.asAt, e.entries.length])).toEqual([['2025-09-30', 4]]);

    const noGit = await readHistory(join(repo.dir, CONTENT), { git: join(copy, 'no-such-git') });
    expect(noGit.notice).toBe('History: git is not installed, so each report has one edition, the content as it is now.');
    expect(noGit.reports[0]!.editions.map((e) => [e.asAt, e.entries.length])).toEqual([['2025-09-30', 4]]);
  });
});

describe('readHistory and a report’s notes page (about_page)', () => {
  it('does not take the declared notes file for an entry, committed or not', async () => {
    const repo = tempRepo();
    const withNotes = (asAt: string) => reportYaml(asAt).replace('title: The plan\n', 'title: The plan\nabout_page:\n  title: How it was made\n  file: notes.md\n');
    repo.write(`${CONTENT}/site.yaml`, 'title: Site\n');
    repo.write(`${REPORT}/report.yaml`, withNotes('2025-03-31'));
    repo.write(`${REPORT}/a.md`, entry({ title: 'Alpha', status: 'red', order: 1 }));
    repo.write(`${REPORT}/notes.md`, '## How\n\nBy hand.\n');
    repo.commit('Edition 1');
    // Uncommitted: a new edition from the working tree.
    repo.write(`${REPORT}/report.yaml`, withNotes('2025-06-30'));
    const history = await readHistory(join(repo.dir, CONTENT));
    expect(history.reports[0]!.editions.map((e) => [e.asAt, e.uncommitted, e.entries.map((x) => x.id)])).toEqual([
      ['2025-03-31', false, ['a']],
      ['2025-06-30', true, ['a']],
    ]);
  });
});

describe('readHistory with changes not yet committed', () => {
  it('replaces the newest edition when as_at is unchanged, and adds one when it is raised', async () => {
    const { repo, commits } = planRepo();
    const content = join(repo.dir, CONTENT);
    const b = join(repo.dir, REPORT, 'b.md');
    writeFileSync(b, readFileSync(b, 'utf8').replace('status: red', 'status: green'));
    writeFileSync(join(repo.dir, REPORT, 'e.md'), entry({ title: 'Epsilon', status: 'red', order: 7 }));

    let plan = (await readHistory(content)).reports[0]!;
    expect(plan.editions.map((e) => [e.asAt, e.commit, e.uncommitted])).toEqual([
      ['2025-03-31', commits.edition1, false],
      ['2025-06-30', commits.edition2, false],
      ['2025-09-30', undefined, true],
    ]);
    const last = historyChanges(plan.editions, SHAPE)[1]!;
    expect(last.added).toEqual([{ id: 'e', title: 'Epsilon', status: 'red' }]);
    expect(last.changed.find((c) => c.id === 'b')!.statusMove).toEqual({ from: 'complete', to: 'green', kind: 'worse' });

    writeFileSync(join(repo.dir, REPORT, 'report.yaml'), reportYaml('2025-12-31'));
    plan = (await readHistory(content)).reports[0]!;
    expect(plan.current).toBe('2025-12-31');
    expect(plan.editions.map((e) => [e.asAt, e.commit, e.uncommitted])).toEqual([
      ['2025-03-31', commits.edition1, false],
      ['2025-06-30', commits.edition2, false],
      ['2025-09-30', commits.merge, false],
      ['2025-12-31', undefined, true],
    ]);
    const newest = historyChanges(plan.editions, SHAPE)[2]!;
    expect(newest).toEqual({
      from: '2025-09-30',
      to: '2025-12-31',
      added: [{ id: 'e', title: 'Epsilon', status: 'red' }],
      removed: [],
      changed: [{ id: 'b', title: 'Beta', status: 'green', statusMove: { from: 'red', to: 'green', kind: 'better' }, dates: [], fields: [], sections: [] }],
    });
  });
});

describe('readHistory, other shapes of repository', () => {
  it('reads a content folder at the top of the repository, several reports, and a report without as_at', async () => {
    const repo = tempRepo();
    repo.write('reports/one/report.yaml', reportYaml('2024-03-31'));
    repo.write('reports/one/x.md', entry({ title: 'X', status: 'red', order: 1 }));
    repo.write('reports/two/report.yaml', reportYaml());
    repo.write('reports/two/y.md', entry({ title: 'Y', status: 'red', order: 1 }));
    repo.commit('First');
    repo.write('reports/one/report.yaml', reportYaml('2024-06-30'));
    repo.write('reports/one/x.md', entry({ title: 'X', status: 'complete', order: 1 }));
    repo.write('reports/one/notes/ignored.md', 'not an entry: in a sub-folder');
    repo.write('reports/two/y.md', entry({ title: 'Y', status: 'amber', order: 1 }));
    repo.commit('Second');
    const history = await readHistory(repo.dir);
    expect(history.reports.map((r) => [r.reportId, r.current, r.editions.map((e) => e.asAt)])).toEqual([
      ['one', '2024-06-30', ['2024-03-31', '2024-06-30']],
      ['two', undefined, []],
    ]);
    expect(historyChanges(history.reports[0]!.editions, SHAPE)[0]!.changed.map((c) => [c.id, c.statusMove?.kind])).toEqual([['x', 'complete']]);
  });

  it('marks an entry that cannot be read in an edition, rather than guessing what changed', async () => {
    const repo = tempRepo();
    repo.write('reports/r/report.yaml', reportYaml('2024-03-31'));
    repo.write('reports/r/x.md', '---\ntitle: X\nstatus: red\nstatus: amber\n---\n\n## A\n');
    repo.commit('First');
    repo.write('reports/r/report.yaml', reportYaml('2024-06-30'));
    repo.write('reports/r/x.md', entry({ title: 'X', status: 'red', order: 1 }));
    repo.commit('Second');
    const plan = (await readHistory(repo.dir)).reports[0]!;
    expect(plan.editions[0]!.entries[0]!.problem).toBe('line 4: the field "status" is written twice');
    expect(historyChanges(plan.editions, SHAPE)[0]!.changed).toEqual([{ id: 'x', title: 'X', status: 'red', dates: [], fields: [], sections: [], unreadable: true }]);
  });

  it('falls back to one edition, saying why in one line, when git fails to read the log or the files', async () => {
    const repo = tempRepo();
    repo.write('reports/r/report.yaml', reportYaml('2024-03-31'));
    repo.write('reports/r/x.md', entry({ title: 'X', status: 'red', order: 1 }));
    repo.commit('First');
    repo.write('reports/r/report.yaml', reportYaml('2024-06-30'));
    repo.commit('Second');
    // A git that fails at one step and is the real git otherwise.
    const failing = (step: string) => {
      const script = join(mkdtempSync(join(tmpdir(), 'history-git-')), 'git');
      writeFileSync(script, `#!/bin/sh\ncase " $* " in *" ${step} "*) echo "fatal: ${step} broke" >&2; exit 1;; esac\nexec git "$@"\n`, { mode: 0o755 });
      return script;
    };
    for (const step of ['log', 'cat-file']) {
      const history = await readHistory(repo.dir, { git: failing(step) });
      expect(history.notice).toBe(`History: git could not read the history (${step} broke), so each report has one edition, the content as it is now.`);
      expect(history.reports[0]!.editions.map((e) => [e.asAt, e.uncommitted, e.entries.length])).toEqual([['2024-06-30', true, 1]]);
    }
  });

  it('says so in one line when the repository has no commits yet', async () => {
    const repo = tempRepo();
    repo.write('reports/r/report.yaml', reportYaml('2024-03-31'));
    const history = await readHistory(repo.dir);
    expect(history.notice).toBe('History: the repository has no commits yet, so each report has one edition, the content as it is now.');
    expect(history.reports[0]!.editions.map((e) => [e.asAt, e.uncommitted])).toEqual([['2024-03-31', true]]);
  });
});
