/**
 * An entry's History list (EntryView.astro) and one change in one edition
 * (ChangeLine.astro, also on the changes pages) as markup strings. Each entry
 * page lists every edition: at 1,000 entries over 12 editions, rendering
 * those lines element by element in Astro was a large part of what history
 * added to a build; a string per line costs a fraction of it.
 */
import { escapeHTML } from 'astro/runtime/server/escape.js';
import { formatDate } from '../../core/format.ts';
import { changeWords } from '../../core/history/describe.ts';
import type { EntryHistoryLine } from '../../core/history/changes.ts';
import type { Edition, EntryChange } from '../../core/history/types.ts';
import type { Report } from '../../core/model.ts';
import type { I18n } from '../../i18n/index.ts';
import { editionUrl, reportUrl } from '../../site/urls.ts';
import { attr, historyStatusHtml } from './status-html.ts';

/** One entry's change in one edition: the status move (with the legend's tags), the dates moved, the other fields and sections. */
export function changeLineHtml(report: Report, change: EntryChange, t: I18n): string {
  const h = t.messages.history;
  const words = changeWords(report, change, t);
  let html = '';
  if (change.statusMove) {
    html +=
      `<span class="change__status" data-status-move="${attr(change.statusMove.kind)}">${historyStatusHtml(report, change.statusMove.from, t)} ` +
      `<span aria-hidden="true">→</span><span class="visually-hidden">${escapeHTML(h.moveTo)}</span> ${historyStatusHtml(report, change.statusMove.to, t)}</span>`;
  }
  for (const d of words.dates) html += `<span class="change__date" data-date-move="${attr(d.direction)}">${escapeHTML(d.text)}</span>`;
  if (words.others) html += `<span class="change__fields">${escapeHTML(words.others)}</span>`;
  if (change.unreadable) html += `<span class="change__fields">${escapeHTML(h.unreadable)}</span>`;
  return html;
}

/** The items of an entry's History list: each edition linked (the last, when current, to the report), its status and what changed. */
export function historyItemsHtml(report: Report, lines: readonly EntryHistoryLine[], editions: readonly Pick<Edition, 'asAt'>[], t: I18n): string {
  const h = t.messages.history;
  const lastAsAt = editions.at(-1)?.asAt;
  return lines
    .map((line, i) => {
      const href = i === lines.length - 1 && line.asAt === lastAsAt ? reportUrl(report.id) : editionUrl(report.id, line.asAt);
      return (
        `<li data-edition="${attr(line.asAt)}"><strong><a href="${attr(href)}">${escapeHTML(t.format(h.pastEdition, { date: formatDate(line.asAt) }))}</a></strong> ` +
        (line.present ? historyStatusHtml(report, line.status, t) : '') +
        ' ' +
        (line.event === 'added' ? `<span>${escapeHTML(h.historyAdded)}</span>` : '') +
        (line.event === 'removed' ? `<span>${escapeHTML(h.historyRemoved)}</span>` : '') +
        (line.change ? changeLineHtml(report, line.change, t) : i > 0 && !line.event ? `<span>${escapeHTML(h.historyNoChange)}</span>` : '') +
        '</li>'
      );
    })
    .join('');
}
