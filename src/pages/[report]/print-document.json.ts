import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { glossaryFor } from '../../core/glossary.ts';
import { printDocument } from '../../core/print/document.ts';
import { getGlossary, getI18n, getReports, getSite } from '../../site/data.ts';
import { buildRoutes } from '../../site/routes/index.ts';

export const getStaticPaths = (async () => buildRoutes.printDocument.items(await getReports())) satisfies GetStaticPaths;

/**
 * What the report's PDF prints (src/core/print/document.ts), for the PDF step
 * (src/build/pdf/), which typesets it and removes this file: it is not published.
 */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props: { report } }) => {
  const site = await getSite();
  const doc = printDocument(report, {
    t: await getI18n(),
    glossary: glossaryFor(await getGlossary(), report.id),
    publisher: site.organisation,
    site: import.meta.env.SITE,
    base: import.meta.env.BASE_URL,
  });
  return new Response(JSON.stringify(doc), { headers: { 'Content-Type': 'application/json' } });
};
