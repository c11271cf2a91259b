/**
 * The one markup of a status tag: its legend colour (class legend--<id>), its
 * symbol and its label, so colour is never the only signal. StatusTag.astro
 * renders it (and, empty, the <template> the search script clones); the
 * history views (src/components/history/status-html.ts) reuse it for the
 * thousands of tags of past editions without rendering a component each.
 */
import { escapeHTML } from 'astro/runtime/server/escape.js';
import { statusSymbol } from '../../core/legend.ts';
import { legendClass } from '../../core/legend-class.ts';
import { legendItem, type Report } from '../../core/model.ts';
import type { I18n } from '../../i18n/index.ts';

/** An attribute's value as Astro writes it (only & and " escaped). */
export const attr = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

export interface TagParts {
  /** The page of entries with this status, when the tag links there. */
  href?: string;
  status?: string;
  symbol: string;
  /** Words for screen readers before the label ("Colour code: "). */
  prefix: string;
  label: string;
}

/** What a tag shows for one status of a report. */
export function tagParts(report: Report, status: string, t: I18n, href?: string): TagParts {
  const item = legendItem(report, status);
  const m = t.messages;
  return {
    href,
    status,
    symbol: statusSymbol(report, status),
    prefix: t.format(m.facets.valuePrefix, { label: report.fields.find((f) => f.type === 'status')?.label ?? '' }),
    label: item.stage ? t.format(m.facets.inStage, { stage: item.stage.label, value: item.label }) : item.label,
  };
}

/** The tag's markup: a link when it has an address, else strong text; empty parts make the template's tag. */
export function tagHtml(tag: TagParts): string {
  const name = tag.href ? 'a' : 'strong';
  const classes = tag.status ? `tag ${legendClass(tag.status)}` : 'tag';
  return (
    `<${name} class="${attr(classes)}"${tag.href ? ` href="${attr(tag.href)}"` : ''}${tag.status ? ` data-status="${attr(tag.status)}"` : ''}>` +
    `<span class="tag__symbol" aria-hidden="true">${escapeHTML(tag.symbol)}</span>` +
    `<span class="tag__label"><span class="visually-hidden">${escapeHTML(tag.prefix)}</span>${escapeHTML(tag.label)}</span></${name}>`
  );
}
