/** The words the search page gives its script, in the site's language (see src/components/Search/Search.astro). */
import type { PluralForms } from '../../i18n/plural.ts';

export interface ScriptMessages {
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
