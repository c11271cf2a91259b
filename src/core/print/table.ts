/**
 * The printed table: each row's reference first (rowReference: the plan's
 * own, or the row number), then the report page's columns (tableColumns, as
 * the page chooses them), rows grouped as the page groups them.
 */
import { formatDate } from '../format.ts';
import { changedIds, latestChanges } from '../history/view.ts';
import { statusSymbol } from '../legend.ts';
import { choice, companions, displayValue, legendItem, referenceLabel, rowReference, sectionLabel, statusOf, tableColumns, type Entry, type FieldDecl, type Report } from '../model.ts';
import { groupRows } from '../table-order.ts';
import { fieldType, inSentence } from '../schema.ts';
import type { I18n } from '../../i18n/index.ts';
import { printNodes, type NodeOptions } from './nodes.ts';
import type { PrintContent, PrintDocument, PrintField, PrintTag } from './types.ts';

export function statusTag(report: Report, id: string, t: I18n): PrintTag {
  const status = legendItem(report, id);
  const label = status.stage ? t.format(t.messages.facets.inStage, { stage: status.stage.label, value: status.label }) : status.label;
  return { t: 'tag', symbol: statusSymbol(report, id), label, fill: status.colour, fg: status.text_colour };
}

function valuesOf(entry: Entry, f: FieldDecl): (string | number)[] {
  const raw = entry.fields[f.id];
  return raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
}

/**
 * One field's values as printed, as the table cell shows them (FieldValue.astro): each its own line; a
 * status as its tag; a link as a link; a field shown with it after the value it goes with (the n-th of
 * each when both hold as many, else all after the last), when it says more.
 */
function fieldCell(report: Report, entry: Entry, f: FieldDecl, t: I18n): PrintContent {
  const kind = fieldType(f).render;
  const values = valuesOf(entry, f);
  const texts = values.map((v) => (kind === 'choice' ? choice(report, f.id, String(v)).label : displayValue(report, f, v)));
  const out: PrintContent = [];
  values.forEach((v, i) => {
    if (i > 0) out.push({ t: 'br' });
    if (kind === 'status') out.push(statusTag(report, String(v), t));
    else if (kind === 'link' && /^(https?:|mailto:)/i.test(String(v))) out.push({ t: 'link', url: String(v), c: [texts[i]!] });
    else out.push(texts[i]!);
    for (const c of companions(report, f.id)) {
      const notes = valuesOf(entry, c).map((x) => displayValue(report, c, x));
      const mine = notes.length === values.length ? [notes[i]!] : i === values.length - 1 ? notes : [];
      for (const note of mine.filter((n) => n && n !== texts[i])) out.push({ t: 'br' }, { t: 'em', c: [note] });
    }
  });
  return out;
}

export function printTable(report: Report, t: I18n, nodes: NodeOptions, entryUrl: (id: string) => string | undefined): PrintDocument['table'] {
  const m = t.messages;
  const columns = tableColumns(report, true);
  const statusColumn = columns.some((c) => c.kind === 'field' && c.field.type === 'status');
  const latest = latestChanges(report);
  const changed = latest ? changedIds(report) : new Set<string>();
  const changedLabel = latest ? t.format(m.history.changedMarker, { previous: formatDate(latest.from) }) : undefined;
  const groupField = report.fields.find((f) => f.id === report.group_by);
  const refLabel = referenceLabel(report, m);
  // "Row 7 (continued): Recruitment", as words with the row's reference and title left to fill in.
  const reference: PrintField = { field: 'ref' };
  const title: PrintField = { field: 'title' };
  const continued = t.parts(m.print.continued, { reference, title }).flatMap((p) => (p === reference ? t.parts(m.reference.text, { label: refLabel, value: reference }) : [p]));
  return {
    heading: m.report.tableHeading,
    caption: t.format(groupField ? m.report.tableCaption : m.report.tableCaptionUngrouped, {
      report: report.title,
      count: t.units(report, report.entries.length),
      group: groupField ? inSentence(groupField.label) : '',
    }),
    refLabel,
    continued,
    titleLabel: report.title_label,
    columns: columns.map((c) => (c.kind === 'section' ? sectionLabel(c.section) : c.field.label)),
    groups: groupRows(report).map((g) => ({
      ...(g.value ? { heading: g.value.label } : {}),
      rows: g.entries.map((entry) => {
        const status = statusOf(report, entry);
        const url = entryUrl(entry.id);
        const cells = columns.map((c) => {
          if (c.kind === 'field') return fieldCell(report, entry, c.field, t);
          const html = entry.sections[c.section.id]?.html ?? '';
          return html ? printNodes(html, nodes) : [m.table.none];
        });
        return {
          ref: rowReference(report, entry),
          title: entry.title,
          ...(url ? { url } : {}),
          ...(status && !statusColumn ? { status: statusTag(report, status.id, t) } : {}),
          ...(changed.has(entry.id) && changedLabel ? { changed: changedLabel } : {}),
          cells,
        };
      }),
    })),
  };
}
