/**
 * `npm run dev` and content mistakes. While the content has errors, every page
 * of the preview is replaced by a plain page of the editor's messages (file,
 * line, what is wrong, how to fix it), the same lines as `npm run check`, and
 * nothing else: no stack trace, no source code, no "Open in editor".
 *
 * Why not Astro's error overlay: it is made for developers. It shows where in
 * our TypeScript the error was thrown and its stack, it only appears when a
 * page is rendered after the mistake (a content change that fails does not
 * reload the page), and each request that fails prints the error again.
 *
 * Keeping the browser up to date, whatever the timing:
 * - A site page open when a save breaks the content reloads at once (Vite's
 *   HMR channel), and so does one that connects later: a page loading at the
 *   moment of the save, say. Any page on Vite's channel is a site page, hence
 *   out of date while the content has errors: the error page does not use it.
 * - The error page listens to an event stream of its own, which tells it to
 *   reload when the messages change or the content is fixed, and only once
 *   Astro has stored the fixed content. It says which messages it shows, so it
 *   also catches up after missing an event (a restart of the preview).
 *
 * The content loader (run by Astro's content layer) and the dev server's
 * middleware (set up by our integration) are loaded as different module
 * instances: they share the state through one global slot (src/build/globals.ts).
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { currentContentError, previewState as preview } from '../build/globals.ts';
import type { ContentError } from '../core/diagnostics.ts';
import { formatDiagnostic } from '../core/diagnostics.ts';

export { currentContentError };

type ServerSetup = NonNullable<AstroIntegration['hooks']['astro:server:setup']>;
type SetupOptions = Parameters<ServerSetup>[0];

/** Which messages a page shows ('' for the site itself). */
function signature(error: ContentError | undefined): string {
  return error ? createHash('sha256').update(error.message).digest('hex').slice(0, 16) : '';
}

/**
 * Runs the loaders again through Astro (after a save), so that it stores and
 * serves what they load; false when Astro did not offer to (then the caller does).
 */
export async function refreshContent(loaders: string[]): Promise<boolean> {
  const { refresh } = preview();
  if (!refresh) return false;
  await refresh(loaders);
  return true;
}

/** The content loader calls this with the errors of the content as Astro now serves it. */
export function contentChecked(error: ContentError | undefined): void {
  const state = preview();
  const before = state.error;
  state.error = error;
  if (error && error.message !== before?.message) state.reloadSitePages?.();
  const now = signature(error);
  for (const [page, shows] of state.errorPages) if (shows !== now) page.write('data: reload\n\n');
}

/** The page shown instead of every page while the content has errors. */
export function errorPage(error: ContentError, events: string): string {
  const errors = error.diagnostics.filter((d) => d.severity === 'error');
  const items = errors.map((d) => `<li>${escape(formatDiagnostic(d))}</li>`).join('\n');
  const count = `${errors.length} problem${errors.length === 1 ? '' : 's'}`;
  const stream = `${events}?shows=${signature(error)}`;
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
<script type="module">new EventSource(${JSON.stringify(stream).replace(/</g, '\\u003c')}).onmessage = () => location.reload();</script>
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
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

/** `astro:server:setup`: answer page requests with the messages while the content has errors. */
export function showContentErrors({ server, refreshContent: refresh }: Pick<SetupOptions, 'server' | 'refreshContent'>): void {
  const state = preview();
  const hot = server.environments.client.hot;
  const events = `${server.config.base.replace(/\/?$/, '/')}__content-errors`;
  state.refresh = refresh && ((loaders) => refresh({ loaders }));
  state.reloadSitePages = () => hot.send({ type: 'full-reload', path: '*' });
  // A site page that connects while the content has errors was loaded before they were known.
  hot.on('vite:client:connect', (_data, client) => {
    if (state.error) client.send({ type: 'full-reload', path: '*' });
  });
  server.middlewares.use((req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://preview');
    if (url.pathname === events) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
      res.write('retry: 500\n\n');
      const shows = url.searchParams.get('shows') ?? '';
      if (shows !== signature(state.error)) res.write('data: reload\n\n');
      state.errorPages.set(res, shows);
      req.on('close', () => state.errorPages.delete(res));
      return;
    }
    const error = state.error;
    if (!error || req.method !== 'GET' || !req.headers.accept?.includes('text/html')) return next();
    res.statusCode = 500;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(errorPage(error, events));
  });
}
