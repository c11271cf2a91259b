/**
 * The joined PDF's running footers (join.ts): the footers are typeset alone by
 * Typst as one document with a page per page of the joined PDF, and each of
 * its pages is drawn onto its page here, as page furniture.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFObjectCopier, PDFPage, PDFRawStream } from '@cantoo/pdf-lib';

const N = PDFName.of;

/**
 * Draws each page of `footers` onto its page of the joined PDF: as a form
 * XObject (the footer page's own content stream, as Typst compressed it, and
 * its resources) inside /Artifact marked content, after the page's content,
 * which is wrapped in q … Q so that the footer is drawn in the page's
 * default coordinates. The two small streams around are shared by every page.
 */
export function drawFooters(out: PDFDocument, pages: PDFPage[], footerDoc: PDFDocument): void {
  const ctx = out.context;
  const from = footerDoc.getPages();
  if (from.length !== pages.length) throw new Error(`the footers have ${from.length} pages for ${pages.length}`);
  const copier = PDFObjectCopier.for(footerDoc.context, ctx);
  const name = N('IrFooter');
  const before = ctx.register(ctx.stream('q\n'));
  const after = ctx.register(ctx.stream(`Q\n/Artifact BMC\n${name.toString()} Do\nEMC\n`));
  pages.forEach((page, i) => {
    const footer = from[i]!.node;
    const contents = footerDoc.context.lookup(footer.get(N('Contents')));
    const stream = contents instanceof PDFArray && contents.size() === 1 ? footerDoc.context.lookup(contents.get(0)) : contents;
    if (!(stream instanceof PDFRawStream)) throw new Error('a footer page of the PDF has no single content stream');
    const dict = copier.copy(stream.dict) as PDFDict;
    dict.set(N('Type'), N('XObject'));
    dict.set(N('Subtype'), N('Form'));
    dict.set(N('BBox'), copier.copy(footer.get(N('MediaBox')) ?? from[i]!.node.MediaBox()));
    dict.set(N('Resources'), copier.copy(footer.get(N('Resources'))!));
    const form = ctx.register(PDFRawStream.of(dict, stream.contents));
    const leaf = page.node;
    // The page's resources, as its own (a shared dictionary is not changed for the others).
    const resources = (ctx.lookup(leaf.get(N('Resources'))) as PDFDict | undefined)?.clone(ctx) ?? ctx.obj({});
    const xobjects = (ctx.lookup(resources.get(N('XObject'))) as PDFDict | undefined)?.clone(ctx) ?? ctx.obj({});
    if (xobjects.has(name)) throw new Error(`a page of the PDF already has an XObject named ${name.toString()}`);
    xobjects.set(name, form);
    resources.set(N('XObject'), xobjects);
    leaf.set(N('Resources'), resources);
    const own = leaf.get(N('Contents'));
    const list = ctx.lookup(own);
    leaf.set(N('Contents'), ctx.obj([before, ...(list instanceof PDFArray ? list.asArray() : own ? [own] : []), after]));
  });
}
