/**
 * Which files of the content folder are read, and which are refused or
 * ignored, with a message for each: nothing is skipped without a word.
 *
 * Symbolic links are refused, files and folders alike, without following
 * them (lstat, never stat): a link could publish a file from outside the
 * project (a link to /proc/self/environ put environment variables in the
 * output of `check`). So are other special files (a named pipe would hang
 * the read). With no link followed, every path read lies inside the content
 * folder.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';

export type Kind = 'file' | 'folder' | 'link' | 'special' | 'missing';

/** What is at `path`, without following a symbolic link. */
export function kindOf(path: string): Kind {
  try {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return 'link';
    if (stat.isFile()) return 'file';
    if (stat.isDirectory()) return 'folder';
    return 'special';
  } catch {
    return 'missing';
  }
}

/** The message for a path that is neither a plain file nor a plain folder; undefined when it is one. */
export function refusal(kind: Kind, file: string): Diagnostic | undefined {
  if (kind === 'link') {
    return {
      severity: 'error',
      file,
      message: 'is a symbolic link, which is not allowed in the content folder',
      hint: 'replace the link with a real file (or folder): copy what it points to into its place',
    };
  }
  if (kind === 'special') {
    return { severity: 'error', file, message: 'is not a plain file or folder', hint: 'remove it from the content folder' };
  }
  return undefined;
}

/**
 * Tool files such as .gitkeep, .DS_Store or an editor's .entry.md.swp are
 * ignored silently: editors did not write them and can do nothing about
 * them. A hidden file that looks like content (.md, .markdown, .yaml, .yml)
 * was probably meant to be read, so it gets a warning. Hidden folders
 * (.git, an editor's settings) are ignored silently too.
 */
const CONTENT_LIKE = /\.(md|markdown|ya?ml)$/i;

export interface Listing {
  /** Plain files, sorted by name. */
  files: string[];
  /** Plain folders, sorted by name. */
  folders: string[];
}

/**
 * List a folder of the content: plain files and folders not hidden by a
 * leading dot. Links and special files are refused, hidden Markdown and YAML
 * files are reported as ignored.
 * @param rel turns a path into the form used in messages
 */
export function listFolder(dir: string, rel: (path: string) => string, diagnostics: Diagnostic[]): Listing {
  const listing: Listing = { files: [], folders: [] };
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    diagnostics.push({ severity: 'error', file: rel(dir), message: `cannot be read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
    return listing;
  }
  for (const name of names) {
    const path = join(dir, name);
    const kind = kindOf(path);
    const refused = refusal(kind, rel(path));
    if (refused) {
      diagnostics.push(refused);
      continue;
    }
    if (name.startsWith('.')) {
      if (kind === 'file' && CONTENT_LIKE.test(name)) {
        diagnostics.push({
          severity: 'warning',
          file: rel(path),
          message: 'is ignored because its name starts with a dot (a hidden file)',
          hint: `rename it without the leading dot${name.replace(/^\.+/, '') ? ` (e.g. "${name.replace(/^\.+/, '')}")` : ''} if it should be read, or delete it`,
        });
      }
      continue;
    }
    if (kind === 'file') listing.files.push(name);
    else if (kind === 'folder') listing.folders.push(name);
  }
  return listing;
}

/** A warning for a folder inside a report: its files are not read. */
function ignoredFolder(file: string): Diagnostic {
  return {
    severity: 'warning',
    file,
    message: 'is a folder inside a report; the files in it are ignored',
    hint: 'a report’s entries must sit directly in its folder: move them up one level, or move this folder out of content/',
  };
}

/**
 * The report folders in `reportsDir`; files beside them are reported as
 * ignored, links refused. Missing: none.
 */
export function listReports(reportsDir: string, rel: (path: string) => string, diagnostics: Diagnostic[]): string[] {
  const kind = kindOf(reportsDir);
  const refused = refusal(kind, rel(reportsDir));
  if (refused) diagnostics.push(refused);
  if (kind !== 'folder') return [];
  const { files, folders } = listFolder(reportsDir, rel, diagnostics);
  for (const name of files) {
    diagnostics.push({
      severity: 'warning',
      file: rel(join(reportsDir, name)),
      message: `is ignored: ${rel(reportsDir)} holds one folder per report, and files only inside them`,
      hint: 'move it into a report’s folder, or out of the content folder',
    });
  }
  return folders;
}

/** The files of a report folder; folders inside it are reported as ignored, links refused. */
export function listReportFiles(dir: string, rel: (path: string) => string, diagnostics: Diagnostic[]): string[] {
  const { files, folders } = listFolder(dir, rel, diagnostics);
  for (const name of folders) diagnostics.push(ignoredFolder(rel(join(dir, name))));
  return files;
}
