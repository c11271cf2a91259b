/** Plural forms of a message, shared by every locale file and the helpers that fill them in. */

/** Forms of a message by plural category: `other` is required, the rest as the language needs. */
export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}
export const plural = (forms: PluralForms): PluralForms => forms;
