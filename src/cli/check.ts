/**
 * npm run check [-- --content DIR]
 * Validates all content with the same schema and parser as the build, prints
 * every problem as `path:line: field: message (hint)`, then a summary.
 * Exit code 1 on any error, 0 otherwise. Never prints a stack trace.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { enableCompileCache } from '../build/compile-cache.ts';

enableCompileCache();
const { formatDiagnostic, sortDiagnostics, summarise } = await import('../core/diagnostics.ts');
const { loadContent } = await import('../core/load.ts');

function main(): number {
  const { values } = parseArgs({ options: { content: { type: 'string', default: 'content' } } });
  const dir = resolve(values.content ?? 'content');
  // The same checks as the build, without making the HTML the build needs.
  const result = loadContent(dir, { checkOnly: true });
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
