import type { APIRoute, GetStaticPaths } from 'astro';
import { historyJson } from '../../core/history/site.ts';
import type { Report } from '../../core/model.ts';
import { getReports } from '../../site/data.ts';

/** history.json: the same lines as history.csv, with the editions. */
export const getStaticPaths = (async () =>
  (await getReports()).filter((r) => r.history?.editions.length).map((report) => ({ params: { report: report.id }, props: { report } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { report } = props as { report: Report };
  return new Response(historyJson(report.id, report.history!.rows, report.history!.editions.map((e) => e.asAt)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
