/**
 * British English, part of src/i18n/en-GB.ts: the words of the records (CSV headers, history
 * and editions, file sizes, the accessibility statement).
 */

export const records = {
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
    pastEditionSections: 'Past editions show each {unit}’s title and the columns below; the text of each {unit} as it stood is in the history of the site’s files.',
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
    /** `{facet}`: the report's name for its status (its facet's label, else the field's), in a sentence: "colour code". */
    progressCaption: 'Number of {units} by {facet} in each edition',
    editionColumn: 'Edition',
    noStatus: 'No {facet}',
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
    /** The same, when the glossary lists abbreviations as not explained (glossary.yaml `unexplained:`). */
    simpleUnexplained:
      'We have also made the website text as simple as possible to understand. Every colour in the plan\'s table also has a symbol and a label. The {glossary} explains the abbreviations the plan uses, except a few whose meaning the plan does not give: it lists those as not explained rather than guess.',
    glossaryLink: 'glossary',
    howAccessible: 'How accessible this website is',
    knownIssues: 'We know some parts of this website are not fully accessible:',
    noKnownIssues: 'We do not know of any part of this website that is not accessible.',
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
      /** Partially compliant, with the known issues listed above. */
      partial:
        'This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances listed above.',
      /** Partially compliant (the default), with no issue listed and no review recorded. */
      partialUnreviewed:
        'This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard until it has been reviewed: no non-compliance is known, but automated tests alone cannot show that it complies in full.',
      /** Partially compliant, reviewed, with no issue listed (npm run check asks for the issues). */
      partialReviewed: 'This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.',
      not: 'This website is not compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.',
    },
    preparationHeading: 'Preparation of this accessibility statement',
    prepared: 'This statement was prepared on {date}. ',
    reviewed: 'It was last reviewed on {date}.',
    notReviewed: 'The date of its last review has not yet been recorded.',
    /** What the project's test suite (npm test) checks, and when it runs: no more than is true. */
    testing:
      'The pages of this website are checked by automated tests that come with the software that builds it: one page of each kind against WCAG 2.2 level AA (with the axe-core tool), in light and dark colour schemes; every page for valid HTML and for links within the site that lead nowhere; each kind of page without JavaScript and on a screen 320 pixels wide; and the page of the plan\'s table with a keyboard. The software\'s workflow for publishing on GitHub Pages runs these tests before each publication. Automated tests cannot find every problem, and they do not replace a review by people.',
  },
};
