/**
 * Each component's examples, as GOV.UK Frontend keeps them beside each
 * component (<Name>.examples.ts beside <Name>.astro): named sets of props
 * that show what the component does (its states, its edge cases). tests/components/ renders every example of every
 * component with Astro's Container API and checks the markup. An example gets
 * the reports it is shown with: `plan` (a plan with two colours and grouped
 * rows) and `staged` (a tracker whose legend has stages).
 */
import type { Report } from '../core/model.ts';

export interface ExampleContext {
  plan: Report;
  staged: Report;
}

/** Examples by name: each gives the component's props. */
export type Examples = Record<string, (reports: ExampleContext) => Record<string, unknown>>;
