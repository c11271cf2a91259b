/**
 * Joins the PDFs of a print document's parts (src/core/print/parts.ts), each
 * typeset alone by Typst (typeset.ts), into one tagged PDF, with @cantoo/pdf-lib
 * (the maintained fork of pdf-lib: it reads and writes PDF objects, so the
 * parts' structure trees can be carried over, which a page-merging tool drops).
 *
 * - Pages: copied in order, one object copier per part, so every reference
 *   to a page (a structure element's /Pg, an annotation's /P, a bookmark's
 *   /Dest) leads to the copied page.
 * - Structure: one StructTreeRoot whose Document element holds each part's
 *   top structure elements, in order; the ParentTree merged, each part's
 *   numbers (pages' /StructParents, link annotations' /StructParent) moved by
 *   an offset; the IDs of table cells (/ID and the /IDTree, and the /Headers
 *   of data cells that name them) prefixed per part, so they stay unique; the
 *   RoleMap (and a ClassMap, should a part have one) kept.
 * - The front part's title, language, /MarkInfo, DisplayDocTitle and XMP
 *   metadata (its page count set to the joined PDF's; its PDF/UA-1 claim kept
 *   only when every part was written as PDF/UA-1).
 * - One outline: each part's bookmarks, in order, nested by their headings'
 *   levels (title → sections → "The table" → each theme), as one compile makes it.
 * - The running footers: typeset alone as one document of as many pages (the
 *   page numbers are the joined PDF's), each page drawn onto its page as a
 *   form XObject inside /Artifact marked content: page furniture, not in the
 *   structure tree.
 */
import { drawFooters } from './footers.ts';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  PDFPageLeaf,
  PDFRawStream,
  PDFRef,
  PDFString,
  ParseSpeeds,
  decodePDFRawStream,
  type PDFContext,
  type PDFObject,
} from '@cantoo/pdf-lib';

export interface JoinPart {
  pdf: Uint8Array;
  /** Its headings' levels, in order: one per bookmark of its outline (typeset.ts). */
  levels: number[];
  /** Written as PDF/UA-1 (but for what only the joined PDF can satisfy: the first heading at level 1). */
  ua: boolean;
}

const N = PDFName.of;

/** The text of a PDF string. */
const text = (o: PDFObject | undefined): string | undefined => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined);

/** The entries of a number tree or a name tree (ParentTree, IDTree): its /Nums or /Names, and its /Kids'. */
function treeEntries(context: PDFContext, node: PDFObject | undefined, key: 'Nums' | 'Names', out: [PDFObject, PDFObject][] = []): [PDFObject, PDFObject][] {
  const dict = node instanceof PDFRef ? context.lookup(node) : node;
  if (!(dict instanceof PDFDict)) return out;
  const list = context.lookup(dict.get(N(key)));
  if (list instanceof PDFArray) for (let i = 0; i + 1 < list.size(); i += 2) out.push([context.lookup(list.get(i))!, list.get(i + 1)]);
  const kids = context.lookup(dict.get(N('Kids')));
  if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) treeEntries(context, kids.get(i), key, out);
  return out;
}

/** Each bookmark of an outline, in reading order (depth first): its title and destination. */
function outlineItems(context: PDFContext, node: PDFObject | undefined, out: { title: PDFObject; dest?: PDFObject; action?: PDFObject }[] = []) {
  const dict = context.lookup(node);
  if (!(dict instanceof PDFDict)) return out;
  let item = dict.get(N('First'));
  const seen = new Set<PDFObject>();
  while (item && !seen.has(item)) {
    seen.add(item);
    const entry = context.lookup(item);
    if (!(entry instanceof PDFDict)) break;
    out.push({ title: entry.get(N('Title'))!, dest: entry.get(N('Dest')), action: entry.get(N('A')) });
    outlineItems(context, entry, out);
    item = entry.get(N('Next'));
  }
  return out;
}

/** Prefixes the IDs a part's structure elements name: their own /ID and the /Headers of their attributes. */
function prefixIds(context: PDFContext, prefix: string): void {
  const renamed = (o: PDFObject | undefined) => {
    const id = text(o);
    return id === undefined ? undefined : PDFString.of(prefix + id);
  };
  const headers = (attributes: PDFObject | undefined) => {
    const a = context.lookup(attributes);
    if (a instanceof PDFArray) for (let i = 0; i < a.size(); i++) headers(a.get(i));
    if (!(a instanceof PDFDict)) return;
    const list = context.lookup(a.get(N('Headers')));
    if (list instanceof PDFArray) for (let i = 0; i < list.size(); i++) list.set(i, renamed(context.lookup(list.get(i))) ?? list.get(i));
  };
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(N('S')) === undefined) continue;
    const id = renamed(object.get(N('ID')));
    if (id) object.set(N('ID'), id);
    headers(object.get(N('A')));
  }
}

/** What a copier has copied, so that a part's Document element and root become the joined PDF's own. */
function seed(copier: PDFObjectCopier, from: PDFObject, to: PDFObject): void {
  const map = (copier as unknown as { traversedObjects?: Map<PDFObject, PDFObject> }).traversedObjects;
  if (!(map instanceof Map)) throw new Error('@cantoo/pdf-lib: PDFObjectCopier has no traversedObjects map any more (check the version in package.json)');
  map.set(from, to);
}

/** The XMP metadata of the front part, for the joined PDF: its page count, and PDF/UA-1 only when every part is. */
function metadata(xmp: string, pages: number, ua: boolean): string {
  let out = xmp.replace(/<xmpTPg:NPages>\d+<\/xmpTPg:NPages>/, `<xmpTPg:NPages>${pages}</xmpTPg:NPages>`);
  if (!ua) out = out.replace(/<pdfuaid:part>[^<]*<\/pdfuaid:part>/, '');
  return out;
}

/** Joins the parts' PDFs, in order, and draws the running footers (one page of `footers` per page) onto them. */
export async function joinParts(parts: JoinPart[], footers: Uint8Array): Promise<Uint8Array> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const ctx = out.context;
  const rootRef = ctx.nextRef();
  const docRef = ctx.nextRef();
  const kids: PDFObject[] = [];
  const nums: [number, PDFObject][] = [];
  const names: [string, PDFObject][] = [];
  const roleMap = ctx.obj({});
  const classMap = ctx.obj({});
  const bookmarks: { title: PDFObject; dest?: PDFObject; action?: PDFObject; level: number }[] = [];
  let offset = 0;
  let front: PDFDocument | undefined;
  const pages: PDFPage[] = [];

  for (const [index, part] of parts.entries()) {
    const src = await PDFDocument.load(part.pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    front ??= src;
    const s = src.context;
    const structRoot = s.lookup(src.catalog.get(N('StructTreeRoot')));
    if (!(structRoot instanceof PDFDict)) throw new Error(`part ${index + 1} of the PDF is not tagged`);
    prefixIds(s, `p${String(index).padStart(3, '0')}-`);
    const copier = PDFObjectCopier.for(s, ctx);
    // The part's root and its Document element are the joined PDF's: what names them as parent is carried over to those.
    seed(copier, src.catalog.get(N('StructTreeRoot'))!, rootRef);
    const top = s.lookup(structRoot.get(N('K')));
    const topList = top instanceof PDFArray ? top.asArray() : [structRoot.get(N('K'))!];
    for (const element of topList) {
      const dict = s.lookup(element);
      if (dict instanceof PDFDict && dict.get(N('S')) === N('Document')) {
        seed(copier, element, docRef);
        const own = s.lookup(dict.get(N('K')));
        for (const kid of own instanceof PDFArray ? own.asArray() : own ? [dict.get(N('K'))!] : []) {
          if (kid instanceof PDFNumber) {
            // Content right under the Document element: a marked-content reference on its page.
            kids.push(ctx.obj({ Type: 'MCR', Pg: copier.copy(dict.get(N('Pg'))!), MCID: kid }));
          } else kids.push(copier.copy(kid));
        }
      } else kids.push(copier.copy(element));
    }
    // Pages, in order: their structure numbers (and their links') after the parts before.
    for (const page of src.getPages()) {
      const ref = copier.copy(page.ref);
      const leaf = ctx.lookup(ref) as PDFPageLeaf;
      const sp = leaf.get(N('StructParents'));
      if (sp instanceof PDFNumber) leaf.set(N('StructParents'), PDFNumber.of(sp.asNumber() + offset));
      const annots = ctx.lookup(leaf.get(N('Annots')));
      if (annots instanceof PDFArray) {
        for (const a of annots.asArray()) {
          const annot = ctx.lookup(a);
          const n = annot instanceof PDFDict ? annot.get(N('StructParent')) : undefined;
          if (annot instanceof PDFDict && n instanceof PDFNumber) annot.set(N('StructParent'), PDFNumber.of(n.asNumber() + offset));
        }
      }
      pages.push(PDFPage.of(leaf, ref, out));
    }
    let last = -1;
    for (const [key, value] of treeEntries(s, structRoot.get(N('ParentTree')), 'Nums')) {
      const n = (key as PDFNumber).asNumber();
      last = Math.max(last, n);
      nums.push([n + offset, copier.copy(value)]);
    }
    offset += last + 1;
    for (const [key, value] of treeEntries(s, structRoot.get(N('IDTree')), 'Names')) names.push([text(key)!, copier.copy(value)]);
    const roles = s.lookup(structRoot.get(N('RoleMap')));
    if (roles instanceof PDFDict) for (const [k, v] of roles.entries()) roleMap.set(k, v);
    const classes = s.lookup(structRoot.get(N('ClassMap')));
    if (classes instanceof PDFDict) for (const [k, v] of classes.entries()) classMap.set(k, copier.copy(v));
    // Bookmarks: as many as the part's headings, in the same order.
    const items = outlineItems(s, src.catalog.get(N('Outlines')));
    if (items.length !== part.levels.length) throw new Error(`part ${index + 1} of the PDF has ${items.length} bookmarks for ${part.levels.length} headings`);
    items.forEach((item, i) => bookmarks.push({ title: copier.copy(item.title), ...(item.dest ? { dest: copier.copy(item.dest) } : {}), ...(item.action ? { action: copier.copy(item.action) } : {}), level: part.levels[i]! }));
  }
  if (!front) throw new Error('no part to join');

  // The structure tree.
  names.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  ctx.assign(docRef, ctx.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: kids }));
  for (const kid of kids) {
    const element = ctx.lookup(kid);
    if (element instanceof PDFDict && element.get(N('Type')) !== N('MCR')) element.set(N('P'), docRef);
  }
  ctx.assign(
    rootRef,
    ctx.obj({
      Type: 'StructTreeRoot',
      K: [docRef],
      RoleMap: roleMap,
      ...(classMap.entries().length ? { ClassMap: classMap } : {}),
      ParentTree: ctx.obj({ Nums: nums.sort(([a], [b]) => a - b).flatMap(([k, v]) => [PDFNumber.of(k), v]) }),
      ...(names.length ? { IDTree: ctx.obj({ Names: names.flatMap(([k, v]) => [PDFString.of(k), v]) }) } : {}),
      ParentTreeNextKey: offset,
    }),
  );

  // The outline: nested by level.
  const outlinesRef = ctx.nextRef();
  const refs = bookmarks.map(() => ctx.nextRef());
  const parents: number[] = [];
  const stack: { level: number; index: number }[] = [];
  bookmarks.forEach((b, i) => {
    while (stack.length && stack.at(-1)!.level >= b.level) stack.pop();
    parents.push(stack.at(-1)?.index ?? -1);
    stack.push({ level: b.level, index: i });
  });
  const childrenOf = (p: number) => bookmarks.map((_, i) => i).filter((i) => parents[i] === p);
  const descendants = (p: number): number => childrenOf(p).reduce((n, c) => n + 1 + descendants(c), 0);
  bookmarks.forEach((b, i) => {
    const siblings = childrenOf(parents[i]!);
    const at = siblings.indexOf(i);
    const own = childrenOf(i);
    const entry: Record<string, PDFObject> = { Title: b.title, Parent: parents[i] === -1 ? outlinesRef : refs[parents[i]!]! };
    if (b.dest) entry.Dest = b.dest;
    if (b.action) entry.A = b.action;
    if (at > 0) entry.Prev = refs[siblings[at - 1]!]!;
    if (at < siblings.length - 1) entry.Next = refs[siblings[at + 1]!]!;
    if (own.length) {
      entry.First = refs[own[0]!]!;
      entry.Last = refs[own.at(-1)!]!;
      // Open at the top level (the title shows its sections), closed below, as Typst writes it.
      entry.Count = PDFNumber.of(parents[i] === -1 ? descendants(i) : -own.length);
    }
    ctx.assign(refs[i]!, ctx.obj(entry));
  });
  const top = childrenOf(-1);
  ctx.assign(outlinesRef, ctx.obj(top.length ? { Type: 'Outlines', First: refs[top[0]!]!, Last: refs[top.at(-1)!]!, Count: top.length } : { Type: 'Outlines', Count: 0 }));

  // The page tree: one node holding every page, in order, as Typst writes it (pdf-lib's addPage
  // walks the tree to find the end on every page: quadratic in pages).
  const treeRef = out.catalog.get(N('Pages')) as PDFRef;
  const tree = ctx.lookup(treeRef) as PDFDict;
  tree.set(N('Kids'), ctx.obj(pages.map((p) => p.ref)));
  tree.set(N('Count'), PDFNumber.of(pages.length));
  for (const page of pages) page.node.setParent(treeRef);

  // The running footers: page furniture, drawn as artifacts.
  drawFooters(out, pages, await PDFDocument.load(footers, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }));

  // The document's own: as the front part has them.
  const fc = front.catalog;
  const ua = parts.every((p) => p.ua);
  for (const key of ['Lang', 'MarkInfo', 'ViewerPreferences']) {
    const value = fc.get(N(key));
    if (value) out.catalog.set(N(key), front.context.lookup(value) instanceof PDFDict ? (front.context.lookup(value) as PDFDict).clone(ctx) : value);
  }
  out.catalog.set(N('StructTreeRoot'), rootRef);
  out.catalog.set(N('Outlines'), outlinesRef);
  const xmp = front.context.lookup(fc.get(N('Metadata')));
  if (xmp instanceof PDFRawStream) {
    const stream = ctx.stream(metadata(Buffer.from(decodePDFRawStream(xmp).decode()).toString('utf8'), pages.length, ua), { Type: 'Metadata', Subtype: 'XML' });
    out.catalog.set(N('Metadata'), ctx.register(stream));
  }
  const info = front.context.lookup(front.context.trailerInfo.Info);
  if (info instanceof PDFDict) ctx.trailerInfo.Info = ctx.register(info.clone(ctx));
  return out.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Infinity });
}
