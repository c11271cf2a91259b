/**
 * The PDF's fonts, from the dejavu-fonts-ttf package (not the machine's): the
 * files Typst is given (typeset.ts) and whose glyph widths estimate the rows'
 * heights (fit.ts), by style.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;

export type FontStyle = keyof typeof FONT_FILES;

/** A font's file, as bytes. */
export function fontData(style: FontStyle): Buffer {
  return readFileSync(join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', FONT_FILES[style]));
}
