/** A status tag for a search result: a copy of the page's <template data-status-tag> (rendered by StatusTag.astro), filled in. */
import { legendClass } from '../../core/legend-class.ts';

export interface TagValues {
  /** The legend id (its colour class). */
  id: string;
  symbol: string;
  /** Read before the label by screen readers ("Colour code: "). */
  prefix: string;
  label: string;
}

export function statusTag(template: HTMLTemplateElement, values: TagValues): HTMLElement {
  const tag = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
  if (values.id) tag.classList.add(legendClass(values.id));
  tag.dataset.status = values.id;
  tag.querySelector('.tag__symbol')!.textContent = values.symbol;
  const label = tag.querySelector('.tag__label')!;
  label.querySelector('.visually-hidden')!.textContent = values.prefix;
  label.append(values.label);
  return tag;
}
