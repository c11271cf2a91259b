import type { APIRoute } from 'astro';
import { printFooterCss } from '../core/css.ts';
import { formatDate } from '../core/format.ts';
import { getI18n, getSite } from '../site/data.ts';
import { absoluteUrl, url } from '../site/urls.ts';

/**
 * The printed footer: "Printed from <site address> on <date>" in the @page
 * margin box. The date is the build's; the "Print this page" script replaces
 * it with the day of printing. A report's pages override it with their own
 * (/<report>/print.css: the report's address and reporting date).
 */
export const GET: APIRoute = async () => {
  const site = await getSite();
  const address = import.meta.env.SITE ? absoluteUrl(url()) : site.title;
  const today = formatDate(new Date().toISOString().slice(0, 10));
  const t = await getI18n();
  // Three CSS strings: the words before the date, the date, the words after it. The
  // "Print this page" script replaces the second with the day of printing. The
  // address may be the site's title, an editor's text: printFooterCss escapes
  // each string so that none can end early and add rules.
  const [before = '', after = ''] = t.format(t.messages.report.printedFrom, { address }).split('{date}');
  const css = printFooterCss([before, today, after]);
  return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
