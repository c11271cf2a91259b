/**
 * Read CSV with Python's csv module in strict mode: a reader written apart from
 * csv-stringify, which wrote the file, so the two cannot share a mistake.
 * Python raises on a stray quote; a cell with an unquoted line break shows as
 * extra records of the wrong width, which the tests count.
 */
import { execFileSync } from 'node:child_process';

const READER = `
import csv, io, json, sys
text = io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8-sig', newline='')
json.dump(list(csv.reader(text, strict=True)), sys.stdout)
`;

export function readCsvStrictly(csv: string | Buffer): string[][] {
  return JSON.parse(execFileSync('python3', ['-c', READER], { input: csv, encoding: 'utf8' })) as string[][];
}

/** The lines of the cells that a spreadsheet would run as formulas: start with =, +, -, @, tab or CR. */
export function formulaLines(rows: string[][]): string[] {
  return rows.flat().flatMap((cell) => cell.split('\n')).filter((line) => /^[=+\-@\t\r]/.test(line));
}
