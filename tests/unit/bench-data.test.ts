import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateEntries, random } from '../../src/core/bench-data.ts';
import { loadContent } from '../../src/core/load.ts';
import { reportSchema } from '../../src/core/schema.ts';
import { parseYaml } from '../../src/core/yaml.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const reportText = readFileSync(join(ROOT, 'content/reports/phase-2-close-down/report.yaml'), 'utf8');
const report = reportSchema.parse(parseYaml(reportText).data);

describe('benchmark entries', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(generateEntries(report, 5, 7)).toEqual(generateEntries(report, 5, 7));
    expect(generateEntries(report, 5, 7)).not.toEqual(generateEntries(report, 5, 8));
    const r = random(42);
    expect([r(), r()]).toEqual([random(42)(), (() => { const s = random(42); s(); return s(); })()]);
  });

  it('use the real report’s ids, are about 1.5 KB, and pass the checks', () => {
    const entries = generateEntries(report, 40, 1);
    const sizes = entries.map((e) => Buffer.byteLength(e.text));
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThan(800);
    expect(mean).toBeLessThan(2500);
    const content = mkdtempSync(join(tmpdir(), 'bench-data-'));
    const dir = join(content, 'reports/phase-2-close-down');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(content, 'site.yaml'), 'title: Bench\norganisation: Bench\naccessibility:\n  contact_email: a@example.org\n  last_reviewed: "2024-01-01"\n  compliance: full\n');
    writeFileSync(join(dir, 'report.yaml'), reportText);
    if (report.about_page) writeFileSync(join(dir, report.about_page.file), readFileSync(join(ROOT, 'content/reports/phase-2-close-down', report.about_page.file)));
    writeFileSync(join(content, 'glossary.yaml'), readFileSync(join(ROOT, 'content/glossary.yaml')));
    for (const e of entries) writeFileSync(join(dir, e.name), e.text);
    const loaded = loadContent(content, { root: content });
    expect(loaded.diagnostics).toEqual([]);
    const used = loaded.content!.reports[0]!.entries;
    expect(used).toHaveLength(40);
    expect(new Set(used.map((e) => e.fields.theme)).size).toBeGreaterThan(1);
    expect(new Set(used.map((e) => e.fields.status)).size).toBeGreaterThan(1);
    expect(used.every((e) => e.sections.undertaken!.text && e.sections.outstanding!.text)).toBe(true);
    expect(used.map((e) => e.order)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });
});
