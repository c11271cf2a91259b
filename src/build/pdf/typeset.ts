/**
 * Typesets a report's print document (src/core/print/document.ts) into a
 * tagged PDF with Typst (the @myriaddreamin/typst-ts-node-compiler package
 * bundles Typst itself as a native module: no other program is needed).
 *
 * The document goes to the template (report.typ) as data: it is mapped into
 * Typst's workspace as /data.json and read with `json()`, so no text of the
 * content is ever part of Typst's markup.
 *
 * Fonts come from the dejavu-fonts-ttf package, not from the machine: the PDF
 * comes out the same on every machine that runs `npm ci`, and DejaVu Sans has
 * every symbol of the legend (● ■ ▲ ◆ ★ ✚ ▼ ⬟) and the ✱ of changed rows.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PrintDocument, PrintPart } from '../../core/print/types.ts';
import { STANDARD_PT } from '../../core/pdf.ts';
import { withLayout } from './fit.ts';
import { fontData, FONT_FILES, type FontStyle } from './fonts.ts';

const require = createRequire(import.meta.url);
const TEMPLATE = fileURLToPath(new URL('./report.typ', import.meta.url));

export interface Typeset {
  pdf: Buffer;
  pages: number;
  /** Why the PDF is tagged but not PDF/UA-1, if it is not. */
  warning?: string;
  /** Written as PDF/UA-1 (for a part: but for its first heading's level, which only the joined PDF's front has at 1). */
  ua: boolean;
  /** The level of each heading, in order: each is a bookmark, nested by level when parts are joined (join.ts). */
  levels: number[];
}

const PACKAGE = '@myriaddreamin/typst-ts-node-compiler';

/**
 * What a typeset PDF depends on besides its document, part of the PDF cache's
 * key (step.ts): the template and the code that typesets, and the packages
 * that do (Typst itself, bundled in its package; the fonts; the font reader
 * that decides which rows are kept whole).
 */
export const TYPESET_CODE = {
  files: [TEMPLATE, ...['./typeset.ts', './fit.ts', './fonts.ts'].map((file) => fileURLToPath(new URL(file, import.meta.url)))],
  packages: [PACKAGE, 'dejavu-fonts-ttf', 'fontkit'],
};

type Compiler = import('@myriaddreamin/typst-ts-node-compiler').NodeCompiler;
let compiler: Compiler | undefined;

/** One compiler for the build: it loads the fonts once. */
function getCompiler(): Compiler {
  if (!compiler) {
    let NodeCompiler: typeof import('@myriaddreamin/typst-ts-node-compiler').NodeCompiler;
    try {
      ({ NodeCompiler } = require(PACKAGE) as typeof import('@myriaddreamin/typst-ts-node-compiler'));
    } catch (error) {
      // Its native part comes as a package per platform (an optional dependency npm installs where it has one).
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw Object.assign(new Error(`PDF skipped: Typst (${PACKAGE}) could not be loaded on this machine (${reason}); run npm ci again, or build on Linux, macOS or Windows on x64 or arm64.`), { code: 'TYPST_UNAVAILABLE' });
    }
    compiler = NodeCompiler.create({ workspace: dirname(TEMPLATE), fontArgs: [{ fontBlobs: (Object.keys(FONT_FILES) as FontStyle[]).map(fontData) }] });
  }
  return compiler;
}

let template: string | undefined;

/**
 * Runs `compile` with the template (read once) and a document as its data,
 * mapped into Typst's workspace as /data.json; then frees what Typst laid out
 * (the next compile is another document).
 */
function withData<T>(data: object, compile: (c: Compiler, main: { mainFileContent: string }) => T): T {
  const c = getCompiler();
  const file = join(dirname(TEMPLATE), 'data.json');
  c.mapShadow(file, Buffer.from(JSON.stringify(data)));
  try {
    return compile(c, { mainFileContent: (template ??= readFileSync(TEMPLATE, 'utf8')) });
  } finally {
    c.unmapShadow(file);
    c.evictCache(0);
  }
}

/**
 * Each table row's height as Typst lays it out, in points, by reference: the
 * template measures every row when the document asks it to ("probe"), so that
 * fit.ts's estimate can be checked against it (tests/unit/pdf-fit.test.ts).
 */
export function measureRows(doc: PrintDocument & { size: number }): { ref: string; height: number }[] {
  return withData({ ...withLayout(doc, doc.size), probe: true }, (c, main) =>
    c.query(main, { selector: '<row>' }).map((m: { value: { ref: string; height: number } }) => m.value),
  );
}

/**
 * Typesets one print document, or one part of it (src/core/print/parts.ts),
 * at its body size (points; the template's 10 without one); throws with
 * Typst's message if the template fails. `tags: false` for the running
 * footers alone (join.ts marks them as artifacts where it draws them).
 */
export function typeset(doc: PrintDocument | PrintPart, { tags = true }: { tags?: boolean } = {}): Typeset {
  // With the page's layout and the table's rows (a whole document's, or a chunk's) with how each is placed (fit.ts).
  return withData(withLayout(doc, doc.size ?? STANDARD_PT), (c, main) => {
    const result = c.compile(main);
    const document = result.result;
    if (result.hasError() || !document) {
      const error = result.takeError();
      throw new Error(`Typst could not typeset the PDF of "${doc.title}": ${error ? JSON.stringify(error.shortDiagnostics ?? error) : 'no document'}`);
    }
    const pages = document.numOfPages;
    const levels = (c.query(document, { selector: 'heading', field: 'level' }) as number[]) ?? [];
    if (!tags) return { pdf: c.pdf(document), pages, levels, ua: false };
    // PDF/UA-1: tagged, with title and language, and checked by Typst as it writes. Should some
    // content ever fail a check of the standard, the PDF is still written tagged, and the build says why.
    try {
      return { pdf: c.pdf(document, { pdfTags: true, pdfStandard: 'ua-1' }), pages, levels, ua: true };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // A part after the front starts at a heading of level 2 or 3: PDF/UA-1 wants the document's first at 1, as the joined PDF has it.
      const errors = message.match(/message: "/g)?.length ?? 0;
      const onlyFirstHeading = 'part' in doc && errors > 0 && (message.match(/message: "PDF\/UA-1 error: the first heading must be of level 1"/g)?.length ?? 0) === errors;
      const pdf = c.pdf(document, { pdfTags: true });
      if (onlyFirstHeading) return { pdf, pages, levels, ua: true };
      return { pdf, pages, levels, ua: false, warning: `written as tagged PDF but not PDF/UA-1 (${message.split('\n')[0]})` };
    }
  });
}
