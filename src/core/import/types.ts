/** What an import gives back: the entries to write, and every problem and note with its row and column. */
import type { DateOrder } from './cells.ts';
import type { ValueMap } from './values.ts';

export interface ImportProblem {
  /** The spreadsheet's row (the header is row 1; a multi-line cell is still one row). */
  row: number;
  /** The CSV column's header, when the problem is a cell or a column. */
  column?: string;
  /** The field or section it was meant for (or "title", "order", …). */
  field: string;
  message: string;
}

/** A value changed on the way in and written changed: every one is listed. */
export interface ImportNote {
  row: number;
  column: string;
  field: string;
  message: string;
}

export interface ImportedEntry {
  row: number;
  id: string;
  title: string;
  /** What is written, field by field (label, value as written), for the dry run's table. */
  fields: [string, string][];
  markdown: string;
}

/** A ready-to-paste --values argument for the values of one field that match a label. */
export interface ValueSuggestion {
  field: string;
  pairs: [string, string][];
  argument: string;
}

export interface ImportResult {
  entries: ImportedEntry[];
  /** Columns matched to fields: header → field or section id. */
  mapping: Record<string, string>;
  unmappedColumns: string[];
  delimiter: string;
  problems: ImportProblem[];
  notes: ImportNote[];
  suggestions: ValueSuggestion[];
}

export interface ImportOptions {
  map?: Record<string, string>;
  firstOrder?: number;
  /** One delimiter; detected from the header row when not given. */
  delimiter?: string;
  /** Spreadsheet values to the report's values, by field id. */
  values?: ValueMap;
  /** How DD/MM/YYYY dates are read; `auto` when not given. */
  dates?: DateOrder;
}

