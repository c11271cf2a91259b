/**
 * Fixes worked out from what the editor actually wrote, so that a message can
 * say "write 2024-03-20" or show the corrected line rather than a rule and an
 * unrelated example. Pure functions over text; no knowledge of any schema.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date as YYYY-MM-DD when it exists in the calendar. */
function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const spoken = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
};

export interface DateSuggestion {
  /** The date as YYYY-MM-DD, when the value can only mean one date. */
  date?: string;
  /** Both readings of a value like 03/04/2024 (day first as in the UK, month first as in the US). */
  either?: [dayFirst: string, monthFirst: string];
}

/**
 * How a date written another way reads as YYYY-MM-DD: DD/MM/YYYY and D/M/YYYY
 * (also with "." or "-"), YYYY/MM/DD and YYYY-M-D, and with the month in
 * words ("31 March 2025", "31-Mar-2025", "March 31, 2025"). A day-first date is only
 * converted when it cannot be month-first (the day is over 12, or day and
 * month are the same); otherwise both readings are given.
 */
export function suggestDate(value: string): DateSuggestion | undefined {
  const text = value.trim();
  const yearFirst = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(text);
  if (yearFirst) {
    const date = isoDate(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]));
    return date ? { date } : undefined;
  }
  const named = monthNamed(text);
  if (named) {
    const date = isoDate(named.year, named.month, named.day);
    return date ? { date } : undefined;
  }
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!dayFirst) return undefined;
  const [a, b, year] = [Number(dayFirst[1]), Number(dayFirst[2]), Number(dayFirst[3])];
  const uk = isoDate(year, b, a);
  const us = isoDate(year, a, b);
  if (uk && us && uk !== us) return { either: [uk, us] };
  const date = uk ?? us;
  return date ? { date } : undefined;
}

/** A month by its name or first three letters ("March", "Mar", "Sept"), 1–12. */
function monthNumber(name: string): number | undefined {
  const word = name.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.findIndex((m) => m.toLowerCase() === word || (word.length >= 3 && m.toLowerCase().startsWith(word)));
  return i >= 0 ? i + 1 : undefined;
}

/** "31 March 2025", "31st Mar 2025", "31-Mar-2025" (as spreadsheets write it) or "March 31, 2025": the month in words leaves no doubt. */
function monthNamed(text: string): { year: number; month: number; day: number } | undefined {
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]+\.?)[\s,-]+(\d{4})$/i.exec(text);
  const monthFirst = /^([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(text);
  const [day, name, year] = dayFirst ? [dayFirst[1], dayFirst[2], dayFirst[3]] : monthFirst ? [monthFirst[2], monthFirst[1], monthFirst[3]] : [];
  const month = name === undefined ? undefined : monthNumber(name);
  return month === undefined ? undefined : { year: Number(year), month, day: Number(day) };
}

/** `write 2024-03-20`, or both readings when the value could be either. */
export function dateFix(value: string): string | undefined {
  const s = suggestDate(value);
  if (s?.date) return `write ${s.date}`;
  if (s?.either) return `write ${s.either[0]} for ${spoken(s.either[0])}, or ${s.either[1]} for ${spoken(s.either[1])}`;
  return undefined;
}

/**
 * `value` written as a YAML string in quotes, as it should be published: quotes
 * typed around it (including the curly ones a word processor puts in, which
 * YAML does not read as quotes) are taken off first.
 */
export function quoteYaml(value: string): string {
  let text = value.trim();
  const around = /^(["'“”‘’„«])(.*)(["'“”‘’«»])$/su.exec(text);
  // Only quotes around the whole value: in `“Risk” plan: “new”` they belong to the text.
  if (around && !/["“”„«»]/u.test(around[2]!)) text = around[2]!.trim();
  if (!/["\\]/.test(text)) return `"${text}"`;
  return `'${text.replaceAll("'", "''")}'`;
}

/** Curly quotes typed around a value: YAML does not read them as quotes, so they would be published. */
export function hasCurlyQuotes(value: string): boolean {
  return /^[“”‘’„«]|[“”‘’«»]$/u.test(value.trim());
}

export interface ValueProblem {
  /** The field's name (the last part of its path). */
  key: string;
  /** The value as YAML read it. */
  value: unknown;
  /** What the schema says it must be. */
  mustBe: string;
  /** The file's line with the field, as written. */
  lineText: string;
  /** Whether a group of fields was expected here (e.g. an evidence item). */
  fieldsExpected?: boolean;
}

/**
 * A better message and hint for a value that failed its schema, when what was
 * written shows the cause: a `#` that began a comment, a date written the
 * UK way round. Undefined when the general message is the best there is.
 */
export function explainValue({ key, value, mustBe, lineText, fieldsExpected }: ValueProblem): { message: string; hint: string } | undefined {
  // `colour: #fff2cc`: YAML reads " #" as the start of a comment, so the value is empty.
  const hash = new RegExp(`^\\s*(?:-\\s+)?${escapeRegExp(key)}:\\s+(#\\S.*?)\\s*$`).exec(lineText);
  if (value === null && hash) {
    return {
      message: `is empty: # starts a comment in YAML, so "${hash[1]}" was not read`,
      hint: `put the value in quotes: ${key}: ${quoteYaml(hash[1]!)}`,
    };
  }
  // `- title:Board paper` is read as the text "title:Board paper", not as a field.
  const fix = typeof value === 'string' && fieldsExpected ? spaceAfterColon(value) : undefined;
  if (fix) return fix;
  // `order: "10"`: a number in quotes is text.
  if (typeof value === 'string' && /^-?\d+(?:\.\d+)?$/.test(value.trim()) && /\bnumber\b/.test(mustBe)) {
    return { message: `"${value}" is in quotes, so it is read as text, not as a number`, hint: `take the quotes off: ${key}: ${value.trim()}` };
  }
  if (typeof value === 'string' && /YYYY-MM-DD/.test(mustBe)) {
    const fix = dateFix(value);
    const dates = suggestDate(value);
    const lines = (dates?.date ? [dates.date] : (dates?.either ?? [])).map((d) => `${key}: '${d}'`);
    if (fix && lines.length) return { message: `"${value}" must be a date written YYYY-MM-DD: ${fix}`, hint: `change the line to ${lines.join(' or ')}` };
  }
  return undefined;
}

/**
 * `status:move-on`: without a space after the colon YAML reads a field as
 * text, or cannot read the lines at all. `line` is the text of the line
 * without its indentation; undefined when it is not such a field.
 */
export function spaceAfterColon(line: string): { message: string; hint: string } | undefined {
  const squeezed = /^(?:-\s+)?([A-Za-z_][\w-]*):(?![\s/])(\S.*)$/.exec(line.trim());
  if (!squeezed) return undefined;
  return {
    message: `there is no space after the colon in "${squeezed[1]}:${squeezed[2]!.trim()}"`,
    hint: `put a space after the colon: ${squeezed[1]}: ${squeezed[2]!.trim()}`,
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
