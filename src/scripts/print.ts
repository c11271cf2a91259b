/**
 * "Print this page": shown only where JavaScript runs. Before printing, the
 * footer's date becomes today's (the stylesheet carries the build's date).
 */
export function enhancePrint(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
    button.closest<HTMLElement>('[hidden]')?.removeAttribute('hidden');
    button.addEventListener('click', () => window.print());
  }
  window.addEventListener('beforeprint', () => {
    const sheet = [...document.styleSheets].find((s) => s.href?.endsWith('/print.css'));
    const rule = sheet && [...sheet.cssRules].find((r) => r instanceof CSSPageRule);
    const box = rule && [...(rule as CSSPageRule).cssRules].find((r) => (r as CSSRule & { name?: string }).name === 'bottom-left') as CSSStyleRule | undefined;
    if (!box) return;
    // The footer is three strings (src/pages/print.css.ts): words, the date, words.
    const today = new Date().toLocaleDateString(document.documentElement.lang || 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    const strings = box.style.getPropertyValue('content').match(/"(?:[^"\\]|\\.)*"/g);
    if (strings?.length !== 3) return;
    strings[1] = `"${today.replace(/["\\]/g, '\\$&')}"`;
    box.style.setProperty('content', strings.join(' '));
  });
}
