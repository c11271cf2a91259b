/**
 * Text that goes into CSS, such as the printed footer's "Printed from <site
 * title>", goes in as a CSS string that it cannot end early (CSS Syntax 3,
 * §4.3.5): the quote, the backslash and every control character (line breaks
 * end a string) become hex escapes "\HH " (the space ends the escape and is
 * not part of the text). CSS.escape() is for identifiers, not strings, and
 * Node has none; this is the whole rule.
 */
export function cssString(text: string): string {
  // eslint-disable-next-line no-control-regex
  const escaped = text.replace(/["\\\u0000-\u001f\u007f]/g, (c) => (c === '\0' ? '\uFFFD' : `\\${c.charCodeAt(0).toString(16)} `));
  return `"${escaped}"`;
}

/**
 * The print stylesheet's footer: `texts`, each one CSS string, in the bottom-left margin box of every
 * page. Only its content: its font is print.css's (larger in large print).
 */
export function printFooterCss(texts: readonly string[]): string {
  return `@page {\n  @bottom-left {\n    content: ${texts.map(cssString).join(' ')};\n  }\n}\n`;
}
