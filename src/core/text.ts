/**
 * Characters no text of a report may hold: the C0 controls except tab and line
 * feed, DEL and the C1 controls (U+0000–U+0008, U+000B–U+001F, U+007F–U+009F).
 * Readers cannot see them, XML forbids most of them (feed.xml would no longer
 * be well-formed) and they are almost always pasted in by accident. One rule,
 * used for every YAML value (yaml.ts) and every entry body (markdown.ts).
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** The first control character in `text`, as "U+0007", or undefined when there is none. */
export function controlCharacter(text: string): { code: string; index: number } | undefined {
  const match = CONTROL.exec(text);
  if (!match) return undefined;
  return { code: `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, index: match.index };
}

export const CONTROL_CHARACTER_HINT =
  'delete it: it is often pasted in with text from another program (or written as an escape such as "\\a" in double quotes); if you cannot see it, retype the text';

export function controlCharacterMessage(code: string): string {
  return `contains an invisible control character (${code}), which is not allowed`;
}

/** One problem per line of `text` that holds a control character; `firstLine` is the line of the file `text` starts on. */
export function controlCharacterLines(text: string, firstLine = 1): { line: number; code: string }[] {
  const found: { line: number; code: string }[] = [];
  text.split('\n').forEach((line, i) => {
    const c = controlCharacter(line);
    if (c) found.push({ line: firstLine + i, code: c.code });
  });
  return found;
}
