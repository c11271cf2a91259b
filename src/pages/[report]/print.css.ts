import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { printFooterCss } from '../../core/css.ts';
import { formatDate } from '../../core/format.ts';
import { getI18n, getReports, getSite } from '../../site/data.ts';
import { routes } from '../../site/routes/index.ts';
import { absoluteUrl, reportUrl } from '../../site/urls.ts';

export const getStaticPaths = (async () => routes.reportPrintCss.items(await getReports())) satisfies GetStaticPaths;

/**
 * A report's printed footer (its pages link it after /print.css, so it wins):
 * "Printed from <the report's published address> on <date> · position as at
 * <reporting date>", the reporting date only when report.yaml gives one.
 * Without SITE there is no published address: the site's title stands in.
 * Three CSS strings, as in /print.css: the "Print this page" script replaces
 * the second, the date, with the day of printing.
 */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props: { report } }) => {
  const t = await getI18n();
  const address = import.meta.env.SITE ? absoluteUrl(reportUrl(report.id)) : (await getSite()).title;
  // The reporting date: report.yaml's `as_at`.
  const text = report.as_at
    ? t.format(t.messages.report.printedFromAsAt, { address, asAt: formatDate(report.as_at) })
    : t.format(t.messages.report.printedFrom, { address });
  const [before = '', after = ''] = text.split('{date}');
  const css = printFooterCss([before, formatDate(new Date().toISOString().slice(0, 10)), after]);
  return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
