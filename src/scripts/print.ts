/**
 * "Print this page": shown only where JavaScript runs. Before printing, the
 * footer's date becomes today's (the stylesheets carry the build's date).
 */
export function enhancePrint(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
    button.closest<HTMLElement>('[hidden]')?.removeAttribute('hidden');
    button.addEventListener('click', () => window.print());
  }
  window.addEventListener('beforeprint', () => {
    const today = new Date().toLocaleDateString(document.documentElement.lang || 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    // The footers of /print.css and of the report's own /<report>/print.css: each three strings
    // (src/core/css.ts printFooterCss): words, the date, words.
    for (const sheet of document.styleSheets) {
      if (!sheet.href?.endsWith('/print.css')) continue;
      for (const rule of sheet.cssRules) {
        if (!(rule instanceof CSSPageRule)) continue;
        const box = [...rule.cssRules].find((r) => (r as CSSRule & { name?: string }).name === 'bottom-left') as CSSStyleRule | undefined;
        const strings = box?.style.getPropertyValue('content').match(/"(?:[^"\\]|\\.)*"/g);
        if (!box || strings?.length !== 3) continue;
        strings[1] = `"${today.replace(/["\\]/g, '\\$&')}"`;
        box.style.setProperty('content', strings.join(' '));
      }
    }
  });
}
