/**
 * Every export file of every report (data.csv, data.json, history.csv, …):
 * src/site/report-site.ts injects this one endpoint at /[report]/<file> for
 * each format of src/core/exports/formats.ts. A route whose name ends in an
 * extension is served without a trailing slash, in the build and the preview
 * alike (a single `[report]/[export]` route would want `/data.csv/`).
 */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getReports } from '../site/data.ts';
import { exportFile } from '../site/exports.ts';
import { routes } from '../site/routes/index.ts';

export const getStaticPaths = (async ({ routePattern }) =>
  routes.export.items(await getReports()).filter((item) => routePattern.endsWith(`/${item.props.format.file}`))) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props: { report, format } }) =>
  new Response(exportFile(report, format), { headers: { 'Content-Type': format.mediaType } });
