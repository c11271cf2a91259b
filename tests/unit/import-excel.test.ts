/**
 * Importing a tracker as Excel saves it ("CSV UTF-8"): a byte-order mark, CRLF
 * between rows, line feeds inside quoted cells, a semicolon left unquoted in a
 * comma-separated cell, UK dates and RAG words. Every cell either lands in the
 * written entries or is listed in the import's report, with its row and column.
 * The CSV is read back with Python's csv module and the entries with
 * gray-matter: neither is the code under test.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import matter from 'gray-matter';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/core/load.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SHAPES = join(ROOT, 'tests/fixtures/shapes');

/** The file as Excel writes it: the cells Excel quotes (comma, quote, line break) quoted, the rest bare. */
const EXCEL =
  '\uFEFFRef,Action,Theme,RAG,Owner,Target date,Update\r\n' +
  'P1.1,Adopt the parks strategy,Place,On track,Parks team,31/03/2025,Draft protocol shared with group leaders; comments due 14 May\r\n' +
  'P1.2,"Resurface Mill Lane, phase 1",Place,At risk,Highways,03/04/2025,"• Surveys done\n• Contract let; works start in June"\r\n' +
  'P2.1,Review library opening hours,Communities,Off track,Libraries,1/7/2025,"Consultation closed.\nReport to cabinet in July"\r\n' +
  'P2.2,Open the new community hub,People,Blue,,next spring,"Lease signed; fit-out to follow"\r\n' +
  'P2.3,Fix potholes faster,Place,,Highways,2025-09-30,\r\n' +
  ',,,,,,\r\n';

const SUGGESTED = '--values "RAG:On track=green,At risk=amber,Off track=red"';

/** The cells, as Python's csv module reads them (header first). */
function pythonRows(path: string): string[][] {
  const py = 'import csv, json, sys\nwith open(sys.argv[1], newline="", encoding="utf-8-sig") as f:\n    print(json.dumps(list(csv.reader(f, strict=True))))';
  const out = spawnSync('python3', ['-c', py, path], { encoding: 'utf8' });
  expect(out.status, out.stderr).toBe(0);
  return JSON.parse(out.stdout) as string[][];
}

const run = (args: string[]) => spawnSync(process.execPath, ['src/cli/import.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

let content: string;
let csvPath: string;
let mapFile: string;
const trackerDir = () => join(content, 'reports/tracker');

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'import-excel-'));
  content = join(dir, 'content');
  cpSync(SHAPES, content, { recursive: true });
  for (const f of readdirSync(trackerDir())) if (f.endsWith('.md')) rmSync(join(trackerDir(), f));
  csvPath = join(dir, 'tracker.csv');
  writeFileSync(csvPath, EXCEL);
  mapFile = join(dir, 'map.yaml');
  writeFileSync(mapFile, '# Our themes to the plan’s directorates\nDirectorate:\n  Communities: people\n');
});

describe('npm run import: a tracker saved by Excel', { timeout: 60_000 }, () => {
  it('--dry-run prints each entry and the problems, suggests the RAG mapping, and writes nothing', () => {
    const result = run([csvPath, '--report', 'tracker', '--content', content, '--dry-run']);
    expect(result.status, result.stderr).toBe(0);
    const out = result.stdout;
    expect(out).toContain('comma-separated (from the header row), dates day first (DD/MM/YYYY)');
    // The table: file, title, each field.
    expect(out).toMatch(/reports\/tracker\/adopt-the-parks-strategy\.md \(row 2\)\n {2}title +Adopt the parks strategy\n {2}Ref +"P1\.1"\n {2}Directorate +\(missing\)\n {2}Owner +"Parks team"\n {2}Target date +'2025-03-31'\n {2}RAG +"On track"\n {2}Update +Draft protocol shared with group leaders; comments due 14 May\n/);
    expect(out).toContain('row 1, column "Theme": maps to no field: its 5 filled cells (rows 2, 3, 4, 5, 6) were not imported');
    expect(out).toContain('row 2, column "Target date": "31/03/2025" read as 31 March 2025: written 2025-03-31');
    expect(out).toContain('row 3, column "Target date": "03/04/2025" read as 3 April 2025: written 2025-04-03');
    expect(out).toContain('row 2, column "RAG" (stage): "On track" is not a RAG of the report');
    expect(out).toContain(`Some stage values match the words of the report's labels: to use them, run the import again with\n  ${SUGGESTED}\n`);
    expect(out).toContain('Dry run: 5 entries would be written');
    expect(out).toContain('Nothing was written.');
    expect(readdirSync(trackerDir())).toEqual(['report.yaml']);
  });

  it('with the suggested --values and a mapping file, every cell lands in an entry or is reported with its row and column', () => {
    const pasted = /^\s*--values "(.*)"$/m.exec(run([csvPath, '--report', 'tracker', '--content', content, '--dry-run']).stdout)![1]!;
    const result = run([csvPath, '--report', 'tracker', '--content', content, '--map', 'Theme=Directorate', '--values', pasted, '--values-file', mapFile]);
    expect(result.status, result.stderr).toBe(0);
    const out = result.stdout;
    expect(out).toContain('5 entries written');
    expect(out).toContain('row 4, column "Theme": "Communities" written people (--values)');
    expect(out).toContain('row 2, column "RAG": "On track" written green (--values)');
    const reported = out
      .split('\n')
      .map((l) => /^ {2}row (\d+), column "([^"]+)"(?: \([^)]*\))?: (.*)$/.exec(l))
      .filter((m) => m !== null && !/ read as | written .* \(--values\)$/.test(m[3]!))
      .map((m) => `${m![1]}|${m![2]}`);
    // Only the cells that cannot be stored, and the required value not given: nothing else.
    expect(reported.sort()).toEqual(['5|RAG', '5|Target date', '6|RAG']);
    expect(out).toContain('row 5, column "RAG" (stage): "Blue" is not a RAG of the report');
    expect(out).toContain('row 5, column "Target date" (due_date): "next spring" is not a date');
    expect(out).toContain('row 6, column "RAG" (stage): is empty; RAG is required');

    const entries = readdirSync(trackerDir())
      .filter((f) => f.endsWith('.md'))
      .map((f) => {
        const { data, content: body } = matter(readFileSync(join(trackerDir(), f), 'utf8'));
        const update = /^## Update\n([\s\S]*)$/m.exec(body)![1]!.trim();
        return { file: f, data, update };
      });
    const [header, ...rows] = pythonRows(csvPath);
    expect(header).toEqual(['Ref', 'Action', 'Theme', 'RAG', 'Owner', 'Target date', 'Update']);
    const ukDate = (d: string) => (/^\d{4}-/.test(d) ? d : d.split('/').reverse().map((p) => p.padStart(2, '0')).join('-'));
    const directorate: Record<string, string> = { Place: 'place', People: 'people', Communities: 'people' };
    const stage: Record<string, string> = { 'On track': 'green', 'At risk': 'amber', 'Off track': 'red' };
    const words = (s: string) => s.replace(/^[•-]\s*/gm, '').split(/\s+/).filter(Boolean).join(' ');
    let landed = 0;
    rows.forEach((cells, i) => {
      const row = i + 2;
      if (cells.every((c) => !c.trim())) return; // the empty last row: nothing to lose
      const entry = entries.find((e) => e.data.reference === cells[0]);
      expect(entry, `row ${row}`).toBeDefined();
      const lands: Record<string, (cell: string) => boolean> = {
        Ref: (c) => entry!.data.reference === c,
        Action: (c) => entry!.data.title === c,
        Theme: (c) => entry!.data.directorate === directorate[c],
        RAG: (c) => entry!.data.stage === stage[c],
        Owner: (c) => entry!.data.owner === c,
        'Target date': (c) => entry!.data.due_date === ukDate(c),
        Update: (c) => words(entry!.update) === words(c),
      };
      header!.forEach((h, c) => {
        const cell = cells[c]!;
        if (!cell.trim()) return;
        const isReported = reported.includes(`${row}|${h}`);
        expect(lands[h]!(cell) || isReported, `row ${row}, column ${h}: "${cell}"`).toBe(true);
        if (!isReported) landed++;
      });
    });
    expect(landed).toBe(30); // 32 filled cells, 2 of them reported
    // The semicolons stayed inside their cells; the quoted line breaks became list items.
    expect(entries.find((e) => e.data.reference === 'P1.1')!.update).toBe('Draft protocol shared with group leaders; comments due 14 May');
    expect(entries.find((e) => e.data.reference === 'P1.2')!.update).toBe('- Surveys done\n- Contract let; works start in June');
    // A cell that cannot be stored is written as it is, never replaced by a guess; a missing required value stays missing.
    const hub = entries.find((e) => e.data.reference === 'P2.2')!;
    expect([hub.data.stage, hub.data.due_date]).toEqual(['Blue', 'next spring']);
    const potholes = entries.find((e) => e.data.reference === 'P2.3')!;
    expect(potholes.data.stage).toBeNull();

    // npm run check then says so, file by file; the other entries pass.
    const errors = loadContent(content, { root: content }).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.file.split('/').pop()} ${d.field}`).sort()).toEqual([
      'fix-potholes-faster.md stage',
      'open-the-new-community-hub.md due_date',
      'open-the-new-community-hub.md stage',
    ]);
  });
});
