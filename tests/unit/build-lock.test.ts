/**
 * The build's lock and its clean-up of what killed builds left, on real files
 * and real processes (a finished one for "dead", a sleeping one for "alive").
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFolders, clearLeftovers } from '../../src/build/build-folders.ts';
import { acquireLock, LockTimeout, pidAlive } from '../../src/build/build-lock.ts';

const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
const alive = sleeper.pid!;
afterAll(() => void sleeper.kill());

describe('the build lock', () => {
  it('tells a running process from a finished one', () => {
    expect(pidAlive(process.pid)).toBe(true);
    expect(pidAlive(alive)).toBe(true);
    expect(pidAlive(dead)).toBe(false);
  });

  it('takes over the lock of a build that died, and releases it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lock-')), '.build.lock');
    writeFileSync(file, `${dead}\n`);
    const release = await acquireLock(file, { onWait: () => expect.unreachable('nothing to wait for') });
    expect(readFileSync(file, 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(existsSync(file)).toBe(false);
  });

  it('waits while a running build holds it, saying so once with its pid, and gives up after the time allowed', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lock-')), '.build.lock');
    writeFileSync(file, `${alive}\n`);
    const told: number[] = [];
    await expect(acquireLock(file, { onWait: (pid) => told.push(pid), timeout: 300, interval: 50 })).rejects.toEqual(new LockTimeout(alive));
    expect(told).toEqual([alive]);
    expect(readFileSync(file, 'utf8').trim()).toBe(String(alive));
  });
});

describe('what killed builds left beside dist/', () => {
  it('removes the folders of dead builds only, and puts back a previous site left aside by a swap cut short', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leftovers-'));
    const out = join(dir, 'dist');
    const deadFolders = buildFolders(out, dead);
    const liveFolders = buildFolders(out, alive);
    for (const folder of [deadFolders.temp, deadFolders.old, deadFolders.cache, liveFolders.temp, liveFolders.cache]) mkdirSync(folder);
    writeFileSync(join(deadFolders.old, 'index.html'), 'previous site');
    mkdirSync(join(dir, '.other.building-1'));

    const result = clearLeftovers(out);
    expect(result.restored).toBe(deadFolders.old);
    expect(result.removed.sort()).toEqual([deadFolders.temp, deadFolders.cache].sort());
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous site');
    expect(readdirSync(dir).sort()).toEqual(['.dist.building-' + alive, '.dist.cache-' + alive, '.other.building-1', 'dist'].sort());
  });
});
