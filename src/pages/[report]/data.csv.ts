import type { APIRoute, GetStaticPaths } from 'astro';
import { reportCsv } from '../../core/exports.ts';
import type { Report } from '../../core/model.ts';
import { getReports } from '../../lib/data.ts';
import { absoluteUrl, entryUrl } from '../../lib/urls.ts';

export const getStaticPaths = (async () =>
  (await getReports()).map((report) => ({ params: { report: report.id }, props: { report } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { report } = props as { report: Report };
  return new Response(reportCsv(report, (e) => absoluteUrl(entryUrl(report.id, e.id))), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
