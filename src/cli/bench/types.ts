/** The figures `npm run bench` writes as JSON (bench/results/). */
import type { Measurement, OutputSize } from './measure.ts';
import type { SiteWeight } from './weight.ts';

export interface BenchOptions {
  entries: number;
  runs: number;
  seed: number;
  /** Build with the PDFs, as `npm run build` does. */
  pdf: boolean;
  /** Empty the PDF cache before every build, so that every run prints. */
  coldPdf?: boolean;
  floor: boolean;
  weight: boolean;
  /** Editions of the history case (0: no history case). */
  history: number;
  /** The content folder to take the sample shape from and to weigh (default: bench/sample for the shape, content/ for the weight). */
  content?: string;
  log?: (s: string) => void;
}

export interface StepResult {
  step: 'check' | 'build' | 'floor';
  runs: Pick<Measurement, 'seconds' | 'peakMB'>[];
  medianSeconds: number;
  /** The build: how long its PDF step took in each run (from `--times`), and whether it printed or reused the PDFs. */
  pdfRuns?: { seconds: number; printed: boolean }[];
  entriesPerSecond: number;
  peakMB: number;
  /** Bytes of all files (apparent size). */
  outputMB?: number;
  /** Space on disk (du), as a host stores it: every file takes whole blocks. */
  diskMB?: number;
  largestHtmlKB?: number;
  ratioToFloor?: number;
}

/** One of the history case's two builds, run --runs times. */
export interface HistoryBuild {
  runs: (Pick<Measurement, 'seconds' | 'peakMB'> & { times: Record<string, number> })[];
  medianSeconds: number;
  peakMB: number;
  /** The median of each part of the build's `--times` line. */
  medianTimes: Record<string, number>;
  size: OutputSize;
  weight: SiteWeight;
}

export interface HistoryResult {
  /** Entries generated for the first edition, and in the last (entries are added and removed between editions). */
  entries: number;
  entriesLastEdition: number;
  editions: number;
  commits: number;
  asAts: string[];
  /** Past-edition pages (/<report>/editions/<as_at>/) built, and their size. */
  pastEditionPages: number;
  pastEditionPagesMB: number;
  /** The build of the repository (history) and of a copy of its last edition outside git (one edition). */
  history: HistoryBuild;
  withoutHistory: HistoryBuild;
  /** Median over runs of (history − without) in the same turn, and the ratio of the medians. */
  addedSeconds: number;
  ratio: number;
  /** The weight of the changes page and of the heaviest past-edition page (gzip, with CSS and JS). */
  changesPageKB: number;
  pastEditionPageKB: number;
  loadAverage: { before: number[]; after: number[] };
}

export interface BenchResult {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGB: number; node: string };
  /** The folder the sample shape came from, relative to the project. */
  sample: string;
  entries: number;
  runs: number;
  /** Whether the build made the PDFs; coldPdf: whether it printed them in every run (cache emptied). */
  pdf: boolean;
  coldPdf: boolean;
  loadAverage: { before: number[]; after: number[] };
  steps: StepResult[];
  /** The content weighed (relative to the project) and its pages' weights. */
  pageWeight?: { content: string; reportPageKB: number; entryPageKB: number; entryPage: string; reportPageFiles: string[]; entryPageFiles: string[]; scriptsOnOtherPages: string[] };
  historyCase?: HistoryResult;
}
