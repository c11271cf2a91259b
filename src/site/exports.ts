/**
 * The open-data files of a report (src/core/exports/formats.ts), each written
 * once per build and shared by the endpoint and the size shown beside its link.
 */
import type { ExportFormat } from '../core/exports/formats.ts';
import type { Report } from '../core/model.ts';
import { absoluteUrl, entryUrl } from './urls.ts';

const cache = new Map<string, string>();

/** The text of one export file of a report. */
export function exportFile(report: Report, format: ExportFormat): string {
  const key = `${report.id}/${format.file}`;
  let text = cache.get(key);
  if (text === undefined || import.meta.env.DEV) {
    text = format.write(report, (e) => absoluteUrl(entryUrl(report.id, e.id)));
    cache.set(key, text);
  }
  return text;
}

/** Its size in bytes, as the link says. */
export const exportSize = (report: Report, format: ExportFormat): number => Buffer.byteLength(exportFile(report, format));
