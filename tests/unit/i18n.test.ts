/**
 * The locale file: the helpers that fill it in, the choice of language, that
 * every message the code looks up exists, and that the interface's words live
 * in the locale file rather than in the pages and components.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enGB } from '../../src/i18n/en-GB.ts';
import { DEFAULT_LANGUAGE, format, formatParts, i18n, messagesFor, pluralForm, t } from '../../src/i18n/index.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

/** Source text without its comments (which may well describe the interface in words). */
const withoutComments = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : /\.(astro|ts)$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

describe('format and plurals', () => {
  it('fills placeholders, capitalises {Name}, and leaves unknown ones for later', () => {
    expect(format('{count} of {total}', { count: 3, total: 9 })).toBe('3 of 9');
    expect(format('{Units} by colour code', { units: 'actions' })).toBe('Actions by colour code');
    expect(format('{shown} of {total} shown', { total: 21 })).toBe('{shown} of 21 shown');
    // A value is not read as a template itself.
    expect(format(' for “{query}”', { query: '{count}' })).toBe(' for “{count}”');
  });

  it('splits a template around values that are page elements', () => {
    const link = { tag: 'a' };
    expect(formatParts('Continues in {link}.', { link })).toEqual(['Continues in ', link, '.']);
    expect(formatParts('{count} of {total}', { count: 2, total: 5 })).toEqual(['2', ' of ', '5']);
  });

  it('chooses plural forms by the language’s own rules', () => {
    expect(t.units(undefined, 1)).toBe('1 action');
    expect(t.units(undefined, 0)).toBe('0 actions');
    expect(t.units(undefined, 21)).toBe('21 actions');
    expect(t.plural(enGB.search.results, 1)).toBe('1 result');
    expect(t.plural(enGB.report.pdfPages, 6)).toBe('6 pages');
    // Welsh has more categories than English: each count finds its own form, and "other" stands in for a missing one.
    const forms = { zero: 'z', one: 'o', two: 'tw', few: 'f', many: 'm', other: 'ot' };
    expect([0, 1, 2, 3, 6, 7].map((n) => pluralForm('cy', forms, n))).toEqual(['z', 'o', 'tw', 'f', 'm', 'ot']);
    expect(pluralForm('cy', { one: 'o', other: 'ot' }, 2)).toBe('ot');
  });

  it('gives the unit word for sentences', () => {
    expect(t.unitWords({ id: 'x' })).toEqual({ unit: 'action', units: 'actions' });
    expect(t.format(enGB.filter.reset, t.unitWords(undefined))).toBe('Show all actions');
    expect(t.unitWord(undefined, 1)).toBe('action');
  });
});

describe('the site’s language', () => {
  it('uses en-GB by default, for its own tag and its base language', () => {
    expect(DEFAULT_LANGUAGE).toBe('en-GB');
    expect(messagesFor(undefined).messages).toBe(enGB);
    expect(messagesFor('en-GB')).toEqual({ language: 'en-GB', messages: enGB });
    expect(messagesFor('en').language).toBe('en-GB');
  });

  it('falls back to en-GB for a language it has no translation of', () => {
    expect(messagesFor('cy')).toEqual({ language: 'en-GB', messages: enGB });
    expect(i18n('xx-YY').language).toBe('en-GB');
  });
});

/**
 * The message keys the code looks up: `t.messages.a.b`, and names bound to a
 * part of the messages (`const m = t.messages.layout;`, `const { messages: m } = …`).
 */
function lookups(text: string): string[] {
  const aliases = new Map<string, string>();
  for (const [, name, path = ''] of text.matchAll(/const (\w+) = (?:\w+|\(await getI18n\(\)\))\.messages((?:\.\w+)*);/g)) aliases.set(name!, path.slice(1));
  for (const [, name] of text.matchAll(/const \{ messages: (\w+) \} =/g)) aliases.set(name!, '');
  const keys = [...text.matchAll(/\b\w+\.messages\.([\w.]+)/g)].map((m) => m[1]!);
  for (const [name, root] of aliases) {
    for (const [, rest] of text.matchAll(new RegExp(`(?<![\\w.])${name}\\.([\\w.]+)`, 'g'))) keys.push(root ? `${root}.${rest}` : rest!);
  }
  return keys;
}

/** Whether a key path names a message (a method called on a message, e.g. `.map`, is allowed). */
function resolves(path: string): boolean {
  let value: unknown = enGB;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return true;
    if (!(part in value)) return false;
    value = (value as Record<string, unknown>)[part];
  }
  return true;
}

describe('the locale file', () => {
  const sources = files(SRC).filter((f) => !f.startsWith(join(SRC, 'i18n')));

  it('has every message the code looks up', () => {
    // The checker itself: it finds keys through aliases, and rejects a made-up one.
    expect(lookups('const m = t.messages.layout;\nm.home; t.messages.search.title; m.nope')).toEqual(['layout', 'search.title', 'layout.home', 'layout.nope']);
    expect(resolves('layout.home') && !resolves('layout.nope') && resolves('accessibility.abilities.map')).toBe(true);

    const used = sources.flatMap((file) => lookups(readFileSync(file, 'utf8')).map((key) => ({ file: relative(ROOT, file), key })));
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter((u) => !resolves(u.key))).toEqual([]);
  });

  it('holds the interface’s words: pages, components, layouts and browser scripts do not', () => {
    // Every stretch of text of at least two words between placeholders, from every message.
    const phrases = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string') {
        for (const piece of value.split(/\{\w+\}/)) {
          const phrase = piece.trim().replace(/^[\s,.:–-]+|[\s,.:–-]+$/g, '');
          if (phrase.split(/\s+/).length >= 2) phrases.add(phrase);
        }
      } else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(enGB);
    expect(phrases).toContain('Skip to main content');
    expect(phrases).toContain('Activity undertaken / evidence (completed)');

    const dirs = ['components', 'layouts', 'pages', 'routes', 'scripts'].map((d) => join(SRC, d));
    const found = dirs
      .flatMap(files)
      .flatMap((file) => {
        const text = withoutComments(readFileSync(file, 'utf8'));
        return [...phrases].filter((p) => text.includes(p)).map((p) => `${relative(ROOT, file)}: "${p}"`);
      });
    expect(found).toEqual([]);
  });

  it('has no words of the shipped report in the code', () => {
    const found = files(SRC)
      .filter((file) => /Monitoring Officer|CIVIL|move-to-phase-3|Combined Authority/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(found).toEqual([]);
  });
});
