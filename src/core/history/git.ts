/**
 * The three git calls history needs, and nothing else: `git rev-parse` (is
 * this a repository, a shallow one, where is the content in it), one
 * `git log` over the content folder, and one `git cat-file --batch` process
 * that reads every blob needed, each once.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';

/** How to run git: the program (tests point it elsewhere) and a counter of processes started. */
export interface GitRunner {
  program: string;
  calls: number;
}

export function gitRunner(program = 'git'): GitRunner {
  return { program, calls: 0 };
}

/** Settings that would change git's output, fixed whatever the user's configuration. */
const CONFIG = ['-c', 'core.quotePath=false', '-c', 'log.showSignature=false', '-c', 'color.ui=false'];

/** Messages in English whatever the machine's language, so they can be recognised. */
const ENV = { ...process.env, LC_ALL: 'C', LANGUAGE: 'C', GIT_OPTIONAL_LOCKS: '0' };

export type GitResult = { ok: true; stdout: Buffer } | { ok: false; missing: boolean; stderr: string };

export function git(runner: GitRunner, cwd: string, args: string[]): GitResult {
  runner.calls++;
  const result = spawnSync(runner.program, [...CONFIG, ...args], { cwd, env: ENV, maxBuffer: 1024 * 1024 * 1024 });
  if (result.error) return { ok: false, missing: (result.error as NodeJS.ErrnoException).code === 'ENOENT', stderr: result.error.message };
  if (result.status !== 0) return { ok: false, missing: false, stderr: result.stderr.toString('utf8') };
  return { ok: true, stdout: result.stdout };
}

export interface Repository {
  /** The content folder's path from the top of the repository, "" or ending in "/". */
  prefix: string;
  shallow: boolean;
  objectFormat: 'sha1' | 'sha256';
}

export type RepositoryResult = { ok: true; repository: Repository } | { ok: false; reason: 'no-git' | 'not-a-repository' | 'error'; detail: string };

export function repository(runner: GitRunner, cwd: string): RepositoryResult {
  const result = git(runner, cwd, ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository', '--show-object-format', '--show-prefix']);
  if (!result.ok) {
    if (result.missing) return { ok: false, reason: 'no-git', detail: result.stderr };
    if (/not a git repository/i.test(result.stderr)) return { ok: false, reason: 'not-a-repository', detail: result.stderr };
    return { ok: false, reason: 'error', detail: result.stderr.trim().split('\n')[0] ?? '' };
  }
  const [inside, shallow, format, prefix = ''] = result.stdout.toString('utf8').split('\n');
  if (inside !== 'true') return { ok: false, reason: 'not-a-repository', detail: 'not inside a work tree' };
  return { ok: true, repository: { prefix, shallow: shallow === 'true', objectFormat: format === 'sha256' ? 'sha256' : 'sha1' } };
}

/** One file's new content in a commit: its blob id, or undefined when deleted (or no longer a file). */
export interface LogChange {
  /** Path from the top of the repository. */
  path: string;
  blob?: string;
}

export interface LogCommit {
  hash: string;
  /** Committer date, strict ISO 8601. */
  date: string;
  changes: LogChange[];
}

/**
 * Every commit that changed the folder `cwd`, oldest first, with the blob of
 * each file it changed. Follows the first parent only, so the commits are one
 * line of states (what was on the branch), and a merge shows what it brought.
 */
export function log(runner: GitRunner, cwd: string): GitResult & { commits?: LogCommit[] } {
  const result = git(runner, cwd, [
    'log',
    '--reverse',
    '--first-parent',
    '--diff-merges=first-parent',
    '--root',
    '--format=%H%x00%cI%x00',
    '--raw',
    '-z',
    '--no-renames',
    '--no-abbrev',
    '--',
    '.',
  ]);
  if (!result.ok) return result;
  return { ...result, commits: parseLog(result.stdout.toString('utf8')) };
}

/** Regular files only (100644, 100755): a symlink or submodule is not an entry. */
const FILE_MODE = /^100[0-7]{3}$/;

/**
 * `git log --format=%H%x00%cI%x00 --raw -z` gives NUL-separated fields: hash,
 * date, "" (the format's end), then for each changed file ":oldmode newmode
 * oldblob newblob status" followed by its path. A path always follows a ":"
 * field, so a path that looks like a hash cannot be mistaken for one.
 */
export function parseLog(text: string): LogCommit[] {
  const commits: LogCommit[] = [];
  const fields = text.split('\0');
  let current: LogCommit | undefined;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!.replace(/^\n/, '');
    if (field === '') continue;
    if (field.startsWith(':')) {
      const path = fields[++i]!;
      const [, newMode, , newBlob, status] = field.slice(1).split(' ');
      if (!current || path === undefined) continue;
      const deleted = status === 'D' || !FILE_MODE.test(newMode ?? '') || /^0+$/.test(newBlob ?? '');
      current.changes.push(deleted ? { path } : { path, blob: newBlob });
    } else {
      current = { hash: field, date: fields[++i] ?? '', changes: [] };
      commits.push(current);
    }
  }
  return commits;
}

/**
 * One `git cat-file --batch` process for the whole build: ask for blobs in
 * batches, get each batch's contents back. Call close() when done.
 */
export class BlobReader {
  private child;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: { ids: string[]; found: Map<string, Buffer>; resolve: (m: Map<string, Buffer>) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;
  private stderr = '';
  private closed = false;
  private ending = false;
  /** Blobs read so far. */
  read = 0;

  constructor(runner: GitRunner, cwd: string) {
    runner.calls++;
    this.child = spawn(runner.program, [...CONFIG, 'cat-file', '--batch'], { cwd, env: ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.drain();
    });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    const fail = (error: Error) => {
      this.failure ??= error;
      this.waiting?.reject(this.failure);
      this.waiting = undefined;
    };
    this.child.on('error', fail);
    // Writing to a process that stopped fails (EPIPE); its own message comes with 'close'.
    this.child.stdin.on('error', () => {});
    this.child.on('close', (code) => {
      this.closed = true;
      if (!this.ending) fail(new Error(this.stderr.trim() || `git cat-file stopped (exit ${code})`));
    });
  }

  /** The contents of these blobs (ids not found are left out). One batch at a time. */
  blobs(ids: readonly string[]): Promise<Map<string, Buffer>> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.waiting) return Promise.reject(new Error('BlobReader: one batch at a time'));
    if (ids.length === 0) return Promise.resolve(new Map());
    return new Promise((resolve, reject) => {
      this.waiting = { ids: [...ids], found: new Map(), resolve, reject };
      this.child.stdin.write(ids.join('\n') + '\n');
      this.drain();
    });
  }

  /** Take every complete answer ("<id> blob <size>\n<content>\n" or "<id> missing\n") off the buffer. */
  private drain(): void {
    const batch = this.waiting;
    if (!batch) return;
    while (batch.ids.length) {
      const eol = this.buffer.indexOf(10);
      if (eol < 0) return;
      const header = this.buffer.subarray(0, eol).toString('latin1').split(' ');
      if (header[1] === 'missing' || header.length < 3) {
        this.buffer = this.buffer.subarray(eol + 1);
        batch.ids.shift();
        continue;
      }
      const size = Number(header[2]);
      if (this.buffer.length < eol + 1 + size + 1) return;
      batch.found.set(header[0]!, Buffer.from(this.buffer.subarray(eol + 1, eol + 1 + size)));
      this.buffer = this.buffer.subarray(eol + 1 + size + 1);
      batch.ids.shift();
      this.read++;
    }
    this.waiting = undefined;
    batch.resolve(batch.found);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.ending = true;
      // Closed already, or never started (spawn failed: no process id).
      if (this.closed || this.child.pid === undefined) return resolve();
      this.child.once('close', () => resolve());
      this.child.stdin.end();
    });
  }
}

/** The id git gives a file's content, so working-tree files share parses with committed ones. */
export function blobId(content: Buffer, format: 'sha1' | 'sha256' = 'sha1'): string {
  return createHash(format).update(`blob ${content.length}\0`).update(content).digest('hex');
}
