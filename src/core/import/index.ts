/**
 * Import a tracker exported from a spreadsheet as CSV: one Markdown entry per
 * row, in the form `npm run check` accepts. csv-parse reads the file (UTF-8
 * with or without a byte-order mark, quoted multi-line cells) with one
 * delimiter, the header row's; columns are matched to the report's declared
 * fields and sections by their header (the field's id or label, the section's
 * heading), or by --map. Nothing is lost without a word: every column and cell
 * lands in an entry or comes back as a problem (row, column, why), every value
 * changed on the way in as a note; nothing is guessed.
 *
 * One job per module: columns.ts (which column is which field), cells.ts
 * (delimiters, dates, bullets, evidence), values.ts (--values), rows.ts
 * (the import itself); types.ts the result.
 */
export { DELIMITERS, delimiterName, detectDelimiter, readDate, suggestChoice, cellToMarkdown, parseEvidence, type DateOrder } from './cells.ts';
export { importTargets, mapColumns, parseMap, type ImportTarget } from './columns.ts';
export { importCsv } from './rows.ts';
export type { ImportedEntry, ImportNote, ImportOptions, ImportProblem, ImportResult, ValueSuggestion } from './types.ts';
export { parseValues, parseValuesFile, type ValueMap } from './values.ts';
