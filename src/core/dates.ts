/**
 * When each content file last changed: the date of its last git commit (one
 * `git log` for the whole folder, not one per file), or its modification time
 * outside git or when it has changes not yet committed.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/** Absolute path → ISO date-time. */
export function lastChanged(dir: string, files: readonly string[]): Map<string, string> {
  const dates = new Map<string, string>();
  const committed = gitDates(dir);
  const dirty = gitDirty(dir);
  for (const file of files) {
    const path = resolve(file);
    const fromGit = committed.get(path);
    dates.set(path, fromGit && !dirty.has(path) ? fromGit : mtime(path));
  }
  return dates;
}

function git(dir: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

function gitDates(dir: string): Map<string, string> {
  const dates = new Map<string, string>();
  const top = git(dir, ['rev-parse', '--show-toplevel'])?.trim();
  const log = top && git(dir, ['log', '--format=%x01%cI', '--name-only', '--', '.']);
  if (!top || !log) return dates;
  let current = '';
  for (const line of log.split('\n')) {
    if (line.startsWith('\u0001')) current = new Date(line.slice(1)).toISOString();
    else if (line && current) {
      const path = resolve(top, line);
      // The log is newest first: keep the first date seen for each file.
      if (!dates.has(path)) dates.set(path, current);
    }
  }
  return dates;
}

function gitDirty(dir: string): Set<string> {
  const top = git(dir, ['rev-parse', '--show-toplevel'])?.trim();
  const status = top && git(dir, ['status', '--porcelain', '--', '.']);
  if (!top || !status) return new Set();
  return new Set(status.split('\n').filter(Boolean).map((l) => resolve(top, l.slice(3))));
}

function mtime(path: string): string {
  try {
    return statSync(path).mtime.toISOString();
  } catch {
    return new Date(0).toISOString();
  }
}
