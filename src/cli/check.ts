/**
 * npm run check [-- --content DIR]
 * Validates all content with the same schema and parser as the build, prints
 * every problem as `path:line: field: message (hint)`, then a summary.
 * Exit code 1 on any error, 0 otherwise. Never prints a stack trace.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic, sortDiagnostics, summarise } from '../core/diagnostics.ts';
import { loadContent } from '../core/load.ts';

function main(): number {
  const { values } = parseArgs({ options: { content: { type: 'string', default: 'content' } } });
  const dir = resolve(values.content ?? 'content');
  const result = loadContent(dir);
  const diagnostics = sortDiagnostics(result.diagnostics);
  for (const d of diagnostics) console.log(formatDiagnostic(d));
  console.log(summarise(diagnostics, result.files.length));
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`check could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
