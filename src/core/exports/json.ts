/** The report as JSON: the typed model, with a schemaVersion. Pure functions. */
import { rowReference, type Entry, type Report } from '../model.ts';

/**
 * Raise when a field is removed or changes meaning; adding a field keeps the version.
 * 2: an entry's values are under `fields`, by the ids its report declares
 * (`report.fields` says what each is), and its sections by declared id.
 * Each entry's `reference` (added within version 2) is the row's reference as
 * text: the value of the field `report.reference` names, else its row number.
 */
export const JSON_SCHEMA_VERSION = 2;

/**
 * The report and its entries as in the model, with each entry's page address;
 * the sections as plain text (the HTML is the site's, not data), and without
 * the source file paths, which are the editors' business.
 */
export function reportJson(report: Report, pageUrl: (entry: Entry) => string): string {
  // History has files of its own (history.csv, history.json).
  const { entries, file: _file, introductionHtml: _intro, aboutHtml: _about, aboutPage: _aboutPage, history: _history, ...meta } = report;
  const data = {
    schemaVersion: JSON_SCHEMA_VERSION,
    report: meta,
    entries: entries.map((entry) => {
      const { file: _f, sections, ...fields } = entry;
      return {
        ...fields,
        // What the row is referred to by: the declared reference field's value (report.reference), else its row number.
        reference: rowReference(report, entry),
        url: pageUrl(entry),
        sections: Object.fromEntries(report.sections.map((s) => [s.id, sections[s.id]?.text ?? ''])),
      };
    }),
  };
  // Compact: open data is read by programs, and indentation would add a third to its size.
  return `${JSON.stringify(data)}\n`;
}
