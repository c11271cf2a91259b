/** The search filters: one group of checkboxes per facet, each value with its count. */

export interface FilterDef {
  key: string;
  label: string;
}

export interface Filters {
  /** The values chosen, by filter key (filters with none chosen left out). */
  chosen(): Record<string, string[]>;
  /** Tick exactly these values of each filter (from the address, or none to clear). */
  set(wanted: (key: string) => string[]): void;
  /** Show each value's count. */
  updateCounts(counts: Record<string, Record<string, number>>): void;
}

/** Build the checkboxes for the filters that have values into `box`, and show it. */
export function buildFilters(box: HTMLElement, defs: FilterDef[], all: Record<string, Record<string, number>>): Filters {
  const boxes = new Map<string, HTMLInputElement[]>();
  for (const def of defs) {
    const values = Object.keys(all[def.key] ?? {});
    if (values.length === 0) continue;
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'search__facet';
    const legend = document.createElement('legend');
    legend.textContent = def.label;
    fieldset.append(legend);
    boxes.set(
      def.key,
      values.map((value, i) => {
        const wrap = document.createElement('div');
        wrap.className = 'checkbox';
        const input = document.createElement('input');
        input.type = 'checkbox';
        input.id = `filter-${def.key}-${i}`;
        input.value = value;
        input.name = def.key;
        const label = document.createElement('label');
        label.htmlFor = input.id;
        const count = document.createElement('span');
        count.className = 'count';
        count.dataset.count = '';
        label.append(`${value} `, count);
        wrap.append(input, label);
        fieldset.append(wrap);
        return input;
      }),
    );
    box.append(fieldset);
  }
  box.hidden = false;
  return {
    chosen() {
      const filters: Record<string, string[]> = {};
      for (const [key, inputs] of boxes) {
        const values = inputs.filter((b) => b.checked).map((b) => b.value);
        if (values.length) filters[key] = values;
      }
      return filters;
    },
    set(wanted) {
      for (const [key, inputs] of boxes) {
        const values = wanted(key);
        for (const b of inputs) b.checked = values.includes(b.value);
      }
    },
    updateCounts(counts) {
      for (const [key, inputs] of boxes) {
        for (const input of inputs) {
          const span = input.nextElementSibling?.querySelector('[data-count]');
          if (span) span.textContent = `(${counts[key]?.[input.value] ?? 0})`;
        }
      }
    },
  };
}
