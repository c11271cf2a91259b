/** Every export file of every report (data.csv, data.json, history.csv, …): one per format of src/core/exports/formats.ts. */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getReports } from '../../site/data.ts';
import { exportFile } from '../../site/exports.ts';
import { routes } from '../../site/routes/index.ts';

export const getStaticPaths = (async () => routes.export.items(await getReports())) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props: { report, format } }) =>
  new Response(exportFile(report, format), { headers: { 'Content-Type': format.mediaType } });
