/**
 * The committee pack: the PDFs the build typesets (src/build/pdf/) from the
 * print document (src/core/print/), read back with poppler: what they say, how
 * large, where their links lead, their bookmarks and tags, and the report
 * page's links to them. The real site, built once at the root (with SITE) and
 * under /plan (without) by tests/setup/build-sites.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EXPECTED_INTRODUCTION, EXPECTED_LEGEND, EXPECTED_ROWS, EXPECTED_TITLE, INFERRED_STATUS, REPORT } from '../helpers/expected.ts';
import { page as html, resolveInDist } from '../helpers/html.ts';
import { CONTENT, SITES } from '../helpers/paths.ts';
import { unknownAbbreviations } from '../../src/core/glossary.ts';
import { tableChunks } from '../../src/core/print/parts.ts';
import { firstColumns, flat, pdfinfo, pdfLanguage, pdfLinks, pdfPages, pdftext, readPdf, wordHeights } from '../helpers/pdf.ts';

const dir = join(SITES.root.dir, REPORT);
const standard = join(dir, `${REPORT}.pdf`);
const large = join(dir, `${REPORT}-large-print.pdf`);
const THEMES = [...new Set(EXPECTED_ROWS.map((row) => row.theme))];
/** The first page of the table: the one with its header row. */
const tablePages = (file: string) => {
  const pages = pdfPages(file);
  return Array.from({ length: pages }, (_, i) => i + 1).filter((p) => flat(pdftext(file, p)).includes('Task/action'));
};

describe('the PDFs in the build', () => {
  it('are written and linked from the report page with their page counts and sizes', () => {
    const $ = html(SITES.root.dir, `${REPORT}/`);
    expect($('.pdf-download').attr('hidden')).toBeUndefined();
    for (const [file, words] of [
      [standard, (pages: number, kb: number) => `Download as PDF (A4, ${pages} pages, ${kb} KB)`],
      [large, (pages: number, kb: number) => `Download as large-print PDF (14 pt text, A4 landscape, ${pages} pages, ${kb} KB)`],
    ] as const) {
      const name = file.slice(dir.length + 1);
      const link = $(`.pdf-download[data-pdf="${REPORT}/${name}"] a`);
      expect(link.attr('href')).toBe(`/${REPORT}/${name}`);
      expect(link.text()).toBe(words(pdfPages(file), Math.round(readFileSync(file).length / 1024)));
      // A4 landscape, both.
      expect(pdfinfo(file)).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    }
    expect(pdfPages(large)).toBeGreaterThan(pdfPages(standard));
    // Under the sub-path too.
    expect(html(SITES.base.dir, `${REPORT}/`)('.pdf-download a').map((_, a) => $(a).attr('href')).get()).toEqual([`/plan/${REPORT}/${REPORT}.pdf`, `/plan/${REPORT}/${REPORT}-large-print.pdf`]);
  });

  it('leave no print document in the published site', () => {
    for (const site of [SITES.root.dir, SITES.base.dir]) {
      expect(readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('print-document.json'))).toEqual([]);
    }
  });

  it('print the body at 10 pt at the least (tags too), and the large print at 14 pt', () => {
    for (const [file, least] of [
      [standard, 10],
      [large, 14],
    ] as const) {
      const words = wordHeights(file);
      const table = new Set(tablePages(file));
      expect(table.size, file).toBeGreaterThan(1);
      const onTable = words.filter((w) => table.has(w.page));
      // Every word on a table page: the rows, their tags, the header, the footer.
      for (const w of onTable) expect(w.height, `${file} page ${w.page}: ${w.word}`).toBeGreaterThanOrEqual(least - 0.01);
      for (const symbol of ['●', '■', '▲', '◆']) expect(onTable.some((w) => w.word.startsWith(symbol)), symbol).toBe(true);
      // And the cover and the appendix.
      for (const w of words) expect(w.height, `${file} page ${w.page}: ${w.word}`).toBeGreaterThanOrEqual(least - 0.01);
    }
  });

  it("give each row its reference (its row number: the report declares no reference field) and its title, whole on one page, under the header row on every page", () => {
    for (const file of [standard, large, join(SITES.base.dir, REPORT, `${REPORT}.pdf`)]) {
      const columns = firstColumns(file, 'Activity undertaken');
      expect([...columns.keys()], file).toEqual(tablePages(file));
      for (const [page, text] of columns) expect(text, `${file} page ${page}`).toContain('Row Task / action');
      EXPECTED_ROWS.forEach((row, i) => {
        // The reference, then the title; all of it on one page (rows are never split).
        const pages = [...columns].filter(([, text]) => flat(text).includes(flat(`${i + 1} ${row.title}`)));
        expect(pages.length, `${file}: row ${i + 1} ${row.title}`).toBe(1);
      });
    }
  });

  it('say at the top of every page that goes on with a row which row it is ("Row 7 (continued): …"), and on no other page', () => {
    let continuing = 0;
    for (const file of [standard, large, join(SITES.base.dir, REPORT, `${REPORT}.pdf`)]) {
      const pages = pdftext(file, undefined, undefined, '-layout').split('\f').slice(0, pdfPages(file)).map((page) => page.split('\n'));
      // The header row's lines (it wraps the same on every page), counted on the table's first page: down to row 1's reference.
      const headerAt = (lines: string[]) => lines.findIndex((l) => /^\s*Row\s+Task \/ action\s/.test(l));
      const first = pages.find((lines) => headerAt(lines) >= 0)!;
      const headerLines = first.slice(headerAt(first)).findIndex((l) => /^\s*1\s/.test(l));
      expect(headerLines, file).toBeGreaterThan(0);
      let last: number | undefined;
      pages.forEach((lines, i) => {
        const where = `${file} page ${i + 1}`;
        const at = headerAt(lines);
        // The rows under the header row (none on a page that is not the table's).
        const body = at < 0 ? [] : lines.slice(at + headerLines).filter((l) => l.trim() && !/Page \d+ of \d+/.test(l));
        // The reference column ends where the title's heading starts: text left of it is a row's reference.
        // (A theme's heading and its table's header row, left of it too, are not.)
        const reference = (l: string) => {
          const word = l.trim().split(/\s+/)[0]!;
          return l.search(/\S/) < lines[at]!.indexOf('Task') && /^\d+$/.test(word) ? Number(word) : undefined;
        };
        if (body.length && reference(body[0]!) === undefined && !THEMES.includes(body[0]!.trim())) {
          // The page starts inside a row: the last one whose reference was printed before it.
          expect(last, where).toBeDefined();
          const words = flat(`Row ${last} (continued): ${EXPECTED_ROWS[last! - 1]!.title}`);
          expect(flat(lines.join('\n')).slice(0, words.length), where).toBe(words);
          continuing++;
        } else expect(lines.find((l) => l.trim()) ?? '', where).not.toContain('(continued)');
        for (const l of body) last = reference(l) ?? last;
      });
    }
    // The large print has rows over several pages: the test sees some.
    expect(continuing).toBeGreaterThan(0);
  });

  it('open with the cover: title, organisation, date, introduction, progress, the note that colours are inferred, and the legend', () => {
    for (const file of [standard, large]) {
      const first = pdftext(file, 1).replace(/\s+/g, ' ');
      expect(first).toContain(EXPECTED_TITLE);
      expect(first).toContain('Cambridgeshire and Peterborough Combined Authority');
      expect(first).toMatch(/Last updated on this site \d{1,2} \w+ \d{4}/);
      expect(first).toMatch(INFERRED_STATUS);
      const cover = flat(pdftext(file, 1, tablePages(file)[0]! - 1));
      for (const words of EXPECTED_INTRODUCTION) expect(cover, words).toContain(flat(words));
      expect(cover).toContain(flat(`${EXPECTED_ROWS.filter((r) => r.status.startsWith('completed')).length} of ${EXPECTED_ROWS.length} complete`));
      for (const label of Object.values(EXPECTED_LEGEND)) expect(cover, label).toContain(flat(label));
    }
  });

  it('keep the summary\'s heading on the page of what it heads: the progress and each count\'s table with its first line', () => {
    const $ = html(SITES.root.dir, `${REPORT}/`);
    const heading = $('#summary-heading').text().trim();
    const follow = [$('[data-progress]').text(), ...$('.summary table').map((_, t) => [$(t).find('caption').text(), $(t).find('tbody tr').first().text()]).get()].map((w) => flat(w));
    expect(follow.length).toBeGreaterThan(2);
    for (const file of [standard, large]) {
      // (In the order Typst wrote it: a table's cells one after the other.)
      const pages = pdftext(file, undefined, undefined, '-raw').split('\f').map(flat);
      const at = pages.findIndex((p) => p.includes(flat(heading)));
      expect(at, `${file}: ${heading}`).toBeGreaterThanOrEqual(0);
      for (const words of follow) expect(pages[at], `${file} page ${at + 1}`).toContain(words);
    }
  });

  it('end with a glossary of every abbreviation the document uses, with its meaning, or under "Not explained"', () => {
    const glossary = parseYaml(readFileSync(join(CONTENT, 'glossary.yaml'), 'utf8')) as { terms: { term: string; expansion: string }[]; ignore?: string[]; unexplained?: string[] };
    for (const file of [standard, large]) {
      const pages = pdfPages(file);
      const start = Array.from({ length: pages }, (_, i) => i + 1).find((p) => pdftext(file, p).includes('Glossary of abbreviations'))!;
      expect(start, file).toBeGreaterThan(tablePages(file).at(-1)! - 1);
      const before = pdftext(file, 1, start - 1).replace(/\s+/g, ' ');
      const appendix = pdftext(file, start, pages).replace(/\s+/g, ' ');
      const used = glossary.terms.filter((t) => new RegExp(`(?<![\\p{L}\\p{N}&])${t.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?(?![\\p{L}\\p{N}&])`, 'u').test(before));
      expect(used.map((t) => t.term)).toEqual(expect.arrayContaining(['CAGN', 'M10', 'IIB', 'SAF']));
      for (const term of used) expect(appendix, term.term).toContain(`${term.term} ${term.expansion.replace(/\s+/g, ' ')}`);
      // Every word of the PDF before it that the site takes for an abbreviation (as `npm run check` finds them; not
      // the names under "ignore:"), explained or not, is in it: the shipped plan's CMT and BC as /glossary/ lists them.
      const words = new Set(unknownAbbreviations(before, { terms: [], ignore: glossary.ignore ?? [], unexplained: [] }).map((u) => u.word));
      expect([...words]).toEqual(expect.arrayContaining(['CAGN', 'M10', 'CMT', 'BC']));
      const listed = new Set(appendix.split(' '));
      for (const word of words) expect(listed.has(word) || (word.endsWith('s') && listed.has(word.slice(0, -1))), `${file}: ${word}`).toBe(true);
      const unexplained = appendix.slice(appendix.indexOf('Not explained'));
      expect(unexplained).toContain('The plan uses these without saying what they stand for');
      for (const term of glossary.unexplained ?? []) expect(unexplained.split(' '), term).toContain(term);
    }
  });

  it('link to the published site (SITE set), never to a loopback address', () => {
    const links = pdfLinks(standard);
    expect(links.join('\n')).not.toMatch(/127\.0\.0\.1|localhost|\[::1\]|\.invalid/);
    const site = SITES.root.site;
    const own = links.filter((link) => link.startsWith(`${site}/`));
    // Every entry's title in the table, each to a page that exists.
    expect(own.length).toBeGreaterThanOrEqual(EXPECTED_ROWS.length);
    for (const row of EXPECTED_ROWS) expect(own).toContain(`${site}/${REPORT}/${row.id}/`);
    for (const link of own) expect(resolveInDist(SITES.root.dir, SITES.root.base, link.slice(site.length)), link).toBeDefined();
    // The transcription notes, at their published address.
    expect(own).toContain(`${site}/${REPORT}/about/`);
    // Any other link leads to another site, absolute.
    for (const link of links.filter((l) => !own.includes(l))) expect(link).toMatch(/^(https?:\/\/|mailto:)/);
    // The footer: the published address, the date, the page.
    const footer = pdftext(standard, 2).replace(/\s+/g, ' ');
    expect(footer).toContain(`Published at ${site}/${REPORT}/`);
    expect(footer).toMatch(/Last updated on this site \d{1,2} \w+ \d{4}/);
    expect(footer).toContain(`Page 2 of ${pdfPages(standard)}`);
  });

  it("without SITE, print the site's own links as text and name the publisher in the footer, as the website does", () => {
    const file = join(SITES.base.dir, REPORT, `${REPORT}.pdf`);
    const links = pdfLinks(file);
    expect(links.join('\n')).not.toMatch(/127\.0\.0\.1|localhost|\.invalid/);
    for (const link of links) expect(link).toMatch(/^(https?:\/\/|mailto:)/);
    expect(links.some((link) => /\/plan\//.test(link))).toBe(false);
    const site = parseYaml(readFileSync(join(CONTENT, 'site.yaml'), 'utf8')) as { title: string; organisation: string };
    const footer = pdftext(file, 2).replace(/\s+/g, ' ');
    expect(footer).toContain(`Published by ${site.organisation} · Last updated on this site`);
    expect(footer).not.toContain(`Published by ${site.title}`);
    // The website's footer says the same.
    expect(html(SITES.base.dir, `${REPORT}/`)('footer').text().replace(/\s+/g, ' ')).toContain(`Published by ${site.organisation}`);
  });

  it('are tagged, with the title and the language of the report page', () => {
    const $ = html(SITES.root.dir, `${REPORT}/`);
    for (const file of [standard, large]) {
      const info = pdfinfo(file);
      expect(info, file).toMatch(/^Tagged:\s+yes$/m);
      expect(/^Title:\s+(.*)$/m.exec(info)?.[1], file).toBe(EXPECTED_TITLE);
      expect(pdfLanguage(file), file).toBe($('html').attr('lang'));
      // A structure tree with the table and its header cells in it, read by poppler.
      const struct = pdfinfo(file, '-struct');
      expect(struct).toMatch(/^\s*Table\b/m);
      expect(struct).toMatch(/^\s*TH\b/m);
    }
  });

  it('have bookmarks for the title, each section and each theme, each on the page where it is', () => {
    for (const file of [standard, large]) {
      const { lines, outline } = readPdf(file);
      const pageText = (p: number) => flat(lines.filter((l) => l.page === p).map((l) => l.text).join(''));
      const titles = outline.map((o) => o.title);
      expect(titles[0], file).toBe(EXPECTED_TITLE);
      for (const section of ['About this page', 'Colour code', 'The table', 'Glossary of abbreviations']) expect(titles, section).toContain(section);
      const themes = outline.filter((o) => THEMES.includes(o.title));
      expect(themes.map((o) => o.title), file).toEqual(THEMES);
      const table = outline.find((o) => o.title === 'The table')!;
      for (const theme of themes) {
        expect(theme.depth, theme.title).toBe(table.depth + 1);
        expect(pageText(theme.page), theme.title).toContain(flat(theme.title));
      }
    }
  });

  it('are typeset in parts (the table in chunks of at most 4 rows here, themes cut in two) and joined into one', () => {
    // What the root site's build cuts (PDF_PART_ROWS=6, tests/helpers/paths.ts): more than one chunk, and a theme across two.
    const groups = THEMES.map((theme) => ({ heading: theme, rows: EXPECTED_ROWS.filter((r) => r.theme === theme) }));
    const chunks = tableChunks(groups as never, Number(SITES.root.env.PDF_PART_ROWS));
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.some((c) => c.length === 1 && c[0]!.heading === undefined), 'a theme continued in a chunk of its own').toBe(true);
    for (const file of [standard, large]) {
      // Every row's title in the structure tree (what a screen reader reads), in the table's order.
      const struct = pdfinfo(file, '-struct-text');
      const strings = flat([...struct.matchAll(/^\s*"(.*)"$/gm)].map((m) => m[1]).join(''));
      let at = strings.indexOf(flat('The table'));
      expect(at, file).toBeGreaterThan(0);
      for (const row of EXPECTED_ROWS) {
        const found = strings.indexOf(flat(row.title), at);
        expect(found, `${file}: ${row.title}`).toBeGreaterThan(at);
        at = found;
      }
      // One Document element, every table cell's ID unique, and each data cell's headers among them.
      expect(struct.match(/^Document$/gm)).toHaveLength(1);
      const ids = [...struct.matchAll(/^\s*T[HD] <([^>]+)>/gm)].map((m) => m[1]);
      expect(new Set(ids).size, file).toBe(ids.length);
      const headers = [...struct.matchAll(/\/Headers \[([^\]]*)\]/g)].flatMap((m) => [...m[1]!.matchAll(/\(([^)]*)\)/g)].map((h) => h[1]));
      expect(headers.length, file).toBeGreaterThan(EXPECTED_ROWS.length);
      for (const h of headers) expect(ids, h).toContain(h);
      // The running footer on every page with its number of the joined PDF, and never in the structure tree (page furniture),
      // nor the words at the top of a page that goes on with a row (Typst's page header: furniture too).
      const pages = pdfPages(file);
      for (let p = 1; p <= pages; p++) expect(flat(pdftext(file, p)), `${file} page ${p}`).toContain(flat(`Page ${p} of ${pages}`));
      expect(struct).not.toMatch(/Page \d+ of/);
      if (file === large) expect(pdftext(file)).toContain('(continued): ');
      expect(struct).not.toContain('(continued)');
      // The metadata of the joined PDF: its own page count, and PDF/UA-1 (every part passed Typst's checks).
      const meta = pdfinfo(file, '-meta');
      expect(meta).toContain(`<xmpTPg:NPages>${pages}</xmpTPg:NPages>`);
      expect(meta).toContain('<pdfuaid:part>1</pdfuaid:part>');
      // Every font embedded.
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
      expect(fonts.length, file).toBeGreaterThan(0);
      for (const line of fonts) expect(line.split(/\s+/).at(-5), line).toBe('yes');
    }
  });

  it('leave out "what changed" for a report with one edition', () => {
    expect(pdftext(standard)).not.toContain('What changed since');
    expect(existsSync(standard)).toBe(true);
  });
});
