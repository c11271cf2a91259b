/**
 * What the committee-pack PDF prints, as JSON (types.ts), from the model: a
 * pure function, no Astro, no Typst. The cover gives what the report page
 * shows above its table (title, organisation, reporting date, details,
 * introduction, progress headline, the site's note), then what changed since
 * the previous edition, the legend, the table (table.ts) and a glossary of the
 * abbreviations the document uses.
 *
 * Links lead to the published site (`site`, SITE) or elsewhere; without a
 * public address a link to one of the site's own pages prints as its text.
 */
import { formatDate } from '../format.ts';
import { unknownAbbreviations, type Glossary } from '../glossary.ts';
import { abbreviationsIn } from '../print-glossary.ts';
import { changeWords } from '../history/describe.ts';
import { groupChanges } from '../history/index.ts';
import type { EntryChange, EntryRef } from '../history/types.ts';
import { changeReference, latestChanges } from '../history/view.ts';
import { statusSymbol } from '../legend.ts';
import { countBy, facets, progress, valuesOf, type Report } from '../model.ts';
import { inSentence, statuses, statusField } from '../schema.ts';
import type { I18n } from '../../i18n/index.ts';
import { printNodes, type NodeOptions, type PrintNode } from './nodes.ts';
import { printTable, statusTag } from './table.ts';
import type { PrintContent, PrintDocument } from './types.ts';

export interface PrintOptions {
  t: I18n;
  /** The report's glossary (glossaryFor). */
  glossary: Glossary;
  /** Who publishes the site (site.yaml `organisation`), whom the footer names without a public address, as the website's footer does. */
  publisher: string;
  /** The site's public address (SITE), when set. */
  site?: string;
  /** The site's base path, "/" or "/plan/". */
  base: string;
  /** Body text size in points. */
  size?: number;
}

/** The full address of a page of the site (a path below the base), or undefined without SITE. */
function pageAddress(options: PrintOptions, path: string): string | undefined {
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  return options.site ? new URL(base + path.replace(/^\/+/, ''), options.site).href : undefined;
}

/** A link of the content, as the PDF can follow it: absolute, or none (printed as its text). */
function linkFor(href: string, site: string | undefined): string | undefined {
  if (/^(https?:|mailto:)/i.test(href)) return href;
  // "/…": a page of this site, as the web page links it; "#…" and the rest: a place on a web page.
  if (href.startsWith('/') && !href.startsWith('//') && site) return new URL(href, site).href;
  return undefined;
}

function changeLine(report: Report, change: EntryRef | EntryChange, t: I18n): PrintContent {
  if (!('dates' in change)) return [];
  const h = t.messages.history;
  const tag = (id?: string): PrintContent =>
    id === undefined ? [h.noValue] : statuses(report).some((s) => s.id === id) ? [statusTag(report, id, t)] : [t.format(h.unknownStatus, { status: id })];
  const out: PrintContent = [];
  const part = (c: PrintContent) => {
    if (out.length) out.push('; ');
    out.push(...c);
  };
  if (change.statusMove) part([...tag(change.statusMove.from), ' → ', ...tag(change.statusMove.to)]);
  const words = changeWords(report, change, t);
  for (const d of words.dates) part([d.text]);
  if (words.others) part([words.others]);
  if (change.unreadable) part([h.unreadable]);
  return out;
}

function printChanges(report: Report, t: I18n): PrintDocument['changes'] {
  const changes = latestChanges(report);
  if (!changes) return undefined;
  const h = t.messages.history;
  const groups = groupChanges(changes);
  // Each line starts with the row's reference, as on the changes page.
  const reference = (group: string, id: string) => changeReference(report, changes, group, id, t.messages);
  const dates = { previous: formatDate(changes.from), date: formatDate(changes.to), report: report.title };
  const order = ['complete', 'worse', 'better', 'slipped', 'added', 'removed', 'other'] as const;
  const list = order
    .filter((g) => groups[g].length > 0)
    .map((g) => ({
      heading: `${h.groups[g]} (${groups[g].length})`,
      items: (groups[g] as (EntryRef | EntryChange)[]).map((e) => {
        const ref = reference(g, e.id);
        return { ...(ref ? { ref } : {}), title: e.title, c: changeLine(report, e, t) };
      }),
    }));
  return { heading: t.format(h.changesTitle, dates), intro: t.format(h.changesIntro, dates), groups: list, ...(list.length ? {} : { none: h.noChanges }) };
}

function printLegend(report: Report, t: I18n): PrintDocument['legend'] {
  const field = statusField(report);
  if (!field) return undefined;
  const counts = new Map(countBy(report, field.id).map((c) => [c.id, c.count]));
  const lw = t.messages.legend;
  const item = (l: { id: string; total?: number; description?: string }, stage?: string) => ({
    tag: { ...statusTag(report, l.id, t), ...(stage ? { label: statuses(report).find((s) => s.id === l.id)!.label } : {}) },
    count: t.format(l.total !== undefined ? lw.countOfTotal : lw.count, { count: t.units(report, counts.get(l.id) ?? 0), total: l.total ?? '' }),
    ...(l.description ? { description: l.description } : {}),
    ...(stage ? { stage } : {}),
  });
  return {
    heading: report.facets.find((f) => f.field === field.id)?.label ?? field.label,
    items: report.legend.flatMap((l) => (l.children ? l.children.map((c) => item(c, l.label)) : [item(l)])),
    notes: report.notes,
  };
}

/** As the report page's summary (Summary.astro): the progress headline, then a count by each summary facet. */
function printSummary(report: Report, t: I18n): PrintDocument['summary'] {
  const sw = t.messages.summary;
  const done = progress(report);
  const words = t.unitWords(report);
  const charts = facets(report)
    .filter((f) => f.summary)
    .map((f) => {
      const several = f.field.multiple ? report.entries.filter((e) => valuesOf(e, f.field.id).length > 1).length : 0;
      const params = { ...words, facet: inSentence(f.label) };
      const isStatus = f.field.type === 'status';
      return {
        caption: several ? t.plural(sw.unitsBySeveral, several, params) : t.format(sw.unitsBy, params),
        label: f.label,
        unitsLabel: t.format(sw.unitsColumn, words),
        items: countBy(report, f.field.id).map((c) => ({ label: c.label, count: c.count, ...(isStatus ? { symbol: statusSymbol(report, c.id) } : {}) })),
      };
    });
  return { heading: t.format(sw.heading, { count: t.units(report, report.entries.length) }), ...(done ? { progress: t.format(sw.progress, done) } : {}), charts };
}

/** What a print tree holds that is not printed: addresses, colours, node kinds, the language, a row's field to fill in. */
const UNPRINTED = new Set(['url', 'fill', 'fg', 't', 'lang', 'region', 'field']);

/** Every text of a print tree, for finding the abbreviations it uses. */
function texts(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) texts(v, out);
  else if (value && typeof value === 'object' && (value as { t?: string }).t === 'abbr') out.push((value as { text: string }).text);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (!UNPRINTED.has(k)) texts(v, out);
  return out;
}

/**
 * The glossary appendix: each abbreviation the printed text uses, found as a
 * printed web page finds them (abbreviationsIn): the glossary's terms, with
 * their meanings, in the glossary's order; then, as /glossary/ lists them "Not
 * explained", in its words and order, those under `unexplained:` and any other
 * word that looks like an abbreviation the glossary does not know
 * (unknownAbbreviations: what `npm run check` warns of).
 */
function printGlossary(text: string[], glossary: Glossary, t: I18n): PrintDocument['glossary'] {
  const m = t.messages;
  const used = abbreviationsIn(text.join('\n'), glossary);
  const terms = used.terms.map((term) => ({ term: term.term, meaning: term.expansion }));
  const unexplained = new Set([...used.unexplained, ...text.flatMap((line) => unknownAbbreviations(line, glossary).map((u) => u.word))]);
  if (!terms.length && !unexplained.size) return undefined;
  return {
    heading: m.print.glossary,
    intro: m.print.glossaryIntro,
    terms,
    ...(unexplained.size ? { unexplained: { heading: m.glossary.unexplainedHeading, intro: m.glossary.unexplained, terms: [...unexplained].sort((a, b) => a.localeCompare(b, t.language)) } } : {}),
  };
}

export function printDocument(report: Report, options: PrintOptions): PrintDocument {
  const { t } = options;
  const m = t.messages;
  const nodes: NodeOptions = { link: (href) => linkFor(href, options.site) };
  const [lang, region] = t.language.split('-');
  const aboutUrl = report.aboutPage ? pageAddress(options, `${report.id}/about/`) : undefined;
  const notices: PrintDocument['notices'] = [];
  if (report.aboutHtml || report.aboutPage) {
    const c: PrintNode[] = printNodes(report.aboutHtml ?? '', nodes);
    if (report.aboutPage) c.push({ t: 'p', c: [aboutUrl ? { t: 'link', url: aboutUrl, c: [report.aboutPage.title] } : report.aboutPage.title] });
    notices.push({ heading: m.report.about, c });
  }
  const date = report.as_at ? t.format(m.report.asAt, { date: formatDate(report.as_at) }).trim() : t.format(m.report.lastUpdated, { date: formatDate(report.lastUpdated.slice(0, 10)) });
  const address = pageAddress(options, `${report.id}/`);
  const doc: PrintDocument = {
    lang: lang!.toLowerCase(),
    ...(region ? { region: region.toUpperCase() } : {}),
    title: report.title,
    ...(report.organisation ? { organisation: report.organisation } : {}),
    ...(report.subtitle ? { subtitle: report.subtitle } : {}),
    date,
    details: [
      ...(report.source ? [{ label: m.report.source, c: [report.source.url ? { t: 'link' as const, url: report.source.url, c: [report.source.title] } : report.source.title] }] : []),
      ...(report.contact ? [{ label: m.report.contact, c: [report.contact] }] : []),
    ],
    introduction: printNodes(report.introductionHtml ?? '', nodes),
    summary: printSummary(report, t),
    notices,
    changes: printChanges(report, t),
    legend: printLegend(report, t),
    table: printTable(report, t, nodes, (id) => pageAddress(options, `${report.id}/${id}/`)),
    footer: {
      address: address ? t.format(m.print.footerAddress, { address }) : t.format(m.print.footerSite, { organisation: options.publisher }),
      date,
      page: m.print.page,
    },
    ...(options.size ? { size: options.size } : {}),
  };
  const glossary = printGlossary(texts(doc), options.glossary, t);
  if (glossary) doc.glossary = glossary;
  return doc;
}
