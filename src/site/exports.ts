/** The open-data files of a report, made once per build and shared by the endpoints and the size shown on the report page. */
import { reportCsv } from '../core/exports/csv.ts';
import { reportJson } from '../core/exports/json.ts';
import type { Report } from '../core/model.ts';
import { absoluteUrl, entryUrl } from './urls.ts';

const cache = new Map<string, { csv: string; json: string }>();

export function exportsOf(report: Report): { csv: string; json: string } {
  let files = cache.get(report.id);
  if (!files || import.meta.env.DEV) {
    const pageUrl = (e: { id: string }) => absoluteUrl(entryUrl(report.id, e.id));
    files = { csv: reportCsv(report, pageUrl), json: reportJson(report, pageUrl) };
    cache.set(report.id, files);
  }
  return files;
}

export function exportSizes(report: Report): { csv: number; json: number } {
  const { csv, json } = exportsOf(report);
  return { csv: Buffer.byteLength(csv), json: Buffer.byteLength(json) };
}
