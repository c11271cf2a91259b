/**
 * The report page's filter: hides the rows that do not match, keeps the choice
 * in the query string (shareable, survives a reload) and announces
 * "n of N actions shown" in a live region.
 */
import { parseTableFilter, rowMatches, tableFilterQuery, type TableFilter } from '../core/search.ts';

export function enhanceTableFilters(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-table-filter]')) {
    const table = document.querySelector<HTMLTableElement>(`table.plan-table[data-report="${form.dataset.tableFilter}"]`);
    if (!table) continue;
    const selects = {
      theme: form.elements.namedItem('theme') as HTMLSelectElement,
      status: form.elements.namedItem('status') as HTMLSelectElement,
      next: form.elements.namedItem('next') as HTMLSelectElement,
    };
    const valuesOf = (select: HTMLSelectElement) => [...select.options].map((o) => o.value).filter(Boolean);
    const allowed = { themes: valuesOf(selects.theme), statuses: valuesOf(selects.status), destinations: valuesOf(selects.next) };
    const rows = [...table.querySelectorAll<HTMLTableRowElement>('tr.entry-row')];
    const count = form.querySelector<HTMLElement>('[data-filter-count]')!;

    const apply = (filter: TableFilter, updateUrl: boolean) => {
      let shown = 0;
      for (const row of rows) {
        const match = rowMatches({ theme: row.dataset.theme!, status: row.dataset.status!, next: row.dataset.next! }, filter);
        row.hidden = !match;
        if (match) shown++;
      }
      for (const group of table.querySelectorAll<HTMLTableSectionElement>('tbody')) {
        group.hidden = !group.querySelector('tr.entry-row:not([hidden])');
      }
      // The page gives the sentence in its language, with the total filled in: "{shown} of 30 actions shown".
      count.textContent = (count.dataset.template ?? '{shown}').replace('{shown}', String(shown));
      if (updateUrl) history.replaceState(null, '', `${location.pathname}${tableFilterQuery(filter)}${location.hash}`);
    };
    const current = (): TableFilter => ({
      theme: selects.theme.value || undefined,
      status: selects.status.value || undefined,
      next: selects.next.value || undefined,
    });

    const initial = parseTableFilter(location.search, allowed);
    selects.theme.value = initial.theme ?? '';
    selects.status.value = initial.status ?? '';
    selects.next.value = initial.next ?? '';
    form.hidden = false;
    apply(initial, false);
    form.addEventListener('change', () => apply(current(), true));
    form.addEventListener('reset', () => setTimeout(() => apply(current(), true)));
    form.addEventListener('submit', (event) => event.preventDefault());
  }
}
