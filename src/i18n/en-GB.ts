/**
 * Every word of the interface a reader sees, in British English. A second
 * language is a copy of this file, translated (see README: "Add a language").
 *
 * `{name}` is a value filled in by the page; `{Name}` the same value with a
 * capital letter. `{unit}` and `{units}` are the word a report counts its rows
 * in ("action", "actions"). Plural forms follow Intl.PluralRules categories.
 */

/** Forms of a message by plural category: `other` is required, the rest as the language needs. */
export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}
const plural = (forms: PluralForms): PluralForms => forms;

export const enGB = {
  /** The word a report counts its rows in, when its report.yaml does not say (`unit`). */
  unit: plural({ one: 'action', other: 'actions' }),
  /** A count of a report's rows: "30 actions". */
  counted: '{count} {unit}',

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
    countsOnPage: 'Counts of the {count} on this page.',
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
    /** The running footer without a public address: the site's name. */
    footerSite: 'Published by {site}',
    page: 'Page {page} of {total}',
    glossary: 'Glossary of abbreviations',
    glossaryIntro: 'What the abbreviations used in this document stand for.',
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
  csv: {
    report: 'Report',
    id: 'Id',
    order: 'Order',
    /** The column of a choice field's ids, beside the one of its labels. */
    idColumn: '{label} id',
    evidence: 'Evidence',
    updated: 'Last updated',
    url: 'Page',
    /** The columns of history.csv: one line per change of one entry in one edition. */
    history: {
      entry: 'Entry',
      /** The row's reference in that edition: its row number, or the plan's own reference. */
      reference: 'Reference',
      title: 'Title',
      edition: 'Edition',
      previous: 'Previous edition',
      field: 'Field',
      from: 'From',
      to: 'To',
    },
  },

  /** Editions: each reporting date (report.yaml as_at) in the report's history, and what changed. */
  history: {
    /** Shown where a report or entry page gives its reporting date. */
    asAtLabel: 'Reporting date',
    firstEdition: 'This is the first edition of this report: there is no earlier one to compare it with.',
    /** The site was built without its history (a copy outside git, a shallow clone). */
    noHistory: 'Earlier editions of this report are not shown: this copy of the site was built without its history.',
    changesLink: 'What changed since {previous}',
    changesTitle: 'What changed since {previous}',
    changesDescription: 'Changes to {report} between the editions as at {previous} and {date}.',
    changesIntro: 'The edition as at {date} compared with the one as at {previous}.',
    noChanges: 'Nothing changed between these editions.',
    groups: {
      complete: 'Newly complete',
      worse: 'Worse',
      better: 'Better',
      slipped: 'Slipped',
      added: 'Added',
      removed: 'Removed',
      other: 'Other changes',
    },
    /** Read out between two statuses, where the page shows an arrow. */
    moveTo: ' to ',
    dateMove: '{label}: {from} → {to}',
    noValue: 'none',
    fieldsChanged: 'Changed: {fields}',
    unreadable: 'Could not be compared: the file could not be read in one of the editions.',
    earlier: 'Earlier editions',
    earlierChanges: 'Changes in the edition as at {date} (since {previous})',
    pastEdition: 'Edition as at {date}',
    pastEditionTitle: '{report}: edition as at {date}',
    pastEditionNotice: 'This is a past edition, as it stood on {date}. It is kept so that the record a committee saw stays public; it is not the current plan.',
    pastEditionCurrent: 'See the current edition',
    pastEditionSections: 'Past editions show each {unit}’s title, status and dates; the text of each {unit} as it stood is in the history of the site’s files.',
    pastEditionCaption: '{report} as at {date}: {count}',
    unknownStatus: '{status} (no longer in the legend)',
    history: 'History',
    historyIntro: 'This {unit} edition by edition.',
    historyAdded: 'Added in this edition.',
    historyRemoved: 'Removed in this edition.',
    historyNoChange: 'No change.',
    changedMarker: 'Changed since {previous}',
    changedFilter: 'Only {units} changed since {previous}',
    progress: 'Progress over editions',
    progressCaption: 'Number of {units} by status in each edition',
    editionColumn: 'Edition',
    noStatus: 'No status',
    csv: 'Download the history as CSV',
    json: 'Download the history as JSON',
    feedTitle: '{report}: edition as at {date}',
    feedSummary: '{count} changed since {previous}: {groups}.',
    feedFirst: 'First edition of {report}, as at {date}.',
    feedGroup: '{count} {group}',
  },

  size: {
    bytes: '{count} bytes',
    kb: '{count} KB',
    mb: '{count} MB',
  },

  /** The accessibility statement, in the form of the GOV.UK sample statement. */
  accessibility: {
    title: 'Accessibility statement',
    description: 'Accessibility statement for {site}.',
    heading: 'Accessibility statement for {site}',
    appliesTo: 'This accessibility statement applies to {address}, which publishes the improvement plan of {organisation}.',
    thisWebsite: 'this website',
    runBy: 'This website is run by {organisation}. We want as many people as possible to be able to use this website. For example, that means you should be able to:',
    abilities: [
      'change colours, contrast levels and fonts using browser or device settings',
      'zoom in up to 400% without the text spilling off the screen',
      'navigate the whole website using just a keyboard or speech recognition software',
      'listen to the whole website using a screen reader',
      'read every page without JavaScript, and print the plan in black and white without losing its colour code',
    ],
    simple:
      'We have also made the website text as simple as possible to understand. Every colour in the plan\'s table also has a symbol and a label, and every abbreviation is explained in the {glossary}.',
    glossaryLink: 'glossary',
    howAccessible: 'How accessible this website is',
    knownIssues: 'We know some parts of this website are not fully accessible:',
    noKnownIssues:
      'We do not know of any part of this website that is not accessible. Every page is tested automatically, each time the site is built, against WCAG 2.2 level AA (axe-core), for valid HTML, broken links, use with a keyboard, use without JavaScript, and a 320 pixel wide screen.',
    feedbackHeading: 'Feedback and contact information',
    contact: 'If you need information on this website in a different format, or you find a problem with its accessibility, contact {organisation}:',
    email: 'email {address}',
    phone: 'call {phone}',
    write: 'write to {address}',
    response: "We'll consider your request and get back to you in {days} working days.",
    noContact:
      "{organisation} has not yet published contact details for this statement. Until it does, please use the contact details on {organisation}'s main website to report a problem or ask for information in another format.",
    reportingHeading: 'Reporting accessibility problems with this website',
    reporting:
      "We're always looking to improve the accessibility of this website. If you find any problems not listed on this page or think we're not meeting accessibility requirements, contact us{details}.",
    usingDetails: ' using the details above',
    enforcementHeading: 'Enforcement procedure',
    enforcement:
      "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the ‘accessibility regulations’). If you're not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).",
    technicalHeading: "Technical information about this website's accessibility",
    committed:
      '{organisation} is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.',
    complianceHeading: 'Compliance status',
    compliance: {
      full: 'This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.',
      partial:
        'This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances listed above, or until it has been reviewed.',
      not: 'This website is not compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.',
    },
    preparationHeading: 'Preparation of this accessibility statement',
    prepared: 'This statement was prepared on {date}. ',
    reviewed: 'It was last reviewed on {date}.',
    notReviewed: 'The date of its last review has not yet been recorded.',
  },
};

/** The shape every translation has: the same keys, each a string or plural forms. */
export type Messages = typeof enGB;
