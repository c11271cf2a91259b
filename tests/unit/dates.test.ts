import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastChanged } from '../../src/core/dates.ts';

/** A commit at a given date, whatever the machine's git settings. */
function commit(dir: string, date: string, ...files: string[]): void {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, env, stdio: 'ignore' });
  git('add', '--', ...files);
  git('commit', '-q', '-m', `at ${date}`);
}

const OLD = new Date('2020-05-06T07:08:09Z');

describe('lastChanged', () => {
  it('takes each file’s last commit date, and the file time for uncommitted or untracked files', () => {
    const repo = mkdtempSync(join(tmpdir(), 'dates-'));
    execFileSync('git', ['init', '-q'], { cwd: repo });
    const content = join(repo, 'content');
    mkdirSync(join(content, 'reports'), { recursive: true });
    const [a, b, c, d] = ['a.md', 'b.md', 'c.md', 'reports/é d.md'].map((f) => join(content, f));
    writeFileSync(a!, 'a1');
    writeFileSync(b!, 'b1');
    writeFileSync(d!, 'd1');
    commit(repo, '2024-01-02T03:04:05Z', '.');
    writeFileSync(a!, 'a2');
    commit(repo, '2024-03-04T05:06:07+01:00', 'content/a.md');
    writeFileSync(b!, 'b2 not committed');
    writeFileSync(c!, 'c untracked');
    for (const f of [b!, c!]) utimesSync(f, OLD, OLD);

    const dates = lastChanged(content, [a!, b!, c!, d!]);
    expect(Object.fromEntries([...dates].map(([k, v]) => [k.slice(content.length + 1), v]))).toEqual({
      'a.md': '2024-03-04T04:06:07.000Z',
      'b.md': OLD.toISOString(),
      'c.md': OLD.toISOString(),
      'reports/é d.md': '2024-01-02T03:04:05.000Z',
    });
  });

  it('uses the file time outside git', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nogit-'));
    const file = join(dir, 'a.md');
    writeFileSync(file, 'a');
    utimesSync(file, OLD, OLD);
    expect(lastChanged(dir, [file]).get(file)).toBe(OLD.toISOString());
  });
});
