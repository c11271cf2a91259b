/** The class of a legend colour, with no imports: pages, legend.css and the search script all make it here. */

/**
 * The class that carries a legend colour: `legend--<id>`. Legend ids are
 * lower-case letters, digits and single hyphens, so every generated class
 * starts with `legend--` and no layout class may (tests/unit/legend-class.test.ts):
 * an editor's id can never restyle the page (a legend id `panel` gives
 * `legend--panel`, not a layout class).
 */
export function legendClass(statusId: string): string {
  return `${LEGEND_CLASS_PREFIX}${statusId}`;
}
export const LEGEND_CLASS_PREFIX = 'legend--';
