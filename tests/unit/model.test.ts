import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { converter, differenceEuclidean } from 'culori';
import { contrastRatio, darkVariant } from '../../src/core/contrast.ts';
import { loadContent } from '../../src/core/load.ts';
import { countBy, entriesWhere, entrySummary, progress, type Report } from '../../src/core/model.ts';
import { legendCss, statusSymbol } from '../../src/core/legend.ts';
import { groupRows, neighbours } from '../../src/core/table-order.ts';
import { isRealDate, isSafeHref, statuses } from '../../src/core/schema.ts';
import { nearest } from '../../src/core/suggest.ts';

const SMALL = resolve(import.meta.dirname, '../fixtures/small');
const report = loadContent(SMALL, { root: SMALL }).content!.reports[0]!;

describe('model', () => {
  it('groups rows by theme in the report’s theme order, rows by their order', () => {
    expect(groupRows(report).map((g) => [g.value!.id, g.entries.map((e) => e.id)])).toEqual([
      ['second-theme', ['beta']],
      ['first-theme', ['gamma', 'alpha']],
    ]);
  });

  it('counts entries by status, theme and destination, keeping zeros in legend order', () => {
    expect(countBy(report, 'status')).toEqual([
      { id: 'done', label: 'Done', count: 1 },
      { id: 'moving', label: 'Moving on', count: 2 },
    ]);
    expect(countBy(report, 'next_phase').map((c) => c.count)).toEqual([2, 1]);
    expect(countBy(report, 'theme').map((c) => c.count)).toEqual([1, 2]);
  });

  it('puts rows in one group when the report does not group them', () => {
    const flat: Report = { ...report, group_by: undefined };
    expect(groupRows(flat).map((g) => [g.value, g.entries.map((e) => e.id)])).toEqual([[undefined, ['gamma', 'alpha', 'beta']]]);
  });

  it('counts every value of a multi-valued field, and finds an entry under each', () => {
    const two: Report = { ...report, entries: report.entries.map((e) => (e.id === 'beta' ? { ...e, fields: { ...e.fields, next_phase: ['later', 'nowhere'] } } : e)) };
    expect(countBy(two, 'next_phase')).toEqual([
      { id: 'later', label: 'Later', count: 2 },
      { id: 'nowhere', label: 'No further action', count: 2 },
    ]);
    expect(entriesWhere(two, 'next_phase', 'nowhere').map((e) => e.id)).toEqual(['alpha', 'beta']);
  });

  it('says how many are complete, from the statuses the legend marks done, or from declared totals', () => {
    expect(progress(report)).toEqual({ done: 1, total: 3 });
    const declared: Report = { ...report, total: 215, legend: report.legend.map((l) => (l.id === 'done' ? { ...l, total: 200 } : l)) };
    expect(progress(declared)).toEqual({ done: 200, total: 215 });
    expect(progress({ ...report, legend: report.legend.map((l) => ({ ...l, done: false })) })).toBeUndefined();
  });

  it('sums up an entry in its status and its column fields', () => {
    const alpha = report.entries.find((e) => e.id === 'alpha')!;
    expect(entrySummary(report, alpha)).toBe('Done. New phase: No further action.');
  });

  it('finds the previous and next entry in table order', () => {
    expect(neighbours(report, 'beta')).toEqual({ previous: undefined, next: expect.objectContaining({ id: 'gamma' }) });
    expect(neighbours(report, 'gamma').previous?.id).toBe('beta');
    expect(neighbours(report, 'alpha').next).toBeUndefined();
  });

  it('gives each status its own symbol and CSS colours', () => {
    expect(statusSymbol(report, 'done')).not.toBe(statusSymbol(report, 'moving'));
    const css = legendCss(report);
    expect(css.startsWith('.legend--done { --status-bg: #d9ead3; --status-fg: #0b0c0c; }\n.legend--moving { --status-bg: #fff2cc; --status-fg: #0b0c0c; }\n')).toBe(true);
    expect(css).toMatch(/@media screen and \(prefers-color-scheme: dark\) \{\n {2}\.legend--done \{ --status-bg: #[0-9a-f]{6}; --status-fg: #f3f2f1; \}/);
  });
});

describe('helpers', () => {
  it('keeps 4.5:1 in dark mode for every shipped legend colour and for hard cases', () => {
    const shipped = loadContent(resolve(import.meta.dirname, '../../content'), { root: resolve(import.meta.dirname, '../..') }).content!;
    const colours = [...shipped.reports.flatMap((r) => statuses(r).map((l) => l.colour)), '#ffffff', '#ffff00', '#00ff00', '#000000'];
    for (const colour of colours) {
      const dark = darkVariant(colour);
      expect(contrastRatio(dark.colour, dark.textColour), colour).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("keeps each shipped legend colour's hue in dark mode, and the colours told apart", () => {
    const shipped = loadContent(resolve(import.meta.dirname, '../../content'), { root: resolve(import.meta.dirname, '../..') }).content!;
    const oklch = converter('oklch');
    const distance = differenceEuclidean('oklab');
    for (const report of shipped.reports) {
      const colours = statuses(report).map((l) => l.colour);
      const dark = colours.map((c) => darkVariant(c).colour);
      colours.forEach((colour, i) => {
        const [light, shade] = [oklch(colour)!, oklch(dark[i])!];
        if (light.c < 0.02) return;
        // The same hue, within 10 degrees, and a colour rather than a grey.
        const turn = Math.abs(((light.h! - shade.h! + 540) % 360) - 180);
        expect(turn, `${colour} → ${dark[i]}`).toBeLessThan(10);
        expect(shade.c, `${colour} → ${dark[i]}`).toBeGreaterThan(0.05);
      });
      // Pairwise at least 0.05 apart in OKLab (mixed with the dark background, the shipped four were 0.022 apart).
      for (let i = 0; i < dark.length; i++) for (let j = i + 1; j < dark.length; j++) expect(distance(dark[i]!, dark[j]!), `${dark[i]} and ${dark[j]}`).toBeGreaterThanOrEqual(0.05);
    }
    // A grey stays grey.
    expect(oklch(darkVariant('#ffffff').colour)!.c).toBeLessThan(0.01);
  });

  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('knows real dates and safe links', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('2023-13-01')).toBe(false);
    for (const ok of ['https://example.org/a', 'http://x.y', 'mailto:a@b.c', '/plan/x/']) expect(isSafeHref(ok), ok).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '//evil.example/', 'ftp://x', 'https://']) expect(isSafeHref(bad), bad).toBe(false);
  });

  it('refuses links a browser would take to another site: backslashes, tabs, line breaks, control characters', () => {
    // Each of these resolves off-site in a browser (the WHATWG URL parser, as Node's URL).
    const offSite = ['/\\evil.example/x', '/\\/evil.example/x', '\\\\evil.example/x', '/\t/evil.example/x', '/\n/evil.example/x', '/\r/evil.example/x'];
    for (const href of offSite) expect(new URL(href, 'https://plan.example.org/').host, JSON.stringify(href)).toBe('evil.example');
    for (const bad of [...offSite, '/a\u0000b', '/a\u0007b', '/a\u007fb', '/a\u0085b', 'https://example.org\\@evil.example/', 'https://example.org/a b', 'mailto:a@b.c\u0007', '/a b']) {
      expect(isSafeHref(bad), JSON.stringify(bad)).toBe(false);
    }
    for (const ok of ['/plan/x/?q=a%20b#top', '/a/../b/', '/%5Cevil.example/x', 'https://example.org/a?b=c&d=e']) expect(isSafeHref(ok), ok).toBe(true);
  });

  it('suggests near ids and nothing for far ones', () => {
    const ids = ['governance-and-decision-making', 'procurement', 'partnerships'];
    expect(nearest('procurment', ids)).toBe('procurement');
    expect(nearest('governance', ids)).toBe('governance-and-decision-making');
    expect(nearest('governence', ids)).toBe('governance-and-decision-making');
    expect(nearest('zzz', ids)).toBeUndefined();
  });

  it('takes a short word for a known one only one typing mistake away (two letters swapped count as one)', () => {
    const keys = ['title', 'theme', 'status', 'next_phase', 'order', 'evidence', 'updated'];
    expect(nearest('owner', keys)).toBeUndefined(); // two letters changed: another word, not a typo of "order"
    expect(nearest('lead', keys)).toBeUndefined();
    expect(nearest('ordr', keys)).toBe('order');
    expect(nearest('tilte', keys)).toBe('title');
    expect(nearest('titel', keys)).toBe('title');
    expect(nearest('staus', keys)).toBe('status');
    expect(nearest('evidnece', keys)).toBe('evidence');
    expect(nearest('Status', keys)).toBe('status');
    expect(nearest('next phase', keys)).toBe('next_phase');
    expect(nearest('Next-Phase', keys)).toBe('next_phase');
  });
});
