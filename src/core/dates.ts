/**
 * When each content file last changed: the date of its last git commit, or its
 * modification time outside git, for files git does not track, and for files
 * with changes not yet committed. One `git log` for the whole folder (newest
 * first, the first date seen for a file is its last change) and one
 * `git status`, not a call per file.
 *
 * A shallow clone (CI checkouts often fetch one commit) knows only that
 * commit, so every file gets its date: fetch the history (fetch-depth: 0 on
 * GitHub Actions) for true dates.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/** Absolute path → ISO date-time. */
export function lastChanged(dir: string, files: readonly string[]): Map<string, string> {
  const top = git(dir, ['rev-parse', '--show-toplevel'])?.trim();
  const committed = top ? gitDates(dir, top) : new Map<string, string>();
  const changed = top ? uncommitted(dir, top) : new Set<string>();
  const dates = new Map<string, string>();
  for (const file of files) {
    const path = resolve(file);
    const fromGit = committed.get(path);
    dates.set(path, fromGit && !changed.has(path) ? fromGit : mtime(path));
  }
  return dates;
}

function git(dir: string, args: string[]): string | undefined {
  try {
    // core.quotePath=false: names with accents come out as they are, not as "\303\251".
    return execFileSync('git', ['-c', 'core.quotePath=false', ...args], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch {
    return undefined;
  }
}

function gitDates(dir: string, top: string): Map<string, string> {
  const dates = new Map<string, string>();
  const log = git(dir, ['log', '--format=%x01%cI', '--name-only', '--', '.']);
  if (!log) return dates;
  let current = '';
  for (const line of log.split('\n')) {
    if (line.startsWith('\u0001')) current = new Date(line.slice(1)).toISOString();
    else if (line && current) {
      // Paths in the log are relative to the top of the repository.
      const path = resolve(top, line);
      if (!dates.has(path)) dates.set(path, current);
    }
  }
  return dates;
}

/** Files changed, added or untracked since the last commit. */
function uncommitted(dir: string, top: string): Set<string> {
  // -z: one NUL-terminated "XY path" per file, no quoting; a rename is followed by its old path.
  const status = git(dir, ['status', '--porcelain', '-z', '--untracked-files=all', '--', '.']);
  const paths = new Set<string>();
  if (!status) return paths;
  const fields = status.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (field.length < 4) continue;
    paths.add(resolve(top, field.slice(3)));
    if (field[0] === 'R' || field[0] === 'C') i++; // skip the old path of a rename or copy
  }
  return paths;
}

function mtime(path: string): string {
  try {
    return statSync(path).mtime.toISOString();
  } catch {
    return new Date(0).toISOString();
  }
}
