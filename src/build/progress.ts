/**
 * One progress line for long builds (entries loaded, pages written, index
 * built), rewritten in place in a terminal. In CI logs, or when output is not
 * a terminal, it stays quiet: only the final summary line is printed.
 */
const interactive = Boolean(process.stdout.isTTY) && !process.env.CI;

export function progress(message: string): void {
  if (interactive) process.stdout.write(`\r\x1b[K${message}`);
}

export function progressDone(message: string): void {
  process.stdout.write(interactive ? `\r\x1b[K${message}\n` : `${message}\n`);
}
