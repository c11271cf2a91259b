/**
 * `npm run dev` and content mistakes. While the content has errors, every page
 * of the preview is replaced by a plain page of the editor's messages (file,
 * line, what is wrong, how to fix it), the same lines as `npm run check`, and
 * nothing else: no stack trace, no source code, no "Open in editor".
 * The browser is told to reload as soon as a save breaks the content (or breaks
 * it differently), and again when it is fixed.
 *
 * Why not Astro's error overlay: it is made for developers. It shows where in
 * our TypeScript the error was thrown and its stack, it only appears when a
 * page is rendered after the mistake (a content change that fails does not
 * reload the page), and each request that fails prints the error again.
 *
 * The content loader (run by Astro's content layer) and the dev server's
 * middleware (set up by our integration) are loaded as different module
 * instances: they share the state through one global slot.
 */
import type { AstroIntegration } from 'astro';
import type { ContentError } from '../core/diagnostics.ts';
import { formatDiagnostic } from '../core/diagnostics.ts';

type ServerSetup = NonNullable<AstroIntegration['hooks']['astro:server:setup']>;
type DevServer = Parameters<ServerSetup>[0]['server'];

interface Preview {
  /** The content's errors, while it has any. */
  error?: ContentError;
  /** Tells every open page to reload (set once the dev server runs). */
  reload?: () => void;
}

const SLOT = Symbol.for('improvement-report.preview');
function preview(): Preview {
  const g = globalThis as { [SLOT]?: Preview };
  return (g[SLOT] ??= {});
}

export function currentContentError(): ContentError | undefined {
  return preview().error;
}

/**
 * The content loader calls this after each reading of the content in the
 * preview. `storeChanged`: whether the content put in Astro's store differs
 * from what was there, in which case Astro reloads the pages itself once it
 * has written the store (reloading earlier would show the old content).
 */
export function contentChecked(error: ContentError | undefined, storeChanged: boolean): void {
  const state = preview();
  const wasBroken = state.error !== undefined;
  state.error = error;
  if (error || (wasBroken && !storeChanged)) state.reload?.();
}

/** The page shown instead of every page while the content has errors. */
export function errorPage(error: ContentError, viteClient: string): string {
  const errors = error.diagnostics.filter((d) => d.severity === 'error');
  const items = errors.map((d) => `<li>${escape(formatDiagnostic(d))}</li>`).join('\n');
  const count = `${errors.length} problem${errors.length === 1 ? '' : 's'}`;
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Content to fix: ${count} – preview</title>
<style>
body { font: 1.125rem/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.5rem; }
li { margin: 0 0 1rem; white-space: pre-wrap; overflow-wrap: anywhere; }
</style>
<script type="module" src="${escape(viteClient)}"></script>
</head>
<body>
<main>
<h1>The preview cannot show the content: ${count} to fix</h1>
<ul id="content-errors">
${items}
</ul>
<p>Fix the file and save it: this page then shows the site again by itself.</p>
</main>
</body>
</html>
`;
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** `astro:server:setup`: answer page requests with the messages while the content has errors. */
export function showContentErrors(server: DevServer): void {
  const viteClient = `${server.config.base.replace(/\/?$/, '/')}@vite/client`;
  preview().reload = () => server.environments.client.hot.send({ type: 'full-reload', path: '*' });
  server.middlewares.use((req, res, next) => {
    const error = currentContentError();
    if (!error || req.method !== 'GET' || !req.headers.accept?.includes('text/html')) return next();
    res.statusCode = 500;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(errorPage(error, viteClient));
  });
}
