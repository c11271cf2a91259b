import type { APIRoute } from 'astro';
import { absoluteUrl, siteUrl } from '../site/urls.ts';

export const GET: APIRoute = () => {
  const lines = ['User-agent: *', 'Allow: /'];
  // The sitemap line needs a full address, which needs SITE.
  if (import.meta.env.SITE) lines.push(`Sitemap: ${absoluteUrl(siteUrl('sitemap'))}`);
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
