/**
 * British English, part of src/i18n/en-GB.ts: the words of the pages (layout, table, legend,
 * filters, entry pages, search, glossary, print).
 */
import { plural } from '../plural.ts';

export const pages = {
  layout: {
    /** The page's <title>: "{page} – {site}". */
    pageTitle: '{page} – {site}',
    skipLink: 'Skip to main content',
    siteNav: 'Site',
    home: 'Home',
    search: 'Search',
    glossary: 'Glossary',
    /** The accessible name of the header's search form, apart from the search page's own. */
    siteSearch: 'Site search',
    searchLabel: 'Search the plan',
    searchButton: 'Search',
    accessibility: 'Accessibility statement',
    feed: 'Updates (Atom feed)',
    feedTitle: '{site}: updates',
    publishedBy: 'Published by {organisation}.',
    breadcrumb: 'Breadcrumb',
  },

  /** A report's facets and fields are named by its report.yaml; these are the words around them. */
  facets: {
    /** A list of links to a facet's pages: "By theme". `{facet}` is its label in a sentence. */
    by: 'By {facet}',
    /** A table filter's first choice. */
    all: 'All',
    /** Hidden before a value, for screen readers: "Theme: ", "Status: ". */
    valuePrefix: '{label}: ',
    /** A value inside a stage of the legend: "In progress: Amber". */
    inStage: '{stage}: {value}',
  },

  browse: {
    label: 'Browse the {units} of {report}',
  },

  legend: {
    count: '({count})',
    /** A legend entry the document counts more of than it lists. */
    countOfTotal: '({count}; {total} in the document)',
    stageTotal: ' ({total} in the document)',
    /** On a page of some of the rows (a facet page): what the counts are of. */
    countsOnPage: plural({ one: 'Counts of the one {unit} on this page.', other: 'Counts of the {count} {units} on this page.' }),
  },

  summary: {
    heading: 'Summary: {count}',
    /** A count by a facet: "Actions by colour code". */
    unitsBy: '{Units} by {facet}',
    /** The same, when some rows have several values of it (each counted under each of its own). */
    unitsBySeveral: plural({
      one: '{Units} by {facet} (one {unit} has more than one, counted under each)',
      other: '{Units} by {facet} ({count} {units} have more than one, counted under each)',
    }),
    unitsColumn: '{Units}',
    /** The progress headline, from the statuses the legend marks done. */
    progress: '{done} of {total} complete',
  },

  filter: {
    legend: 'Show only the {units} with',
    apply: 'Apply',
    reset: 'Show all {units}',
    /** `{shown}` is filled in by the browser as the filter changes. */
    count: '{shown} of {total} {units} shown',
  },

  table: {
    none: 'None recorded',
  },

  report: {
    /** A date of this site (when its files last changed here), not the document's. */
    lastUpdated: 'Last updated on this site {date}',
    /** The reporting date (report.yaml `as_at`): the plan as at this day, the document's own date. */
    asAt: 'As at {date}. ',
    source: 'Source document',
    contact: 'Contact',
    /** The heading of the site's own note about a report (report.yaml, about:). */
    about: 'About this page',
    csv: 'Download the table as CSV',
    csvNote: ' (spreadsheet, {size})',
    json: 'Download as JSON',
    jsonNote: ' (open data, {size})',
    print: 'Print this page',
    tableHeading: 'The table',
    /** `{group}`: the label of the field the rows are grouped by, in a sentence. */
    tableCaption: '{report}: {count} by {group}',
    tableCaptionUngrouped: '{report}: {count}',
    pdf: 'Download as PDF (A4, {pages}, {size})',
    /** The large-print PDF's link; `{size}` is the body text's size in points. */
    pdfLarge: 'Download as large-print PDF ({size} pt text, A4 landscape, {pages}, {fileSize})',
    pdfPages: plural({ one: '{count} page', other: '{count} pages' }),
    /** The printed page's footer; `{date}` becomes the day of printing. */
    printedFrom: 'Printed from {address} on {date}',
    /** A report's printed footer when it has a reporting date (`{asAt}`); `{date}` becomes the day of printing. */
    printedFromAsAt: 'Printed from {address} on {date} · position as at {asAt}',
  },

  filtered: {
    title: '{kind}: {title}',
    kindInGroup: '{kind} – {group}',
    description: '{count} of {report}.',
    context: '{count} of {total} in {report}.',
    caption: '{kind}: {title} ({count})',
    fullTable: 'the full table',
    fullTableFiltered: 'the full table, filtered the same way',
    empty: 'No {unit} of this report has this {kind}.',
    /** A value that continues in another report; `{kind}` is that report's grouping field. */
    otherReportValue: 'This is a {kind} of another report: {link}.',
    /** Sections left out of a facet page's table (`in_facet_tables: false`), by their labels. */
    sectionsElsewhere: 'The {sections} for each {unit} is on its own page, and in {link}.',
    everyElsewhere: 'Every {unit} is also in {link}.',
  },

  /**
   * How a row is referred to ("row 14"): by the field report.yaml names as its
   * `reference:` (its label, e.g. "Ref"), else by its row number in the table.
   */
  reference: {
    /** The heading of the reference column, when rows are referred to by number. */
    row: 'Row',
    /** A row's reference with its label: "Row 14", "Ref CP-3". */
    text: '{label} {value}',
  },

  entry: {
    continuesIn: 'Continues in {link}',
    /** A field shown with another (`shown_with`), e.g. the plan's own wording of it. */
    asWorded: '{label}: “{text}”',
    notGiven: 'Not given',
    position: 'Position in the table',
    row: 'Row {order} of the table',
    lastUpdated: 'Last updated on this site',
    none: 'None recorded in the plan.',
    evidence: 'Evidence',
    pager: 'Previous and next {units}',
    previous: 'Previous {unit}',
    next: 'Next {unit}',
    backlink: 'See this {unit} in the full table',
  },

  home: {
    reports: 'Reports',
    count: ' ({count})',
  },

  search: {
    title: 'Search',
    /** `{facets}`: the reports' facets, e.g. "theme, colour code or new phase". */
    description: 'Search every {unit} of the plan by word or by {facets}.',
    descriptionWords: 'Search every {unit} of the plan by word.',
    or: ' or ',
    heading: 'Search the plan',
    label: 'Words to search for',
    hintWithExample: 'For example “{example}”. Press Escape to clear.',
    hint: 'Press Escape to clear.',
    button: 'Search',
    noScriptStrong: 'Search needs JavaScript',
    noScript:
      '{strong}, which is turned off or has not loaded in your browser. You can still find every {unit} by browsing the plan:',
    /** Used by the browser script. */
    failed: 'Search could not start. Browse the plan with the links below.',
    results: plural({ one: '{count} result', other: '{count} results' }),
    forQuery: ' for “{query}”',
    firstOnly: ', showing the first {limit}',
    /** A result's group: "Theme: Procurement". */
    groupOf: '{label}: {value}',
    wholeTable: 'The whole table',
  },

  /** The committee-pack PDF (typeset from the model; src/core/print/document.ts). */
  print: {
    /** The running footer: where the report is published, and its date. */
    footerAddress: 'Published at {address}',
    /** The running footer without a public address: who publishes the site, as the site's own footer says (layout.publishedBy). */
    footerSite: 'Published by {organisation}',
    page: 'Page {page} of {total}',
    /**
     * At the top of a page that goes on with a row begun on the page before: `{reference}` is the
     * row's reference with its label (reference.text: "Row 7"), `{title}` its title.
     */
    continued: '{reference} (continued): {title}',
    glossary: 'Glossary of abbreviations',
    glossaryIntro: 'What the abbreviations used in this document stand for.',
    /** The glossary printed at the end of a report's web page (print-only). */
    pageGlossaryIntro: 'What the abbreviations on this page stand for.',
    /** The abbreviations the glossary lists as not explained, when the page uses them. */
    pageGlossaryUnexplained: plural({
      one: 'The plan also uses {terms} without saying what it stands for; its meaning is not certain, so this site does not guess it.',
      other: 'The plan also uses {terms} without saying what they stand for; their meaning is not certain, so this site does not guess it.',
    }),
  },

  glossary: {
    title: 'Glossary',
    description: 'What the abbreviations in the plan stand for.',
    lead: 'What the abbreviations in the plan stand for. On every page, the first use of each is marked with a dotted underline: hover over it or focus it to see its meaning.',
    unexplainedHeading: 'Not explained',
    unexplained: 'The plan uses these without saying what they stand for, and their meaning is not certain, so this site does not guess it.',
  },

  notFound: {
    title: 'Page not found',
    check: 'If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.',
    goTo: 'You can go to:',
    home: 'the home page',
  },

  /** Column headings of the CSV download (its first row). */
};
