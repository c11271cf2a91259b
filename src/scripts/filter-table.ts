/**
 * The report page's filter: hides the rows that do not match, keeps the choice
 * in the query string (shareable, survives a reload) and announces
 * "n of N actions shown" in a live region. One select per facet of the report,
 * and a checkbox for the rows changed since the previous edition when there is one.
 */
import { parseTableFilter, rowMatches, tableFilterQuery, type TableFilter } from '../core/search.ts';

export function enhanceTableFilters(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-table-filter]')) {
    const table = document.querySelector<HTMLTableElement>(`table.plan-table[data-report="${form.dataset.tableFilter}"]`);
    if (!table) continue;
    const selects = [...form.querySelectorAll<HTMLSelectElement | HTMLInputElement>('select[data-facet], input[type="checkbox"][data-facet]')];
    const isBox = (s: HTMLSelectElement | HTMLInputElement): s is HTMLInputElement => s instanceof HTMLInputElement;
    const allowed = Object.fromEntries(selects.map((s) => [s.name, isBox(s) ? [s.value] : [...s.options].map((o) => o.value).filter(Boolean)]));
    const valueOf = (s: HTMLSelectElement | HTMLInputElement) => (isBox(s) ? (s.checked ? s.value : '') : s.value);
    const rows = [...table.querySelectorAll<HTMLTableRowElement>('tr.entry-row')].map((tr) => ({
      tr,
      values: Object.fromEntries(selects.map((s) => [s.name, (tr.getAttribute(`data-facet-${s.name}`) ?? '').split(' ').filter(Boolean)])),
    }));
    const count = form.querySelector<HTMLElement>('[data-filter-count]')!;

    const apply = (filter: TableFilter, updateUrl: boolean) => {
      let shown = 0;
      for (const row of rows) {
        const match = rowMatches(row.values, filter);
        row.tr.hidden = !match;
        if (match) shown++;
      }
      for (const group of table.querySelectorAll<HTMLTableSectionElement>('tbody')) {
        group.hidden = !group.querySelector('tr.entry-row:not([hidden])');
      }
      // The page gives the sentence in its language, with the total filled in: "{shown} of 30 actions shown".
      count.textContent = (count.dataset.template ?? '{shown}').replace('{shown}', String(shown));
      if (updateUrl) history.replaceState(null, '', `${location.pathname}${tableFilterQuery(filter)}${location.hash}`);
    };
    const current = (): TableFilter => Object.fromEntries(selects.map((s) => [s.name, valueOf(s) || undefined]));

    const initial = parseTableFilter(location.search, allowed);
    for (const s of selects) {
      if (isBox(s)) s.checked = initial[s.name] === s.value;
      else s.value = initial[s.name] ?? '';
    }
    form.hidden = false;
    apply(initial, false);
    form.addEventListener('change', () => apply(current(), true));
    form.addEventListener('reset', () => setTimeout(() => apply(current(), true)));
    form.addEventListener('submit', (event) => event.preventDefault());
  }
}
