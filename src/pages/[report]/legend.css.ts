import type { APIRoute, GetStaticPaths } from 'astro';
import type { Report } from '../../core/model.ts';
import { legendCss } from '../../core/legend.ts';
import { getReports } from '../../site/data.ts';

export const getStaticPaths = (async () =>
  (await getReports()).map((report) => ({ params: { report: report.id }, props: { report } }))) satisfies GetStaticPaths;

/** The report's legend colours as CSS, so pages need no inline styles (CSP). */
export const GET: APIRoute = ({ props }) =>
  new Response(legendCss((props as { report: Report }).report), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
