/**
 * The page count of a PDF written by Chromium: the /Count of its page tree
 * root. Chromium (Skia) writes the page tree uncompressed, so this is read
 * directly rather than with a PDF library; the tests check it against
 * poppler's pdfinfo.
 */
export function pdfPageCount(pdf: Uint8Array): number | undefined {
  const text = Buffer.from(pdf).toString('latin1');
  let best: number | undefined;
  // Each page-tree dictionary: << … /Type /Pages … /Count n … >> (no nested dictionaries).
  for (const match of text.matchAll(/<<((?:(?!<<|>>)[^])*?\/Type\s*\/Pages\b(?:(?!<<|>>)[^])*)>>/g)) {
    const count = /\/Count\s+(\d+)/.exec(match[1]!);
    if (!count) continue;
    const n = Number(count[1]);
    // The root of the tree has the largest count.
    if (best === undefined || n > best) best = n;
  }
  return best;
}

/** "Download as PDF (A4, 6 pages, 210 KB)" */
export function pdfLinkText(pages: number, bytes: number): string {
  const size = bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `Download as PDF (A4, ${pages} ${pages === 1 ? 'page' : 'pages'}, ${size})`;
}
