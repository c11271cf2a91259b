/** Text that goes into CSS cannot end its string and add rules of its own. */
import { describe, expect, it } from 'vitest';
import { cssString, printFooterCss } from '../../src/core/css.ts';

describe('cssString', () => {
  it('escapes the quote, the backslash and every control character as "\\HH "', () => {
    expect(cssString('Plain title – Café')).toBe('"Plain title – Café"');
    expect(cssString('a"b\\c')).toBe('"a\\22 b\\5c c"');
    expect(cssString('one\ntwo\r\fthree\tfour\u0007\u007f')).toBe('"one\\a two\\d \\c three\\9 four\\7 \\7f "');
    expect(cssString('nul\u0000')).toBe('"nul\uFFFD"');
  });

  it('keeps a title that tries to close the rule inside the footer text: one @page rule, nothing after it', () => {
    const title = 'Plan";\n  }\n}\ntable { display: none }\n@page { @bottom-left { content: "x';
    const css = printFooterCss([`Printed from ${title} on `, '1 January 2025', '']);
    // Three strings, each with no raw quote, backslash-quote or line break inside.
    const STRING = '"(?:[^"\\\\\\n]|\\\\[0-9a-f]{1,6} )*"';
    const content = new RegExp(`^ {4}content: (${STRING} ${STRING} ${STRING});$`, 'm').exec(css)?.[1];
    expect(content).toBe(`${cssString(`Printed from ${title} on `)} "1 January 2025" ""`);
    expect(css.split('\n')).toHaveLength(6);
    expect(css.replace(content!, '""')).toBe('@page {\n  @bottom-left {\n    content: "";\n  }\n}\n');
  });
});
