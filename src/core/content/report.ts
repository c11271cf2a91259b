/**
 * One report folder: report.yaml (its details and declarations) → a Report
 * with its entries, each entry checked against the schema built from the
 * report's own declarations.
 */
import { readdirSync } from 'node:fs';
import { z } from 'zod';
import { join } from 'node:path';
import { contrastRatio, MIN_TEXT_CONTRAST } from '../contrast.ts';
import { glossaryFor, type Glossary } from '../glossary.ts';
import { renderMarkdown, type MarkdownOptions } from '../markdown-render.ts';
import { sortEntries, type Entry, type Report } from '../model.ts';
import { entrySchemaFor, ID_PATTERN, RESERVED_ENTRY_IDS, RESERVED_REPORT_IDS, reportSchema } from '../schema.ts';
import type { ParsedYaml } from '../yaml.ts';
import { readAboutPage } from './about-page.ts';
import { readEntry, type EntryContext } from './entry.ts';
import { fieldName, guard } from '../diagnostics.ts';
import { listReportFiles } from './files.ts';
import { checkReportMarkdown } from './markdown-fields.ts';
import { exists, MARKDOWN_FILE, readYamlFile, startsLikeEntry, type Reader } from './read.ts';
import type { ProseFile } from './abbreviations.ts';
import { aboutUnchecked, salvageDeclarations, salvagedReport, uncheckedNote, type Salvaged } from './salvage.ts';
import { checkDuplicateOrders } from './cross-refs.ts';
import { validate } from './validate.ts';

export interface ReadReport {
  report: Report;
  /** The line of a setting of its report.yaml, for messages that relate reports. */
  lineOf(path: (string | number)[]): number;
  /** Where each entry's `order` is written, for the duplicate-order message. */
  orderLines: Map<Entry, number>;
  /** Where each entry's reference (report.yaml `reference:`) is written, for the duplicate-reference message. */
  referenceLines: Map<Entry, number>;
}

export function readReport(reader: Reader, reportsDir: string, reportId: string, glossary: Glossary, markdown: MarkdownOptions, prose: ProseFile[]): ReadReport | undefined {
  const dir = join(reportsDir, reportId);
  const reportPath = join(dir, 'report.yaml');
  if (!ID_PATTERN.test(reportId) || (RESERVED_REPORT_IDS as readonly string[]).includes(reportId)) {
    reader.diagnostics.push({ severity: 'error', file: reader.rel(dir), message: `"${reportId}" cannot be a report's folder name`, hint: `use lower-case letters, digits and hyphens, and not one of: ${RESERVED_REPORT_IDS.join(', ')}` });
    return undefined;
  }
  if (!exists(reportPath)) {
    reader.diagnostics.push({ severity: 'error', file: reader.rel(reportPath), message: 'is missing', hint: 'every report folder needs a report.yaml with its title and the fields, sections, legend and facets of its plan (see docs/editing.md)' });
    return undefined;
  }
  const parsed = readYamlFile(reader, reportPath);
  const data = parsed && guard(reader.diagnostics, parsed.file, () => validate(reportSchema, parsed.yaml, parsed.file, reader.diagnostics, 'report setting'));
  if (!parsed || !data) {
    // Its entries are checked all the same, against what of report.yaml could be read.
    const salvaged = parsed && guard(reader.diagnostics, parsed.file, () => salvageDeclarations(parsed.yaml.data));
    if (parsed && salvaged) checkWithSalvaged(reader, dir, reportId, parsed.file, salvaged, glossaryFor(glossary, reportId), markdown, prose, declaredNotesFile(parsed.yaml.data));
    const note = uncheckedNote(reader.rel(reportPath), salvaged);
    if (note && holdsEntries(dir)) reader.diagnostics.push(note);
    return undefined;
  }
  // Its Markdown (introduction, notes, descriptions) follows the rules of an entry's body.
  const markdownOk = guard(reader.diagnostics, parsed.file, () => checkReportMarkdown(data, parsed.yaml, parsed.file, reader.diagnostics));
  // Terms may belong to one report: each report's pages explain the site's terms and its own.
  const reportGlossary = glossaryFor(glossary, reportId);
  const options: MarkdownOptions = reportGlossary === glossary ? markdown : { ...markdown, glossary: reportGlossary };

  const { introduction, about, about_page, notes, ...declared } = data;
  const report: Report = {
    ...declared,
    id: reportId,
    introductionHtml: introduction && markdownOk ? renderMarkdown(introduction, options) : undefined,
    aboutHtml: about && markdownOk ? renderMarkdown(about, options) : undefined,
    aboutPage: about_page && readAboutPage(reader, dir, about_page, parsed.yaml, parsed.file, options),
    notes: notes ?? [],
    entries: [],
    file: parsed.file,
    lastUpdated: '',
  };
  checkLegendContrast(reader, report, parsed.yaml);
  prose.push({ file: parsed.file, text: parsed.text, glossary: reportGlossary });

  const context: EntryContext = {
    report,
    schema: entrySchemaFor(report, parsed.file),
    // Entry ids are addresses beside the report's own pages: its facets' paths among them.
    reservedIds: [...RESERVED_ENTRY_IDS, ...report.facets.map((f) => f.path)],
    markdown: options,
    prose,
  };
  const { orderLines, referenceLines } = readEntries(reader, dir, context, about_page?.file);
  sortEntries(report.entries);
  return { report, lineOf: (path) => parsed.yaml.lineOf(path), orderLines, referenceLines };
}

/** Whether a report folder has any entry files (a note about unchecked entries is then worth giving). */
function holdsEntries(dir: string): boolean {
  try {
    return readdirSync(dir).some((name) => MARKDOWN_FILE.test(name) && !name.startsWith('.'));
  } catch {
    return false;
  }
}

/** The notes page a report.yaml names (`about_page: file:`), read from its raw data when it has errors elsewhere. */
function declaredNotesFile(raw: unknown): string | undefined {
  const page = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)['about_page'] : undefined;
  const file = page && typeof page === 'object' ? (page as Record<string, unknown>)['file'] : undefined;
  return typeof file === 'string' ? file : undefined;
}

/**
 * Every entry file of a report folder, read into `context.report.entries`; where each one's order and reference are written.
 * @param notesFile the report's notes page (`about_page:`), which is not an entry
 */
function readEntries(reader: Reader, dir: string, context: EntryContext, notesFile?: string): Pick<ReadReport, 'orderLines' | 'referenceLines'> {
  const { report } = context;
  const orderLines = new Map<Entry, number>();
  const referenceLines = new Map<Entry, number>();
  const ids = new Map<string, string>();
  // Links refused, folders inside a report and hidden content files reported as ignored (files.ts).
  for (const name of listReportFiles(dir, reader.rel, reader.diagnostics)) {
    const path = join(dir, name);
    // The declared notes page is a page of its own, not an entry (about-page.ts).
    if (name === 'report.yaml' || name === notesFile) continue;
    if (!MARKDOWN_FILE.test(name)) {
      // An entry saved with the wrong file type ("notes.txt", "notes.md.txt"): say how to name it.
      const base = name.replace(/\.[^.]*$/, '') || name;
      reader.diagnostics.push(
        startsLikeEntry(path)
          ? { severity: 'error', file: reader.rel(path), message: 'looks like an entry but is not read, because its name does not end in .md', hint: `rename it to "${MARKDOWN_FILE.test(base) ? base : `${base}.md`}"` }
          : { severity: 'error', file: reader.rel(path), message: 'is not a Markdown entry (.md)', hint: 'a report folder holds report.yaml and one .md file per row; move other files elsewhere' },
      );
      continue;
    }
    const id = name.replace(MARKDOWN_FILE, '');
    const other = ids.get(id.toLowerCase());
    if (other) {
      reader.diagnostics.push({ severity: 'error', file: reader.rel(path), message: `has the same address ("${id}") as ${other}`, hint: 'two entries cannot share a file name: rename or delete one of them' });
      continue;
    }
    ids.set(id.toLowerCase(), reader.rel(path));
    const read = guard(reader.diagnostics, reader.rel(path), () => readEntry(reader, context, path, id));
    if (read) {
      report.entries.push(read.entry);
      orderLines.set(read.entry, read.orderLine);
      if (read.referenceLine !== undefined) referenceLines.set(read.entry, read.referenceLine);
    }
  }
  return { orderLines, referenceLines };
}

/**
 * Check the entries of a report whose report.yaml has errors against the
 * declarations that could be read, leaving out the messages about the fields
 * that could not (salvage.ts); duplicate orders are found all the same.
 */
function checkWithSalvaged(reader: Reader, dir: string, reportId: string, file: string, salvaged: Salvaged, glossary: Glossary, markdown: MarkdownOptions, prose: ProseFile[], notesFile?: string): void {
  const report = salvagedReport(salvaged, reportId, file);
  const options: MarkdownOptions = { ...markdown, glossary };
  const own: Reader = { ...reader, diagnostics: [] };
  const context: EntryContext = {
    report,
    // A field left out is let through unchecked, so that the rest of the entry is still read (and its order compared).
    schema: entrySchemaFor(report, file).extend(Object.fromEntries(salvaged.unchecked.map((id) => [id, z.unknown()]))) as unknown as EntryContext['schema'],
    reservedIds: [...RESERVED_ENTRY_IDS],
    markdown: options,
    prose,
    checkBody: salvaged.sections,
  };
  const { orderLines } = readEntries(own, dir, context, notesFile);
  reader.diagnostics.push(...own.diagnostics.filter((d) => !aboutUnchecked(d, salvaged.unchecked)));
  checkDuplicateOrders(reader, { report, orderLines });
}

/** Legend colours readable: text on each colour at WCAG 2.2 AA contrast. */
function checkLegendContrast(reader: Reader, report: Report, yaml: ParsedYaml): void {
  const items = report.legend.flatMap((l, i) => [
    ...(l.colour ? [{ item: { colour: l.colour, text_colour: l.text_colour }, path: ['legend', i] }] : []),
    ...(l.children ?? []).map((c, j) => ({ item: c, path: ['legend', i, 'children', j] })),
  ]);
  for (const { item, path } of items) {
    const ratio = contrastRatio(item.colour, item.text_colour);
    if (ratio < MIN_TEXT_CONTRAST) {
      reader.diagnostics.push({
        severity: 'error',
        file: report.file,
        line: yaml.lineOf([...path, 'colour']),
        field: fieldName([...path, 'colour']),
        message: `text in ${item.text_colour} on ${item.colour} has a contrast of ${ratio.toFixed(2)}:1, below the 4.5:1 that WCAG 2.2 AA requires`,
        hint: 'choose a lighter background colour or a darker text_colour',
      });
    }
  }
}
