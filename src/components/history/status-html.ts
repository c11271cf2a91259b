/**
 * A status of any edition as markup, made once per report and status: the
 * same markup as HistoryStatus.astro (a StatusTag, not linked; the id when the
 * legend no longer has it; "no value" without one). Past-edition tables and
 * entries' History lists show a status in every cell or line, thousands of
 * them at 1,000 entries over 12 editions; rendering two Astro components for
 * each (HistoryStatus, then StatusTag) took most of what history added to a
 * build. tests/components/examples.test.ts holds this to the components' markup.
 */
import { escapeHTML } from 'astro/runtime/server/escape.js';
import { statusSymbol } from '../../core/legend.ts';
import { legendClass } from '../../core/legend-class.ts';
import { legendItem, type Report } from '../../core/model.ts';
import { statuses } from '../../core/schema.ts';
import type { I18n } from '../../i18n/index.ts';

/** An attribute's value as Astro writes it (only & and " escaped). */
export const attr = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Per report (the store's object, the same for every page), each status's markup. */
const made = new WeakMap<Report, Map<string | undefined, string>>();

/** HistoryStatus.astro's markup for a status (undefined: the edition had none). */
export function historyStatusHtml(report: Report, status: string | undefined, t: I18n): string {
  let byStatus = made.get(report);
  if (!byStatus) made.set(report, (byStatus = new Map()));
  let html = byStatus.get(status);
  if (html === undefined) byStatus.set(status, (html = markup(report, status, t)));
  return html;
}

function markup(report: Report, status: string | undefined, t: I18n): string {
  const h = t.messages.history;
  if (status === undefined) return `<span class="none">${escapeHTML(h.noValue)}</span>`;
  if (!statuses(report).some((s) => s.id === status)) {
    return `<strong class="tag tag--unknown" data-status="${attr(status)}">${escapeHTML(t.format(h.unknownStatus, { status }))}</strong>`;
  }
  // StatusTag.astro's markup, unlinked.
  const item = legendItem(report, status);
  const m = t.messages;
  const prefix = t.format(m.facets.valuePrefix, { label: report.fields.find((f) => f.type === 'status')?.label ?? '' });
  const label = item.stage ? t.format(m.facets.inStage, { stage: item.stage.label, value: item.label }) : item.label;
  return (
    `<strong data-status="${attr(status)}" class="${attr(`tag ${legendClass(status)}`)}">` +
    `<span class="tag__symbol" aria-hidden="true">${escapeHTML(statusSymbol(report, status))}</span>` +
    `<span class="tag__label"><span class="visually-hidden">${escapeHTML(prefix)}</span>${escapeHTML(label)}</span></strong>`
  );
}
