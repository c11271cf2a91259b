import type { APIRoute, GetStaticPaths } from 'astro';
import type { Report } from '../../core/model.ts';
import { getReports } from '../../site/data.ts';
import { exportsOf } from '../../site/exports.ts';

export const getStaticPaths = (async () =>
  (await getReports()).map((report) => ({ params: { report: report.id }, props: { report } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(exportsOf((props as { report: Report }).report).json, { headers: { 'Content-Type': 'application/json' } });
