import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { legendCss } from '../../core/legend.ts';
import { getReports } from '../../site/data.ts';
import { routes } from '../../site/routes/index.ts';

export const getStaticPaths = (async () => routes.legendCss.items(await getReports())) satisfies GetStaticPaths;

/** The report's legend colours as CSS, so pages need no inline styles (CSP). */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props: { report } }) =>
  new Response(legendCss(report), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
