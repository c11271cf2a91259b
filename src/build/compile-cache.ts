/**
 * Node's on-disk compile cache (module.enableCompileCache), as Astro's own CLI
 * uses it: the second and later runs of a command skip compiling the thousands
 * of modules Astro, Vite and remark are made of. Off in CI, where the cache
 * would be written and never read (the same rule as Astro's). Only modules
 * loaded after the call benefit, so commands import their heavy parts afterwards.
 */
import module from 'node:module';

export function enableCompileCache(): void {
  if (process.env.CI) return;
  try {
    module.enableCompileCache?.();
  } catch {
    /* a read-only temporary folder: run without the cache */
  }
}

/** Write what this process compiled now, for a process about to call process.exit(). */
export function flushCompileCache(): void {
  try {
    module.flushCompileCache?.();
  } catch {
    /* nothing to write */
  }
}
