/**
 * content/site.yaml → the Site of the model, with a warning when the accessibility statement lacks what
 * the law asks, or when its compliance status does not fit the issues it lists.
 */
import { join } from 'node:path';
import { fieldName } from '../diagnostics.ts';
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
  // The compliance status must fit what the statement lists (the GOV.UK model statement names the non-compliances).
  const listed = a.knownIssues.length > 0;
  const mismatch =
    a.compliance === 'full' && listed
      ? { message: 'the accessibility statement says the website is fully compliant, but lists known issues', hint: 'set "compliance: partial" (or "not"), or remove the issues that have been fixed from "known_issues:"' }
      : a.compliance !== 'full' && !listed && a.lastReviewed
        ? {
            message: `the accessibility statement says the website is ${a.compliance === 'partial' ? 'partially compliant' : 'not compliant'} after its review, but lists no known issues`,
            hint: 'list each non-compliance the review found under "known_issues:", or set "compliance: full" if it found none',
          }
        : undefined;
  if (mismatch) {
    reader.diagnostics.push({ severity: 'warning', file: parsed.file, line: parsed.yaml.lineOf(['accessibility', 'compliance']), field: fieldName(['accessibility', 'compliance']), ...mismatch });
  }
  return data;
}
