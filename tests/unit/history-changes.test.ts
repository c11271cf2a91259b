import { describe, expect, it } from 'vitest';
import { compareEditions, groupChanges, parseEntry, splitSections, statusRanks, type Edition, type ReportShape } from '../../src/core/history/index.ts';
import { parseLog } from '../../src/core/history/git.ts';
import { dateMove, statusMove } from '../../src/core/history/changes.ts';

const legend = (...ids: string[]) => ids.map((id) => (id.endsWith('*') ? { id: id.slice(0, -1), done: true } : { id }));
const shape = (over: Partial<ReportShape> = {}): ReportShape => ({ titleKey: 'title', statusKey: 'status', dateKeys: ['due'], legend: legend('red', 'amber', 'green', 'done*'), ...over });

describe('statusRanks and statusMove', () => {
  it('reads the legend worst first when its done statuses come last, best first when they come first', () => {
    expect([...statusRanks(shape())]).toEqual([['red', 1], ['amber', 2], ['green', 3], ['done', 4]]);
    expect([...statusRanks(shape({ legend: legend('closed*', 'complete*', 'on-track', 'off-track') }))]).toEqual([
      ['closed', 4],
      ['complete', 3],
      ['on-track', 2],
      ['off-track', 1],
    ]);
  });

  it('uses declared ranks or a declared order, and does not guess without either or done statuses', () => {
    expect([...statusRanks(shape({ legend: [{ id: 'a', rank: 5 }, { id: 'b' }, { id: 'c', rank: 1 }] }))]).toEqual([['a', 5], ['c', 1]]);
    expect([...statusRanks(shape({ legend: legend('g', 'a', 'r'), order: 'best-first' }))]).toEqual([['g', 3], ['a', 2], ['r', 1]]);
    expect(statusRanks(shape({ legend: legend('g', 'a', 'r') })).size).toBe(0);
    expect(statusMove('g', 'r', shape({ legend: legend('g', 'a', 'r') }))).toEqual({ from: 'g', to: 'r', kind: 'changed' });
  });

  it('calls a move to a done status complete, away from one worse, and others by rank', () => {
    const s = shape();
    expect(statusMove('red', 'done', s).kind).toBe('complete');
    expect(statusMove(undefined, 'done', s)).toEqual({ to: 'done', kind: 'complete' });
    expect(statusMove('done', 'green', s).kind).toBe('worse');
    expect(statusMove('red', 'green', s).kind).toBe('better');
    expect(statusMove('green', 'amber', s).kind).toBe('worse');
    expect(statusMove('green', 'purple', s).kind).toBe('changed');
    expect(statusMove('green', undefined, s)).toEqual({ from: 'green', kind: 'changed' });
  });
});

describe('dateMove', () => {
  it('says later, earlier (with days), set, cleared, or changed when a side is not a date', () => {
    expect(dateMove('due', '2025-03-31', '2025-09-30')).toEqual({ field: 'due', from: '2025-03-31', to: '2025-09-30', direction: 'later', days: 183 });
    expect(dateMove('due', '2024-03-01', '2024-02-28')).toEqual({ field: 'due', from: '2024-03-01', to: '2024-02-28', direction: 'earlier', days: -2 });
    expect(dateMove('due', undefined, '2025-01-01')).toEqual({ field: 'due', to: '2025-01-01', direction: 'set' });
    expect(dateMove('due', '2025-01-01', undefined)).toEqual({ field: 'due', from: '2025-01-01', direction: 'cleared' });
    expect(dateMove('due', 'TBC', '2025-01-01')).toEqual({ field: 'due', from: 'TBC', to: '2025-01-01', direction: 'changed' });
    expect(dateMove('due', '2025-02-30', '2025-03-01').direction).toBe('changed');
  });
});

function edition(asAt: string, entries: Record<string, string>): Edition {
  return {
    asAt,
    uncommitted: false,
    report: {},
    entries: Object.entries(entries).map(([id, text]) => ({ id, file: `${id}.md`, blob: `${id}:${text}`, ...parseEntry(text) })),
  };
}

describe('compareEditions and groupChanges', () => {
  it('reports any frontmatter key and section generically, skipping ignored keys and whitespace', () => {
    const s = shape({ titleKey: 'name', statusKey: 'rag', dateKeys: ['due', 'review'], ignoreKeys: ['order'] });
    const before = edition('2025-03-31', {
      x: '---\nname: X\nrag: red\ndue: 2025-03-31\nowner: Ann\norder: 1\n---\n\nIntro\n\n## Done\n\n- a\n\n## Next\n\n- b\n',
      y: '---\nname: Y\nrag: amber\n---\n\n## Done\n',
    });
    const after = edition('2025-06-30', {
      x: '---\nname: X\nrag: amber\ndue: 2025-04-30\nreview: 2025-05-01\nowner: Bob\nlead: Cy\norder: 2\n---\n\nIntro   \n\n## Done\n\n- a\n- c\n\n## Risks\n\n- d\n',
      y: '---\nname: Y\nrag: amber\norder: 9\n---\n\n## Done   \n',
    });
    const changes = compareEditions(before, after, s);
    expect(changes).toEqual({
      from: '2025-03-31',
      to: '2025-06-30',
      added: [],
      removed: [],
      changed: [
        {
          id: 'x',
          title: 'X',
          status: 'amber',
          statusMove: { from: 'red', to: 'amber', kind: 'better' },
          dates: [
            { field: 'due', from: '2025-03-31', to: '2025-04-30', direction: 'later', days: 30 },
            { field: 'review', to: '2025-05-01', direction: 'set' },
          ],
          fields: ['owner', 'lead'],
          sections: ['Done', 'Risks', 'Next'],
        },
      ],
    });
    // Better and slipped; y changed only its ignored order and spacing, so it is not reported.
    const groups = groupChanges(changes);
    expect([groups.better, groups.slipped].map((g) => g.map((c) => c.id))).toEqual([['x'], ['x']]);
    expect([groups.complete, groups.worse, groups.other].map((g) => g.length)).toEqual([0, 0, 0]);
  });

  it('puts an entry in every group it belongs to, and the rest in other', () => {
    const before = edition('1', {
      a: '---\ntitle: A\nstatus: red\ndue: 2025-01-31\n---\n',
      b: '---\ntitle: B\nstatus: green\n---\n',
      c: '---\ntitle: C\nstatus: green\ndue: 2025-05-31\n---\n',
      d: '---\ntitle: D\nstatus: amber\nnote: x\n---\n',
      gone: '---\ntitle: Gone\nstatus: red\n---\n',
    });
    const after = edition('2', {
      a: '---\ntitle: A\nstatus: amber\ndue: 2025-03-31\n---\n',
      b: '---\ntitle: B\nstatus: done\n---\n',
      c: '---\ntitle: C\nstatus: red\ndue: 2025-04-30\n---\n',
      d: '---\ntitle: D\nstatus: amber\nnote: y\n---\n',
      new: '---\ntitle: New\nstatus: red\n---\n',
    });
    const groups = groupChanges(compareEditions(before, after, shape()));
    const ids = Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, v.map((e: { id: string }) => e.id)]));
    expect(ids).toEqual({ complete: ['b'], worse: ['c'], better: ['a'], slipped: ['a'], added: ['new'], removed: ['gone'], other: ['d'] });
  });
});

describe('splitSections and parseLog', () => {
  it('cuts the body at ## headings, not inside fenced code, and keeps text before the first heading', () => {
    const body = 'Intro line\n\n## First ##\n\ntext\n\n```\n## not a heading\n```\n\n### Sub\n\nmore\n\n## Second\n';
    expect(splitSections(body)).toEqual([
      { heading: '', text: 'Intro line' },
      { heading: 'First', text: 'text\n\n```\n## not a heading\n```\n\n### Sub\n\nmore' },
      { heading: 'Second', text: '' },
    ]);
    expect(splitSections('\n\n## Only\n- a\r\n')).toEqual([{ heading: 'Only', text: '- a' }]);
  });

  it('reads the log’s fields, even a path that looks like a hash or has spaces', () => {
    const hash = 'a'.repeat(40);
    const blob = 'b'.repeat(40);
    const zero = '0'.repeat(40);
    const text = [
      hash, '2025-01-01T00:00:00Z', '',
      `\n:000000 100644 ${zero} ${blob} A`, 'c/reports/r/' + 'c'.repeat(40),
      `:000000 100644 ${zero} ${blob} A`, 'c/reports/r/a b é.md',
      `:000000 120000 ${zero} ${blob} A`, 'c/reports/r/link.md',
      'd'.repeat(40), '2025-01-02T00:00:00Z', '',
      `\n:100644 000000 ${blob} ${zero} D`, 'c/reports/r/a b é.md', '',
    ].join('\0');
    expect(parseLog(text)).toEqual([
      {
        hash,
        date: '2025-01-01T00:00:00Z',
        changes: [{ path: 'c/reports/r/' + 'c'.repeat(40), blob }, { path: 'c/reports/r/a b é.md', blob }, { path: 'c/reports/r/link.md' }],
      },
      { hash: 'd'.repeat(40), date: '2025-01-02T00:00:00Z', changes: [{ path: 'c/reports/r/a b é.md' }] },
    ]);
  });
});
