/**
 * A light reading of an entry for comparing editions: its frontmatter (with
 * the same gray-matter + yaml reading as the build) and its body cut into
 * sections at `## ` headings. No Markdown is rendered: an edition's text is
 * compared, not shown. Each distinct content is parsed once (by blob id).
 */
import { splitFrontmatter, normaliseText } from '../frontmatter.ts';
import { parseYaml } from '../yaml.ts';
import type { Section } from './types.ts';

export interface ParsedEntry {
  data?: Record<string, unknown>;
  sections: Section[];
  problem?: string;
}

export interface ParsedReport {
  data: Record<string, unknown>;
  /** The valid as_at (YYYY-MM-DD), if any. */
  asAt?: string;
}

const DECODER = new TextDecoder('utf-8');

/** What a ParseCache keeps between builds (saved with node:v8's serialize, which keeps Dates). */
export interface SavedParses {
  entries: [string, ParsedEntry][];
  reports: [string, ParsedReport][];
}

export class ParseCache {
  private entries: Map<string, ParsedEntry>;
  private reports: Map<string, ParsedReport>;
  /** The blobs asked for since this cache was made: what is worth keeping for the next build. */
  private used = new Set<string>();
  /** Files parsed so far. */
  parses = 0;

  /** Parses kept from an earlier build (src/build/history-worker.ts), if any. */
  constructor(saved?: SavedParses) {
    this.entries = new Map(saved?.entries);
    this.reports = new Map(saved?.reports);
  }

  /** The parses of the blobs asked for since this cache was made. */
  save(): SavedParses {
    const keep = <T>(parses: Map<string, T>) => [...parses].filter(([blob]) => this.used.has(blob));
    return { entries: keep(this.entries), reports: keep(this.reports) };
  }

  entry(blob: string, content: Buffer | string): ParsedEntry {
    return this.memo(this.entries, blob, content, parseEntry);
  }

  /** The parse of this blob, if it has been parsed. */
  getEntry(blob: string): ParsedEntry | undefined {
    this.used.add(blob);
    return this.entries.get(blob);
  }

  report(blob: string, content: Buffer | string): ParsedReport {
    return this.memo(this.reports, blob, content, parseReport);
  }

  /** A blob's parse, made once: a blob's content never changes. */
  private memo<T>(parses: Map<string, T>, blob: string, content: Buffer | string, parse: (text: string) => T): T {
    this.used.add(blob);
    let parsed = parses.get(blob);
    if (!parsed) {
      parsed = parse(typeof content === 'string' ? content : DECODER.decode(content));
      parses.set(blob, parsed);
      this.parses++;
    }
    return parsed;
  }

  getReport(blob: string): ParsedReport | undefined {
    this.used.add(blob);
    return this.reports.get(blob);
  }
}

export function parseEntry(text: string): ParsedEntry {
  const split = splitFrontmatter(text);
  const sections = splitSections(split.body);
  const first = split.problems[0];
  if (first) return { sections, problem: `line ${first.line}: ${first.message}` };
  const data = split.yaml?.data;
  return { data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}, sections };
}

export function parseReport(text: string): ParsedReport {
  const parsed = parseYaml(normaliseText(text));
  const data = parsed.data && typeof parsed.data === 'object' && !Array.isArray(parsed.data) ? (parsed.data as Record<string, unknown>) : {};
  const asAt = isoDate(data.as_at);
  return asAt ? { data, asAt } : { data };
}

/** A real calendar date as YYYY-MM-DD (a YAML text or a Date), else undefined. */
export function isoDate(value: unknown): string | undefined {
  const text = value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text ? text : undefined;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}## +(.*?)(?: +#+)? *$/;

/**
 * The body cut at each `## ` heading (not inside a fenced code block). Text
 * before the first heading is a section with heading "" when it is not blank.
 * Each section's text is trimmed, with trailing spaces removed from its lines,
 * so re-wrapping whitespace alone is not a change.
 */
export function splitSections(body: string): Section[] {
  const sections: Section[] = [];
  let heading = '';
  let lines: string[] = [];
  let fence: string | undefined;
  const flush = () => {
    const text = lines.map((l) => l.trimEnd()).join('\n').trim();
    if (heading !== '' || text !== '') sections.push({ heading, text });
  };
  for (const line of normaliseText(body).split('\n')) {
    const open = FENCE.exec(line)?.[1];
    if (fence) {
      if (open && open[0] === fence[0] && open.length >= fence.length && line.trim() === open) fence = undefined;
    } else if (open) {
      fence = open;
    } else {
      const match = HEADING.exec(line);
      if (match) {
        flush();
        heading = match[1]!.trim();
        lines = [];
        continue;
      }
    }
    lines.push(line);
  }
  flush();
  return sections;
}
