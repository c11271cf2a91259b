/** content/site.yaml → the Site of the model, with a warning when the accessibility statement lacks what the law asks. */
import { join } from 'node:path';
import type { Site } from '../model.ts';
import { siteModelSchema } from '../schema.ts';
import { exists, readYamlFile, type Reader } from './read.ts';
import { validate } from './validate.ts';

export function readSite(reader: Reader, contentDir: string): Site | undefined {
  const path = join(contentDir, 'site.yaml');
  if (!exists(path)) {
    reader.diagnostics.push({ severity: 'error', file: reader.rel(path), message: 'is missing', hint: 'create it with at least "title:" and "organisation:"' });
    return undefined;
  }
  const parsed = readYamlFile(reader, path);
  const data = parsed && validate(siteModelSchema, parsed.yaml, parsed.file, reader.diagnostics, 'site setting');
  if (!parsed || !data) return undefined;
  const a = data.accessibility;
  const missing = [
    !a.contactEmail && !a.contactPhone && !a.contactAddress && 'a contact (contact_email, contact_phone or contact_address)',
    !a.lastReviewed && 'the date of its last review (last_reviewed)',
  ].filter(Boolean);
  if (missing.length) {
    reader.diagnostics.push({
      severity: 'warning',
      file: parsed.file,
      line: parsed.yaml.lineOf(['accessibility']),
      field: 'accessibility',
      message: `the accessibility statement lacks ${missing.join(' and ')}`,
      hint: 'public bodies must publish how to report an accessibility problem: add them under "accessibility:" (see docs/editing.md)',
    });
  }
  return data;
}
