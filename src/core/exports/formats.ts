/**
 * The registry of export formats: every open-data file a report publishes,
 * once. One Astro endpoint serves them all (src/routes/export.ts, added at
 * /[report]/<file> for each format) and one component lists them (src/components/ExportLinks.astro). To add a
 * format, add it here (its writer is a pure function of the model) and its
 * label to the locale file; nothing else changes.
 */
import type { Messages } from '../../i18n/index.ts';
import { historyCsv, historyJson } from '../history/site.ts';
import type { Entry, Report } from '../model.ts';
import { reportCsv } from './csv.ts';
import { reportJson } from './json.ts';

/** The report's table (shown under the report) or its history (shown with the editions). */
export type ExportGroup = 'data' | 'history';

export interface ExportFormat {
  /** The file name under the report's address, also the format's id: `/<report>/<file>`. */
  file: string;
  group: ExportGroup;
  /** The Content-Type the endpoint sends (the dev server; a static host goes by the extension). */
  mediaType: string;
  /** The link's words, from the locale file. */
  label: (m: Messages) => string;
  /** Words after the link with the file's `{size}`, when the list shows sizes. */
  note?: (m: Messages) => string;
  /** Whether a report has this file (history files need the report's editions). */
  available: (report: Report) => boolean;
  /** The file's text, from the model; `pageUrl` is an entry's published address. */
  write: (report: Report, pageUrl: (entry: Entry) => string) => string;
}

const always = () => true;
const hasHistory = (report: Report) => Boolean(report.history?.editions.length);
/** The Content-Type of a file, from its extension. */
const MEDIA_TYPES: Record<string, string> = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' };

/** One format: its media type follows from the file's extension. */
function format(file: string, group: ExportGroup, available: ExportFormat['available'], words: Pick<ExportFormat, 'label' | 'note'>, write: ExportFormat['write']): ExportFormat {
  return { file, group, mediaType: MEDIA_TYPES[file.slice(file.lastIndexOf('.') + 1)]!, available, write, ...words };
}

/** In the order the pages list them. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  format('data.csv', 'data', always, { label: (m) => m.report.csv, note: (m) => m.report.csvNote }, reportCsv),
  format('data.json', 'data', always, { label: (m) => m.report.json, note: (m) => m.report.jsonNote }, reportJson),
  format('history.csv', 'history', hasHistory, { label: (m) => m.history.csv }, (report) => historyCsv(report.history!.rows)),
  format('history.json', 'history', hasHistory, { label: (m) => m.history.json }, (report) =>
    historyJson(report.id, report.history!.rows, report.history!.editions.map((e) => e.asAt)),
  ),
];

/** The formats a report publishes, of one group or all. */
export function exportFormatsOf(report: Report, group?: ExportGroup): ExportFormat[] {
  return EXPORT_FORMATS.filter((f) => f.available(report) && (!group || f.group === group));
}
