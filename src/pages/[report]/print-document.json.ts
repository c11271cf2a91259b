import type { APIRoute, GetStaticPaths } from 'astro';
import { glossaryFor } from '../../core/glossary.ts';
import type { Report } from '../../core/model.ts';
import { printDocument } from '../../core/print/document.ts';
import { getGlossary, getI18n, getReports, getSite } from '../../site/data.ts';

export const getStaticPaths = (async () =>
  (await getReports()).map((report) => ({ params: { report: report.id }, props: { report } }))) satisfies GetStaticPaths;

/**
 * What the report's PDF prints (src/core/print/document.ts), for the PDF step
 * (src/build/pdf/), which typesets it and removes this file: it is not published.
 */
export const GET: APIRoute = async ({ props }) => {
  const report = (props as { report: Report }).report;
  const site = await getSite();
  const doc = printDocument(report, {
    t: await getI18n(),
    glossary: glossaryFor(await getGlossary(), report.id),
    siteTitle: site.title,
    site: import.meta.env.SITE,
    base: import.meta.env.BASE_URL,
  });
  return new Response(JSON.stringify(doc), { headers: { 'Content-Type': 'application/json' } });
};
