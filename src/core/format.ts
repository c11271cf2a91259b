import { t as defaultI18n, type I18n } from '../i18n/index.ts';

/** One formatter for every date: making one per call showed in the build's profile. */
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2023-03-23" → "23 March 2023" (GOV.UK style). */
export function formatDate(iso: string): string {
  return DATE.format(new Date(`${iso}T00:00:00Z`));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "12 KB", "980 bytes". */
export function formatSize(bytes: number, t: I18n = defaultI18n): string {
  const m = t.messages.size;
  if (bytes < 1024) return t.format(m.bytes, { count: bytes });
  if (bytes < 1024 * 1024) return t.format(m.kb, { count: Math.round(bytes / 1024) });
  return t.format(m.mb, { count: (bytes / 1024 / 1024).toFixed(1) });
}
