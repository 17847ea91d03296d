/**
 * Entry point of a parse worker thread (`parse-pool.ts`): parses and validates NDJSON batches of
 * exchanges off the HTTP thread and answers with their columns.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lowerThreadPriority, nameThread } from '../store/priority.js';
import { HttpError, parseAndPack } from './parse.js';
import type { ParseReply, ParseRequest } from './parse-pool.js';

const port = parentPort;
if (port === null) throw new Error('server/parse-worker.ts must run in a worker thread');
const { maxRecords, nice } = workerData as { maxRecords: number; nice: number };
lowerThreadPriority(nice);
nameThread('dw-parse');

port.on('message', ({ id, body }: ParseRequest) => {
  let reply: ParseReply;
  try {
    const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    const batch = parseAndPack(buffer, maxRecords);
    // The texts' buffers move to the HTTP thread (no copy, nothing on its heap).
    const moved = [batch.lines.buffer, batch.ends.buffer];
    if (batch.packed) moved.push(batch.packed.data.buffer);
    port.postMessage({ id, ok: true, batch } satisfies ParseReply, moved as ArrayBuffer[]);
    return;
  } catch (error) {
    reply =
      error instanceof HttpError
        ? { id, ok: false, status: error.status, message: error.message }
        : { id, ok: false, status: 500, message: (error as Error)?.stack ?? String(error) };
  }
  port.postMessage(reply);
});
