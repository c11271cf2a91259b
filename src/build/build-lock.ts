/**
 * One build at a time in a project folder. Builds share Astro's working files
 * there (`.astro/`, `node_modules/.astro/`), so two at once could publish each
 * other's pages. `npm run build` takes this lock first: a file created
 * atomically (`wx`) holding the build's process id. A second build waits for
 * it, saying so in one line; a lock whose process has died (a build killed
 * with `kill -9`, a machine that lost power) is taken over.
 *
 * Hand-written rather than a library: proper-lockfile and its kind judge a
 * lock stale by its age, which would either wait minutes after a killed build
 * or take the lock from a long build still running; the process id answers
 * the question exactly, on the one machine that shares these folders.
 */
import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';

/** Whether a process with this id is running (on this machine). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A process that was killed but not yet reaped by its parent (a zombie, as under a
  // container's init that reaps nothing) still answers; Linux's /proc shows it as Z.
  try {
    return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

function holder(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Date.now();
  }
}

/** Creates the lock holding our pid; false if it exists. */
function create(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  writeSync(fd, `${process.pid}\n`);
  closeSync(fd);
  return true;
}

/**
 * Moves a dead build's lock aside, so that only one of several waiting builds
 * takes it over: if another build took it over in between, its live lock is
 * put back.
 */
function takeOver(file: string, dead: number): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (holder(aside) !== dead) {
    try {
      linkSync(aside, file);
    } catch {
      // Yet another build has the lock now; the one moved aside waits like us.
    }
  }
  unlinkSync(aside);
}

export interface LockOptions {
  /** Called once, when the lock is held by another build, with its pid. */
  onWait?: (pid: number) => void;
  /** How long to wait for another build, in ms. */
  timeout?: number;
  /** How often to look again, in ms. */
  interval?: number;
}

export class LockTimeout extends Error {
  readonly pid: number;
  constructor(pid: number) {
    super(`another build (pid ${pid}) is still running`);
    this.pid = pid;
  }
}

/**
 * Takes the lock at `file`, waiting while a live build holds it; returns a
 * function that releases it (also released when this process exits). Throws
 * LockTimeout when the other build has not finished in time.
 */
export async function acquireLock(file: string, options: LockOptions = {}): Promise<() => void> {
  const { timeout = 10 * 60_000, interval = 250 } = options;
  const started = Date.now();
  let told = false;
  for (;;) {
    if (create(file)) break;
    const pid = holder(file);
    if (pid === undefined) continue; // released just now
    if (pid === process.pid) break;
    // A lock with no pid is being written this instant (or its build died at that
    // instant, if it stays empty); one whose pid is dead is left over.
    if (pid === 0 ? Date.now() - mtime(file) > 5_000 : !pidAlive(pid)) {
      takeOver(file, pid);
      continue;
    }
    if (!told && pid !== 0) {
      options.onWait?.(pid);
      told = true;
    }
    if (Date.now() - started > timeout) throw new LockTimeout(pid);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  const release = () => {
    process.off('exit', release);
    try {
      if (holder(file) === process.pid) unlinkSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  };
  process.on('exit', release);
  return release;
}
