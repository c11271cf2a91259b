/**
 * A child process of the PDF step (typesetters.ts): typesets each document
 * or part it is sent with its own Typst compiler, and sends the PDF back.
 */
import { typeset } from './typeset.ts';
import type { Reply } from './typesetters.ts';

process.on('message', (message: { id: number; doc: Parameters<typeof typeset>[0]; tags: boolean }) => {
  let reply: Reply;
  try {
    reply = { id: message.id, result: typeset(message.doc, { tags: message.tags }) };
  } catch (error) {
    reply = { id: message.id, error: error instanceof Error ? error.message : String(error), ...((error as { code?: string }).code ? { code: (error as { code: string }).code } : {}) };
  }
  process.send!(reply);
});
// The step ends this process when it has no more to typeset; it ends on its own if the step does.
process.on('disconnect', () => process.exit(0));
