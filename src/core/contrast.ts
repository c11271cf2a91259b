import { converter, formatHex, toGamut } from 'culori';

/** WCAG 2.2 contrast ratio between two "#rrggbb" colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  const [hi, lo] = la > lb ? [la, lb] : [lb, la];
  return (hi + 0.05) / (lo + 0.05);
}

/** Relative luminance, as defined by WCAG. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG 2.2 AA for normal text. */
export const MIN_TEXT_CONTRAST = 4.5;

export const DARK_BACKGROUND = '#0b0c0c';
export const DARK_TEXT = '#f3f2f1';

const toOklch = converter('oklch');
const intoSrgb = toGamut('rgb', 'oklch');

/** Chroma (OKLCH) a dark-mode legend colour has at least, when its light colour has a hue. */
const DARK_CHROMA = 0.09;

/**
 * The legend colour for dark mode: a deep shade of the same hue under light
 * text, as light as it can be while the text keeps at least 4.5:1. Worked out
 * in OKLCH (culori), where lightness, chroma and hue are separate: the pale
 * colours a legend usually has (low chroma) get enough chroma to stay told
 * apart once dark, instead of all turning the same grey as they did when
 * mixed with the dark background. A grey stays grey.
 */
export function darkVariant(colour: string): { colour: string; textColour: string } {
  const { c = 0, h = 0 } = toOklch(colour) ?? {};
  const chroma = c < 0.02 ? 0 : Math.max(c, DARK_CHROMA);
  for (let l = 0.6; l > 0.1; l -= 0.005) {
    const shade = formatHex(intoSrgb({ mode: 'oklch', l, c: chroma, h }));
    if (contrastRatio(shade, DARK_TEXT) >= MIN_TEXT_CONTRAST) return { colour: shade, textColour: DARK_TEXT };
  }
  return { colour: DARK_BACKGROUND, textColour: DARK_TEXT };
}
