/**
 * `npm run build`: the search index made from the pages as Astro renders them.
 * The page process hands over each page the index reads (src/site/search-pages.ts),
 * as it is rendered, through a pipe of its own (the bytes as they are, where the
 * IPC channel would serialise them on the page process's busy thread); here, in
 * the build's own process, Pagefind
 * (its Node API, which runs Pagefind in a process of its own) reads each one as
 * it comes, on the core Astro leaves free, instead of reading them all from disk
 * once every page is written. Pages are added in the order Astro lists them,
 * whatever order they finish in, so the index is the same from build to build.
 *
 * Once the pages are written, `finish` writes the index, after checking that
 * the pages read are exactly the files the search-index step would read from
 * disk (INDEXED_PAGES); when they are not, it removes what it wrote and says
 * so, and the step (pagefind.ts) reads them from disk as before.
 */
import { globSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type * as Pagefind from 'pagefind';
import { INDEXED_PAGES } from '../core/routes.ts';
import { openIndex, pagefindError, writeIndex, type Index } from './pagefind-index.ts';


/** The search-index step's name (pagefind.ts), in the build's summary and `--times`. */
export const SEARCH_INDEX_STEP = 'search index';

/**
 * The pipe's frames: a type (0: the list of pages to come, as JSON; 1: a page),
 * the lengths of the name and the body (32-bit), the name (a page's file) and the body.
 */
const LIST = 0;
const PAGE = 1;
const HEADER = 9;

function frame(type: number, name: string, body: Uint8Array): Buffer {
  const nameBytes = Buffer.from(name);
  const out = Buffer.allocUnsafe(HEADER + nameBytes.length + body.length);
  out.writeUInt8(type, 0);
  out.writeUInt32BE(nameBytes.length, 1);
  out.writeUInt32BE(body.length, 5);
  nameBytes.copy(out, HEADER);
  out.set(body, HEADER + nameBytes.length);
  return out;
}

/** The page process's end of the pipe: what it writes into it. */
export const searchFrames = {
  list: (files: string[]): Buffer => frame(LIST, '', Buffer.from(JSON.stringify(files))),
  page: (file: string, html: Uint8Array): Buffer => frame(PAGE, file, html),
};

export class SearchFeed {
  /** Pagefind's module, loaded with the first message (not while the build starts). */
  private pagefind?: typeof Pagefind;
  private index?: Promise<Index>;
  /** The files to come, in the order they are added. */
  private order: string[] = [];
  private next = 0;
  private waiting = new Map<string, Buffer>();
  private adds: Promise<string[]>[] = [];
  /** Why the pages handed over cannot make the index, if they cannot. */
  private problem?: string;
  /** Resolves once the page process has closed the pipe. */
  private ended: Promise<void> = Promise.resolve();

  /** True once the page process has said which pages it will hand over. */
  get started(): boolean {
    return this.index !== undefined;
  }

  /** Reads the pipe the page process writes the pages into, to its end. */
  read(pipe: Readable): void {
    let chunks: Buffer[] = [];
    let length = 0;
    this.ended = new Promise((resolve) => {
      pipe.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        length += chunk.length;
        for (;;) {
          if (length < HEADER) return;
          if (chunks.length > 1) chunks = [Buffer.concat(chunks)];
          const head = chunks[0]!;
          const nameLength = head.readUInt32BE(1);
          const end = HEADER + nameLength + head.readUInt32BE(5);
          if (length < end) return;
          if (chunks.length > 1) chunks = [Buffer.concat(chunks)];
          const all = chunks[0]!;
          const name = all.toString('utf8', HEADER, HEADER + nameLength);
          const body = all.subarray(HEADER + nameLength, end);
          if (all[0] === LIST) this.expect(JSON.parse(body.toString('utf8')) as string[]);
          else this.page(name, body);
          chunks = end < all.length ? [all.subarray(end)] : [];
          length -= end;
        }
      });
      pipe.once('end', resolve);
      pipe.once('error', (error) => {
        this.problem ??= `the pipe broke (${error.message})`;
        resolve();
      });
    });
  }

  private expect(files: string[]): void {
    if (this.index) return void (this.problem ??= 'the pages were listed twice');
    this.order = files;
    this.index = import('pagefind').then((pagefind) => openIndex((this.pagefind = pagefind)));
    // Its errors are thrown by finish().
    this.index.catch(() => {});
  }

  private page(file: string, html: Buffer): void {
    if (!this.index) return void (this.problem ??= `${file} came before the list of pages`);
    if (this.waiting.has(file) || this.order.indexOf(file) < this.next) return void (this.problem ??= `${file} came twice`);
    this.waiting.set(file, html);
    for (let file = this.order[this.next]; file !== undefined && this.waiting.has(file); file = this.order[++this.next]) {
      const content = this.waiting.get(file)!.toString('utf8');
      this.waiting.delete(file);
      this.adds.push(this.index.then((index) => index.addHTMLFile({ sourcePath: file, content })).then((r) => r.errors));
    }
  }

  /**
   * Writes the index into <dir>/pagefind and returns how many pages it read;
   * or, when the pages handed over are not the site's (`reason` says how),
   * writes nothing. Throws Pagefind's own errors, as the step does.
   */
  async finish(dir: string): Promise<{ pages: number } | { reason: string }> {
    await this.ended;
    if (!this.index) return { reason: 'no page was handed over' };
    const index = await this.index;
    const missing = this.order.slice(this.next);
    if (!this.problem && missing.length) this.problem = `${missing.length} of the ${this.order.length} pages never came (${missing[0]}, …)`;
    if (!this.problem) {
      const errors = (await Promise.all(this.adds)).flat();
      if (errors.length) throw pagefindError('index the site', errors);
      if (this.order.length === 0) throw pagefindError('index the site', ['no page has data-pagefind-body']);
      const writing = writeIndex(index, dir);
      // While Pagefind writes: are the pages on disk those handed over?
      const onDisk = globSync(INDEXED_PAGES, { cwd: dir });
      const handed = new Set(this.order);
      const odd = onDisk.filter((f) => !handed.has(f));
      if (odd.length || onDisk.length !== handed.size) this.problem = `the pages written (${onDisk.length}) are not those handed over (${handed.size})${odd.length ? `, e.g. ${odd[0]}` : ''}`;
      await writing;
    }
    if (this.problem) {
      await index.deleteIndex();
      rmSync(join(dir, 'pagefind'), { recursive: true, force: true });
      return { reason: this.problem };
    }
    return { pages: this.order.length };
  }

  /** Stops Pagefind's process, if it was started. */
  close(): void {
    void this.pagefind?.close();
  }
}
