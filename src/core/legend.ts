/** A report's legend as the page shows it: each status's symbol, its class and the colours of that class. */
import { darkVariant } from './contrast.ts';
import { legendClass } from './legend-class.ts';
import type { Report } from './model.ts';
import { statuses } from './schema.ts';

/**
 * A shape per status, shown beside its colour and label so the status survives
 * black-and-white printing and colour blindness. Assigned by legend position.
 */
export const STATUS_SYMBOLS = ['●', '■', '▲', '◆', '★', '✚', '▼', '⬟'] as const;

export function statusSymbol(report: Report, statusId: string): string {
  const i = statuses(report).findIndex((l) => l.id === statusId);
  return STATUS_SYMBOLS[i % STATUS_SYMBOLS.length] ?? '●';
}

/**
 * CSS custom properties for each legend colour, as `legend--<id>` classes,
 * with a dark-mode variant that keeps at least 4.5:1 contrast.
 */
export function legendCss(report: Report): string {
  const list = statuses(report);
  const light = list.map((l) => `.${legendClass(l.id)} { --status-bg: ${l.colour}; --status-fg: ${l.text_colour}; }`);
  const dark = list.map((l) => {
    const d = darkVariant(l.colour);
    return `  .${legendClass(l.id)} { --status-bg: ${d.colour}; --status-fg: ${d.textColour}; }`;
  });
  // Printing always uses the light colours: paper is white.
  return `${light.join('\n')}\n@media screen and (prefers-color-scheme: dark) {\n${dark.join('\n')}\n}\n`;
}
