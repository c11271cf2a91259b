/**
 * Every internal link goes through here so the site works under a sub-path
 * (`base`, e.g. GitHub Pages' /<repo>/).
 */
const BASE = import.meta.env.BASE_URL;

/** `url('plan/')` → `/base/plan/` */
export function url(path = ''): string {
  const base = BASE.endsWith('/') ? BASE : `${BASE}/`;
  return base + path.replace(/^\/+/, '');
}

export const reportUrl = (report: string) => url(`${report}/`);
export const entryUrl = (report: string, entry: string) => url(`${report}/${entry}/`);
export const themeUrl = (report: string, theme: string) => url(`${report}/themes/${theme}/`);
export const statusUrl = (report: string, status: string) => url(`${report}/status/${status}/`);
export const destinationUrl = (report: string, destination: string) => url(`${report}/next/${destination}/`);

/** The full address of a path when `site` is configured (SITE=…), else the path itself. */
export function absoluteUrl(path: string): string {
  const site = import.meta.env.SITE;
  return site ? new URL(path, site).href : path;
}
