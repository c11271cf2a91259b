import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/core/diagnostics.ts';
import { errorPage } from '../../src/site/dev-preview.ts';

describe('the preview’s error page', () => {
  const error = new ContentError([
    { severity: 'error', file: 'content/reports/a/b.md', line: 3, field: 'title', message: 'the value on this line contains ": "', hint: 'put it in quotes: title: "<b>Review: x</b>"' },
    { severity: 'warning', file: 'content/site.yaml', line: 1, message: 'a warning' },
  ]);
  const html = errorPage(error, '/plan/__content-errors');

  it('lists the errors as check prints them, as text, and nothing else', () => {
    expect(html).toContain('<h1>The preview cannot show the content: 1 problem to fix</h1>');
    expect(html).toContain('<li>content/reports/a/b.md:3: title: the value on this line contains ": " (put it in quotes: title: "&lt;b&gt;Review: x&lt;/b&gt;")</li>');
    expect(html).not.toContain('a warning');
    expect(html).not.toMatch(/ContentError|\.ts\b|stack trace|\n\s+at /i);
  });

  it('listens for changes on its own event stream, saying which messages it shows', () => {
    expect(html).toMatch(/new EventSource\("\/plan\/__content-errors\?shows=[0-9a-f]{16}"\)/);
    expect(html).not.toContain('@vite/client');
  });
});
