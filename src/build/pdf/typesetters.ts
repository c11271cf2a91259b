/**
 * Typst in child processes (typeset-child.ts), each with its own compiler:
 * the parts of the PDFs are typeset there, `count` at a time, and the
 * processes end before the parts are joined, so the memory Typst keeps
 * (fonts, layout caches) is given back to the machine before the joined PDF
 * is built in this one: the build's peak is the larger of the two, not both.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { PrintDocument, PrintPart } from '../../core/print/types.ts';
import type { Typeset } from './typeset.ts';

interface Job {
  doc: PrintDocument | PrintPart;
  tags: boolean;
  resolve: (result: Typeset) => void;
  reject: (error: Error) => void;
}

export type Reply = { id: number; result: Typeset } | { id: number; error: string; code?: string };

export class Typesetters {
  private readonly children: { process: ChildProcess; busy?: Job & { id: number } }[] = [];
  private readonly queue: Job[] = [];
  private next = 0;
  private closed = false;

  private readonly count: number;

  constructor(count: number) {
    this.count = count;
  }

  /** Typesets a document or a part in one of the child processes; rejects with Typst's message (and its code). */
  typeset(doc: PrintDocument | PrintPart, { tags = true }: { tags?: boolean } = {}): Promise<Typeset> {
    if (this.closed) return Promise.reject(new Error('the typesetters are closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ doc, tags, resolve, reject });
      this.pump();
    });
  }

  private spawn() {
    const child = {
      process: fork(new URL('./typeset-child.ts', import.meta.url), [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
      busy: undefined as (Job & { id: number }) | undefined,
    };
    child.process.on('message', (reply: Reply) => {
      const job = child.busy;
      child.busy = undefined;
      if (job && job.id === reply.id) {
        if ('result' in reply) job.resolve({ ...reply.result, pdf: Buffer.from(reply.result.pdf.buffer, reply.result.pdf.byteOffset, reply.result.pdf.byteLength) });
        else job.reject(Object.assign(new Error(reply.error), reply.code ? { code: reply.code } : {}));
      }
      this.pump();
    });
    child.process.on('exit', (code, signal) => {
      const index = this.children.indexOf(child);
      if (index >= 0) this.children.splice(index, 1);
      const job = child.busy;
      if (job) job.reject(new Error(`Typst's process ended unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`})${signal === 'SIGKILL' ? '; the machine may have run out of memory' : ''}`));
      if (!this.closed) this.pump();
    });
    // (Node could not start it: the job it was given fails with why; 'exit' may not follow.)
    child.process.on('error', (error) => {
      const index = this.children.indexOf(child);
      if (index >= 0) this.children.splice(index, 1);
      const job = child.busy;
      child.busy = undefined;
      job?.reject(new Error(`Typst's process could not run: ${error.message}`));
    });
    this.children.push(child);
    return child;
  }

  private pump() {
    while (this.queue.length) {
      const child = this.children.find((c) => !c.busy) ?? (this.children.length < this.count ? this.spawn() : undefined);
      if (!child) return;
      const job = { ...this.queue.shift()!, id: this.next++ };
      child.busy = job;
      child.process.send({ id: job.id, doc: job.doc, tags: job.tags });
    }
  }

  /** Ends the child processes (what they are typesetting is lost). */
  close(): void {
    this.closed = true;
    for (const child of this.children.splice(0)) child.process.kill();
    for (const job of this.queue.splice(0)) job.reject(new Error('the typesetters are closed'));
  }
}
