/** One search result: the page's title as a link, its status tag, the value it is grouped under (or "the whole table"), its report, and the excerpt. */
import { format } from '../../i18n/format.ts';
import type { PagefindResultData } from './pagefind.ts';
import type { ScriptMessages } from './messages.ts';
import { statusTag } from './status-tag.ts';

export interface ResultContext {
  m: ScriptMessages;
  /** The page's <template data-status-tag>. */
  tagTemplate: HTMLTemplateElement;
  /** On a site of several reports, each result names its report. */
  severalReports: boolean;
}

const element = <K extends keyof HTMLElementTagNameMap>(name: K, className: string, ...children: (Node | string)[]) => {
  const el = document.createElement(name);
  el.className = className;
  el.append(...children);
  return el;
};

export function renderResult(r: PagefindResultData, { m, tagTemplate, severalReports }: ResultContext): HTMLLIElement {
  const link = document.createElement('a');
  link.href = r.url;
  link.textContent = r.meta.title ?? r.url;
  const meta = element('p', 'search-result__meta');
  if (r.meta.status) {
    const prefix = format(m.valuePrefix, { label: r.meta.status_label ?? '' });
    meta.append(statusTag(tagTemplate, { id: r.meta.status_id ?? '', symbol: r.meta.status_symbol ?? '', prefix, label: r.meta.status }), ' ');
  } else meta.append(' ');
  // The value the report groups its rows by ("Theme: Procurement"), or, for the report page, "The whole table".
  const group = r.meta.group ? format(m.groupOf, { label: r.meta.group_label ?? '', value: r.meta.group }) : r.meta.entry === '1' ? undefined : m.wholeTable;
  if (group !== undefined) meta.append(element('span', 'search-result__theme', group));
  // The row's reference ("Row 14"), as in the table.
  if (r.meta.reference) meta.append(' ', element('span', 'search-result__ref', r.meta.reference));
  if (severalReports && r.meta.report) meta.append(' ', element('span', 'search-result__report', r.meta.report));
  const excerpt = element('p', 'search-result__excerpt');
  // Pagefind's excerpt is our own indexed text, escaped, with <mark> around the hits.
  excerpt.innerHTML = r.excerpt;
  return element('li', 'search-result', element('h2', 'search-result__title', link), meta, excerpt);
}
