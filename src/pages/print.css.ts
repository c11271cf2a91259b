import type { APIRoute } from 'astro';
import { formatDate } from '../core/format.ts';
import { footerCss } from '../core/pdf.ts';
import { getI18n, getSite } from '../lib/data.ts';
import { absoluteUrl, url } from '../lib/urls.ts';

/**
 * The printed footer: "Printed from <site address> on <date>" in the @page
 * margin box. The date is the build's; the "Print this page" script replaces
 * it with the day of printing. A report's pages override it with their own
 * (/<report>/print.css: the report's address and reporting date).
 */
export const GET: APIRoute = async () => {
  const site = await getSite();
  const address = import.meta.env.SITE ? absoluteUrl(url()) : site.title;
  const t = await getI18n();
  const css = footerCss(t.format(t.messages.report.printedFrom, { address }), formatDate(new Date().toISOString().slice(0, 10)));
  return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
