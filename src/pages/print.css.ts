import type { APIRoute } from 'astro';
import { printFooterCss } from '../core/css.ts';
import { formatDate } from '../core/format.ts';
import { getSite } from '../lib/data.ts';
import { absoluteUrl, url } from '../lib/urls.ts';

/**
 * The printed footer: "Printed from <site address> on <date>" in the @page
 * margin box. The date is the build's; the "Print this page" script replaces
 * it with the day of printing.
 */
export const GET: APIRoute = async () => {
  const site = await getSite();
  const address = import.meta.env.SITE ? absoluteUrl(url()) : site.title;
  const today = formatDate(new Date().toISOString().slice(0, 10));
  // The title is an editor's text: printFooterCss escapes it so it cannot add rules.
  const css = printFooterCss(`Printed from ${address} on ${today}`);
  return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
