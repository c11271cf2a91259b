import type { APIRoute, GetStaticPaths } from 'astro';
import { historyCsv } from '../../core/history/site.ts';
import type { Report } from '../../core/model.ts';
import { getReports } from '../../site/data.ts';

/** history.csv: one line per change of one entry in one edition (entry, edition, field, from, to). */
export const getStaticPaths = (async () =>
  (await getReports()).filter((r) => r.history?.editions.length).map((report) => ({ params: { report: report.id }, props: { report } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(historyCsv((props as { report: Report }).report.history!.rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
