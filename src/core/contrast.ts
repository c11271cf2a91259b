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

/** Mix two "#rrggbb" colours: `share` of `a`, the rest of `b`. */
export function mix(a: string, b: string, share: number): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  const out = [0, 1, 2].map((i) => Math.round(channel(a, i) * share + channel(b, i) * (1 - share)));
  return `#${out.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

export const DARK_BACKGROUND = '#0b0c0c';
export const DARK_TEXT = '#f3f2f1';

/**
 * The legend colour for dark mode: a deep tint of the same hue under light
 * text, darkened until the text has at least 4.5:1.
 */
export function darkVariant(colour: string): { colour: string; textColour: string } {
  for (let share = 0.35; share > 0; share -= 0.05) {
    const bg = mix(colour, DARK_BACKGROUND, share);
    if (contrastRatio(bg, DARK_TEXT) >= MIN_TEXT_CONTRAST) return { colour: bg, textColour: DARK_TEXT };
  }
  return { colour: DARK_BACKGROUND, textColour: DARK_TEXT };
}
