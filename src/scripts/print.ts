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
    const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    box.style.setProperty('content', box.style.getPropertyValue('content').replace(/ on [^"]+"$/, ` on ${today}"`));
  });
}
