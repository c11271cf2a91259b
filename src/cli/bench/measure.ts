/**
 * The bench's timing and sizing: run a command in a clean environment, time it
 * and sample its memory; medians; output sizes; the `--times` line of a build.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');

export interface Measurement {
  seconds: number;
  peakMB: number;
  /** What the command printed. */
  output: string;
}

/** Sum of the resident memory of a process and its descendants (Linux /proc), in MB. */
function treeRssMB(pid: number): number {
  let total = 0;
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      /* the process ended */
    }
  }
  const visit = (p: number) => {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1];
      total += Number(rss ?? 0) / 1024;
    } catch {
      /* the process ended */
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return total;
}

/** Run a Node script of the project, timing it and sampling its memory; fail loudly with its output. */
export function measure(args: string[], env: NodeJS.ProcessEnv): Promise<Measurement> {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRssMB(child.pid!))), 50);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) reject(new Error(`${args.join(' ')} failed (exit ${code}):\n${output.slice(-3000)}`));
      else resolvePromise({ seconds, peakMB: Math.round(peak), output });
    });
  });
}

/** A clean environment for child builds: quiet, no telemetry, nothing from a test runner. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^(VITEST|VITE_|TEST$|NODE_ENV$|BASE_URL$|MODE$|DEV$|PROD$|SSR$|CONTENT_DIR$|BASE$|SITE$)/.test(key)) delete env[key];
  // CI is left as it is: in CI neither Astro's CLI (the floor) nor this project's writes a compile cache.
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export const round = (n: number) => Math.round(n * 100) / 100;

export interface OutputSize {
  /** Bytes of all files (apparent size). */
  outputMB: number;
  /** Space on disk (du), as a host stores it: every file takes whole blocks. */
  diskMB?: number;
  largestHtmlKB: number;
}

export function outputSize(dir: string): OutputSize {
  let bytes = 0;
  let largestHtml = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const size = statSync(p).size;
        bytes += size;
        if (e.name.endsWith('.html')) largestHtml = Math.max(largestHtml, size);
      }
    }
  };
  walk(dir);
  const du = spawnSync('du', ['-sk', dir], { encoding: 'utf8' });
  const diskMB = du.status === 0 ? round(Number(du.stdout.split(/\s/)[0]) / 1024) : undefined;
  return { outputMB: round(bytes / 1024 / 1024), ...(diskMB === undefined ? {} : { diskMB }), largestHtmlKB: round(largestHtml / 1024) };
}

/** The parts of a build's `--times` line ("Times: start 1.20 s, pages 3.40 s, pdf …"), in seconds. */
export function buildTimes(output: string): Record<string, number> {
  const line = /^Times: (.*)$/m.exec(output)?.[1];
  if (!line) return {};
  return Object.fromEntries(line.split(', ').flatMap((part) => {
    const m = /^(.+) ([\d.]+) s$/.exec(part);
    return m ? [[m[1]!, Number(m[2])]] : [];
  }));
}

/** The PDF step's time in a build's `--times` line, and whether it printed (its summary says when the PDFs came from the cache). */
export function pdfTime(output: string): { seconds: number; printed: boolean } | undefined {
  const seconds = buildTimes(output)['pdf'];
  if (seconds === undefined) return undefined;
  return { seconds, printed: !/PDFs \(all unchanged, from the cache\)/.test(output) };
}

/** The load average (1, 5 and 15 minutes) now. */
export function loadAverage(): number[] {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  } catch {
    return [];
  }
}
