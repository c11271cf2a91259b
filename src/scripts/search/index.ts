/**
 * The search page, on Pagefind's JS API: results with the entry title, its
 * status as a coloured tag with symbol and text, its theme and an excerpt with
 * the hits highlighted; filters with counts; results announced in a live
 * region; Escape clears. Chosen over Pagefind's ready-made UI so that results
 * use the site's own status tags and markup, and nothing needs inline styles.
 * One job per module: loading the index (pagefind.ts), the filters
 * (filters.ts), one search (query.ts), a result (results.ts, with the page's
 * status-tag template: status-tag.ts) and the address (url-state.ts).
 */
import { format, pluralForm } from '../../i18n/format.ts';
import { buildFilters, type FilterDef } from './filters.ts';
import type { ScriptMessages } from './messages.ts';
import { loadPagefind } from './pagefind.ts';
import { RESULT_LIMIT, runQuery } from './query.ts';
import { renderResult } from './results.ts';
import { readState, writeState } from './url-state.ts';

export async function enhanceSearch(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-search]');
  if (!root) return;
  const base = root.dataset.base ?? '/';
  const m = JSON.parse(root.dataset.messages ?? '{}') as ScriptMessages;
  const form = root.querySelector('form')!;
  const input = root.querySelector<HTMLInputElement>('#search-input')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const filterBox = root.querySelector<HTMLElement>('[data-search-filters]')!;
  const context = { m, tagTemplate: root.querySelector<HTMLTemplateElement>('template[data-status-tag]')!, severalReports: Number(root.dataset.reports ?? '1') > 1 };

  const pagefind = await loadPagefind(base);
  if (!pagefind) {
    status.textContent = m.failed;
    return;
  }
  document.querySelector<HTMLElement>('[data-search-fallback]')?.setAttribute('hidden', '');
  const all = await pagefind.filters();
  const filters = buildFilters(filterBox, JSON.parse(root.dataset.filters ?? '[]') as FilterDef[], all);

  let run = 0;
  const search = async () => {
    const mine = ++run;
    const query = input.value.trim();
    const chosen = filters.chosen();
    writeState(query, chosen);
    if (!query && Object.keys(chosen).length === 0) {
      list.replaceChildren();
      status.textContent = '';
      filters.updateCounts(all);
      return;
    }
    const found = await runQuery(pagefind, query, chosen, () => mine !== run);
    if (!found) return;
    filters.updateCounts(found.counts);
    list.replaceChildren(...found.results.map((r) => renderResult(r, context)));
    const n = found.total;
    status.textContent = `${format(pluralForm(m.language, m.results, n), { count: n })}${query ? format(m.forQuery, { query }) : ''}${n > RESULT_LIMIT ? format(m.firstOnly, { limit: RESULT_LIMIT }) : ''}`;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      input.value = '';
      filters.set(() => []);
      void search();
    }
  });
  filterBox.addEventListener('change', () => void search());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search();
  });

  // Start from the address: ?q=…&theme=…
  const state = readState();
  input.value = state.query;
  filters.set(state.values);
  filters.updateCounts(all);
  await search();
}
