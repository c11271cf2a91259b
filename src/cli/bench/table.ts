/** The bench's figures as the table it prints (BENCHMARKS.md quotes it). */
import { median } from './measure.ts';
import type { BenchResult, HistoryResult } from './types.ts';
import { WEIGHT_TARGETS } from './weight.ts';

/** What history may add to the build of 1,000 entries over 12 editions (issue "Editions and history"). */
export const HISTORY_TARGET_SECONDS = 2;

export function table(result: BenchResult): string {
  const header = ['step', 'entries', 'wall s (median)', 'entries/s', 'peak MB', 'output MB (bytes)', 'output MB (disk)', 'largest HTML KB', 'time ratio to floor'];
  const rows = result.steps.map((s) => [
    s.step,
    String(result.entries),
    s.medianSeconds.toFixed(2),
    String(s.entriesPerSecond),
    String(s.peakMB),
    s.outputMB === undefined ? '' : s.outputMB.toFixed(2),
    s.diskMB === undefined ? '' : s.diskMB.toFixed(2),
    s.largestHtmlKB === undefined ? '' : s.largestHtmlKB.toFixed(1),
    s.ratioToFloor === undefined ? '' : `${s.ratioToFloor.toFixed(2)}×`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const out = [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)];
  const build = result.steps.find((s) => s.step === 'build');
  const floor = result.steps.find((s) => s.step === 'floor');
  if (!result.pdf) out.push('build: without the PDFs (--no-pdf)');
  else if (build?.pdfRuns) {
    const printed = build.pdfRuns.filter((r) => r.printed);
    const reused = build.pdfRuns.filter((r) => !r.printed);
    const runsOf = (rs: { seconds: number }[]) => rs.map((r) => `${r.seconds.toFixed(2)} s`).join(', ');
    out.push(
      `build: with the PDFs (standard and large print); the PDF step ${printed.length ? `printed them in ${runsOf(printed)}` : 'printed none'}${reused.length ? `, reused them unchanged from the cache in ${runsOf(reused)}` : ''}`,
    );
    const printedRuns = build.runs.filter((_, i) => build.pdfRuns![i]!.printed);
    if (floor && printedRuns.length && reused.length) {
      const m = median(printedRuns.map((r) => r.seconds));
      out.push(`build with the PDFs printed (cache empty): ${m.toFixed(2)} s${printedRuns.length > 1 ? ' median' : ''}, ${(m / floor.medianSeconds).toFixed(2)}× the floor`);
    }
  }
  if (build?.outputMB !== undefined && floor?.outputMB) {
    out.push(`output size ratio to floor: ${(build.outputMB / floor.outputMB).toFixed(2)}× in bytes, ${build.diskMB && floor.diskMB ? (build.diskMB / floor.diskMB).toFixed(2) : '?'}× on disk`);
  }
  if (result.pageWeight) {
    const w = result.pageWeight;
    out.push(`page weight (gzip, with its CSS and JS) of ${w.content}: report page ${w.reportPageKB} KB (target ≤ ${WEIGHT_TARGETS.reportPageKB} KB), heaviest entry page ${w.entryPageKB} KB (≤ ${WEIGHT_TARGETS.entryPageKB} KB)`);
    out.push(`pages other than search and the table that load JavaScript: ${w.scriptsOnOtherPages.length || 'none'}`);
  }
  out.push(`load average before and after: ${result.loadAverage.before.join(' ')} / ${result.loadAverage.after.join(' ')}`);
  if (result.historyCase) out.push('', historyTable(result.historyCase, result.pdf));
  return out.join('\n');
}

const s2 = (n: number) => n.toFixed(2);

/** The history case: the two builds side by side, what history added, and the page weights. */
export function historyTable(h: HistoryResult, pdf = true): string {
  const part = (b: HistoryResult['history'], name: string) => (b.medianTimes[name] === undefined ? '' : s2(b.medianTimes[name]!));
  const rows = [
    ['build', 'runs, s', 'wall s (median)', 'pages s', 'PDF s', 'peak MB', 'output MB (bytes)', 'report page KB', 'heaviest entry page KB'],
    ...([['with history', h.history], ['without history', h.withoutHistory]] as const).map(([name, b]) => [
      name,
      b.runs.map((r) => s2(r.seconds)).join(', '),
      s2(b.medianSeconds),
      part(b, 'pages'),
      pdf ? part(b, 'pdf') : '',
      String(b.peakMB),
      s2(b.size.outputMB),
      String(b.weight.report.kb),
      String(b.weight.entry.kb),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  return [
    `history case: ${h.entries} entries over ${h.editions} editions (${h.asAts[0]} to ${h.asAts.at(-1)}, ${h.commits} commits), ${h.entriesLastEdition} in the last edition`,
    line(rows[0]!),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...rows.slice(1).map(line),
    `history added ${s2(h.addedSeconds)} s to the build (median of the differences in each turn; ratio of the medians ${s2(h.ratio)}×)${h.entries === 1000 && h.editions === 12 ? `: target ≤ ${HISTORY_TARGET_SECONDS} s ${met(h.addedSeconds <= HISTORY_TARGET_SECONDS)}` : ''}`,
    `past-edition pages: ${h.pastEditionPages}, ${s2(h.pastEditionPagesMB)} MB; heaviest ${h.pastEditionPageKB} KB gzip; changes page ${h.changesPageKB} KB gzip`,
    `page weight with history: report page ${h.history.weight.report.kb} KB (without ${h.withoutHistory.weight.report.kb} KB; target ≤ ${WEIGHT_TARGETS.reportPageKB} KB ${met(h.history.weight.report.kb <= WEIGHT_TARGETS.reportPageKB)}), heaviest entry page ${h.history.weight.entry.kb} KB (without ${h.withoutHistory.weight.entry.kb} KB; target ≤ ${WEIGHT_TARGETS.entryPageKB} KB ${met(h.history.weight.entry.kb <= WEIGHT_TARGETS.entryPageKB)})`,
    `load average before and after: ${h.loadAverage.before.join(' ')} / ${h.loadAverage.after.join(' ')}`,
  ].join('\n');
}
