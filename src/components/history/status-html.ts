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
import type { Report } from '../../core/model.ts';
import { statuses } from '../../core/schema.ts';
import type { I18n } from '../../i18n/index.ts';
import { attr, tagHtml, tagParts } from '../StatusTag/tag-html.ts';

export { attr };

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
  // StatusTag's markup, unlinked.
  return tagHtml(tagParts(report, status, t));
}
