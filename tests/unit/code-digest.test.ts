/** The digest caches are keyed by (src/build/code-digest.ts): every package's version found, and a change of files or packages a change of digest. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeDigest, packageVersion } from '../../src/build/code-digest.ts';
import { TYPESET_CODE } from '../../src/build/pdf/typeset.ts';

describe('the digest of the code a cache depends on', () => {
  it("finds the version of every package the PDF's cache depends on, even one whose exports leave out its package.json", () => {
    for (const pkg of [...TYPESET_CODE.packages, '@cantoo/pdf-lib', 'yaml', 'gray-matter']) expect(packageVersion(pkg), pkg).toMatch(/^\d+\.\d+\.\d+/);
    expect(packageVersion('no-such-package-anywhere')).toBe('?');
  });

  it('changes with the files and with the packages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digest-'));
    const [a, b] = [join(dir, 'a.ts'), join(dir, 'b.ts')];
    writeFileSync(a, 'one');
    writeFileSync(b, 'two');
    const digests = [codeDigest([a], ['yaml']), codeDigest([b], ['yaml']), codeDigest([a], ['gray-matter']), codeDigest([a, b], ['yaml'])];
    expect(new Set(digests).size).toBe(4);
    expect(codeDigest([a], ['yaml'])).toBe(digests[0]);
  });
});
