/**
 * A git repository in a temporary folder, for the history benchmark and tests:
 * write files, commit them at a given date, whatever the machine's git settings.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TempRepo {
  /** The repository's top folder. */
  dir: string;
  /** Write a file (path from the top), making its folders. */
  write(path: string, text: string): void;
  remove(path: string): void;
  /** Stage everything and commit; `date` is ISO 8601 (default: a fixed date after the previous one). */
  commit(message: string, date?: string): string;
  git(...args: string[]): string;
}

export function tempRepo(prefix = 'history-'): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let count = 0;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: dates.length ? { ...process.env, GIT_AUTHOR_DATE: dates.at(-1), GIT_COMMITTER_DATE: dates.at(-1) } : process.env,
    });
  const dates: string[] = [];
  git('init', '-q');
  return {
    dir,
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    remove(path) {
      rmSync(join(dir, path), { recursive: true });
    },
    commit(message, date) {
      count++;
      dates.push(date ?? new Date(Date.UTC(2025, 0, 1) + count * 3600_000).toISOString());
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD').trim();
    },
    git,
  };
}
