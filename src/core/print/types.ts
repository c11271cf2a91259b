/**
 * What the committee-pack PDF prints, as plain JSON: made by document.ts from
 * the model, typeset by src/build/pdf/ with Typst. Every string is text.
 */
import type { PrintNode } from './nodes.ts';

/** A status as the legend shows it: symbol and label (so colour is never the only signal), and its colours. */
export interface PrintTag {
  t: 'tag';
  symbol: string;
  label: string;
  fill: string;
  fg: string;
}

/** A cell's or a line's content: text, Markdown nodes and status tags. */
export type PrintContent = (PrintNode | PrintTag)[];

export interface PrintRow {
  /** The row's reference ("14", "CP-3"): what a member says in the meeting (rowReference). */
  ref: string;
  title: string;
  /** The entry's page on the published site; absent without a public address. */
  url?: string;
  /** The status, when no column shows it. */
  status?: PrintTag;
  /** "Changed since …", when the row changed in the latest edition. */
  changed?: string;
  /** One per column, in the table's order. */
  cells: PrintContent[];
  /**
   * How the PDF places it (src/build/pdf/fit.ts): kept whole on a page, or starting a page of its
   * own and breaking only if it is taller than a page. Added when a PDF is typeset, for its size.
   */
  fit?: 'whole' | 'break';
  /** With `fit: 'break'`: the words at the top of a page that goes on with the row ("Row 7 (continued): Recruitment"). */
  continued?: string;
}

/** A row's field to fill in, in words printed for a row: its reference or its title. */
export interface PrintField {
  field: 'ref' | 'title';
}

export interface PrintGroup {
  /** The group's heading (a theme): a bookmark. Absent when the rows are not grouped. */
  heading?: string;
  rows: PrintRow[];
}

export interface PrintChangeGroup {
  heading: string;
  /** Each changed row: its reference with its label ("Row 14", "Ref CP-3"), title and what changed. */
  items: { ref?: string; title: string; c: PrintContent }[];
}

export interface PrintDocument {
  /** BCP 47 language and region, for Typst's text(lang, region). */
  lang: string;
  region?: string;
  /** The document's title (PDF metadata). */
  title: string;
  organisation?: string;
  subtitle?: string;
  /** "As at 31 March 2024" or "Last updated on this site 3 May 2024". */
  date: string;
  /** Label and content pairs: source document, contact. */
  details: { label: string; c: PrintContent }[];
  introduction: PrintNode[];
  /** The report page's summary: the progress headline and the counts by each summary facet. */
  summary: {
    heading: string;
    progress?: string;
    charts: { caption: string; label: string; unitsLabel: string; items: { label: string; symbol?: string; count: number }[] }[];
  };
  /** The site's own notes shown above the table ("About this page"). */
  notices: { heading: string; c: PrintNode[] }[];
  changes?: { heading: string; intro: string; groups: PrintChangeGroup[]; none?: string };
  legend?: { heading: string; items: { tag: PrintTag; count: string; description?: string; stage?: string }[]; notes: string[] };
  table: {
    heading: string;
    caption: string;
    refLabel: string;
    titleLabel: string;
    columns: string[];
    /** The words at the top of a page that goes on with a row begun on the page before ("Row 7 (continued): Recruitment"), with the row's fields to fill in. */
    continued: (string | PrintField)[];
    groups: PrintGroup[];
  };
  /** The abbreviations the document uses: those the glossary explains, then those it does not (as /glossary/ lists them, "Not explained"). */
  glossary?: { heading: string; intro: string; terms: { term: string; meaning: string }[]; unexplained?: { heading: string; intro: string; terms: string[] } };
  footer: { address: string; date: string; page: string };
  /** Body text size in points; the large print sets 14. */
  size?: number;
}

/**
 * One part of a print document, typeset alone and joined with the others
 * (parts.ts): the template (src/build/pdf/report.typ) prints what `part` says,
 * from what the part holds.
 */
export type PrintPart = Pick<PrintDocument, 'lang' | 'region' | 'title' | 'size'> &
  Partial<Omit<PrintDocument, 'table'>> &
  (
    | { part: 'front' }
    /** `first`: the table's first chunk, which prints its heading and caption. */
    | { part: 'table'; table: PrintDocument['table'] & { first: boolean } }
    | { part: 'glossary' }
    /** The running footers alone, on `pages` pages. */
    | { part: 'footers'; footer: PrintDocument['footer']; pages: number }
  );
