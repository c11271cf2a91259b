/**
 * The search page, on Pagefind's JS API: results with the entry title, its
 * status as a coloured tag with symbol and text, its theme and an excerpt with
 * the hits highlighted; filters with counts; results announced in a live
 * region; Escape clears. Chosen over Pagefind's ready-made UI so that results
 * use the site's own status tags and markup, and nothing needs inline styles.
 */
import { orderResults, phraseQuery } from '../core/search.ts';
import { format, pluralForm } from '../i18n/format.ts';
import type { PluralForms } from '../i18n/en-GB.ts';

/** The words the page gives this script, in the site's language (see src/pages/search.astro). */
interface ScriptMessages {
  language: string;
  failed: string;
  results: PluralForms;
  forQuery: string;
  firstOnly: string;
  groupOf: string;
  wholeTable: string;
  /** "{label}: ", hidden before a status, with the label of the result's status field. */
  valuePrefix: string;
}

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface PagefindResponse {
  results: { id: string; data(): Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options?: { filters?: Record<string, string[]>; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindResponse | null>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function enhanceSearch(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-search]');
  if (!root) return;
  const base = root.dataset.base ?? '/';
  const filterDefs = JSON.parse(root.dataset.filters ?? '[]') as { key: string; label: string }[];
  const m = JSON.parse(root.dataset.messages ?? '{}') as ScriptMessages;
  const severalReports = Number(root.dataset.reports ?? '1') > 1;
  const form = root.querySelector('form')!;
  const input = root.querySelector<HTMLInputElement>('#search-input')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const filterBox = root.querySelector<HTMLElement>('[data-search-filters]')!;

  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: base, excerptLength: 24 });
    await pagefind.init();
  } catch {
    status.textContent = m.failed;
    return;
  }
  document.querySelector<HTMLElement>('[data-search-fallback]')?.setAttribute('hidden', '');

  // Filters: one group of checkboxes per facet, with counts.
  const all = await pagefind.filters();
  const boxes = new Map<string, HTMLInputElement[]>();
  for (const def of filterDefs) {
    const values = Object.keys(all[def.key] ?? {});
    if (values.length === 0) continue;
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'search__facet';
    const legend = document.createElement('legend');
    legend.textContent = def.label;
    fieldset.append(legend);
    const inputs: HTMLInputElement[] = [];
    values.forEach((value, i) => {
      const id = `filter-${def.key}-${i}`;
      const wrap = document.createElement('div');
      wrap.className = 'checkbox';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.id = id;
      box.value = value;
      box.name = def.key;
      const label = document.createElement('label');
      label.htmlFor = id;
      label.innerHTML = `${escapeHtml(value)} <span class="count" data-count></span>`;
      wrap.append(box, label);
      fieldset.append(wrap);
      inputs.push(box);
    });
    boxes.set(def.key, inputs);
    filterBox.append(fieldset);
  }
  filterBox.hidden = false;

  const chosen = () => {
    const filters: Record<string, string[]> = {};
    for (const [key, inputs] of boxes) {
      const values = inputs.filter((b) => b.checked).map((b) => b.value);
      if (values.length) filters[key] = values;
    }
    return filters;
  };

  let run = 0;
  const search = async () => {
    const mine = ++run;
    const query = input.value.trim();
    const filters = chosen();
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    for (const [key, values] of Object.entries(filters)) for (const v of values) params.append(key, v);
    history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);

    if (!query && Object.keys(filters).length === 0) {
      list.replaceChildren();
      status.textContent = '';
      updateCounts(all);
      return;
    }
    const phrase = phraseQuery(query);
    const [response, exact] = await Promise.all([
      pagefind.search(query || null, { filters, sort: query ? undefined : { order: 'asc' } }),
      phrase ? pagefind.search(phrase, { filters }) : null,
    ]);
    if (!response || mine !== run) return;
    const exactIds = new Set((exact?.results ?? []).map((r) => r.id));
    const merged = [...(exact?.results ?? []), ...response.results.filter((r) => !exactIds.has(r.id))].slice(0, 50);
    const loaded = await Promise.all(merged.map(async (r) => ({ data: await r.data(), exact: exactIds.has(r.id) })));
    if (mine !== run) return;
    const data = orderResults(loaded.map((l) => ({ ...l, isEntry: l.data.meta.entry === '1' }))).map((l) => l.data);
    updateCounts(response.filters);
    list.replaceChildren(...data.map(renderResult));
    const n = response.results.length;
    status.textContent = `${format(pluralForm(m.language, m.results, n), { count: n })}${query ? format(m.forQuery, { query }) : ''}${n > 50 ? format(m.firstOnly, { limit: 50 }) : ''}`;
  };

  const updateCounts = (counts: Record<string, Record<string, number>>) => {
    for (const [key, inputs] of boxes) {
      for (const box of inputs) {
        const span = box.nextElementSibling?.querySelector('[data-count]');
        if (span) span.textContent = `(${counts[key]?.[box.value] ?? 0})`;
      }
    }
  };

  const renderResult = (r: PagefindResultData) => {
    const li = document.createElement('li');
    li.className = 'search-result';
    const title = r.meta.title ?? r.url;
    const tag = r.meta.status
      ? `<strong class="tag legend--${escapeHtml(r.meta.status_id ?? '')}"><span class="tag__symbol" aria-hidden="true">${escapeHtml(r.meta.status_symbol ?? '')}</span><span class="tag__label"><span class="visually-hidden">${escapeHtml(format(m.valuePrefix, { label: r.meta.status_label ?? '' }))}</span>${escapeHtml(r.meta.status)}</span></strong>`
      : '';
    // The value the report groups its rows by ("Theme: Procurement"), or, for the report page, "The whole table".
    const group = r.meta.group
      ? `<span class="search-result__theme">${escapeHtml(format(m.groupOf, { label: r.meta.group_label ?? '', value: r.meta.group }))}</span>`
      : r.meta.entry === '1'
        ? ''
        : `<span class="search-result__theme">${escapeHtml(m.wholeTable)}</span>`;
    // On a site of several reports, each result names its report.
    const report = severalReports && r.meta.report ? ` <span class="search-result__report">${escapeHtml(r.meta.report)}</span>` : '';
    // Pagefind's excerpt is our own indexed text, escaped, with <mark> around the hits.
    li.innerHTML = `<h2 class="search-result__title"><a href="${escapeHtml(r.url)}">${escapeHtml(title)}</a></h2><p class="search-result__meta">${tag} ${group}${report}</p><p class="search-result__excerpt">${r.excerpt}</p>`;
    return li;
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
      for (const inputs of boxes.values()) for (const b of inputs) b.checked = false;
      void search();
    }
  });
  filterBox.addEventListener('change', () => void search());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search();
  });

  // Start from the address: ?q=…&theme=…
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const [key, inputs] of boxes) {
    const wanted = params.getAll(key);
    for (const b of inputs) b.checked = wanted.includes(b.value);
  }
  updateCounts(all);
  await search();
}
