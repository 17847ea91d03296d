/**
 * A small pool of worker threads that parse and validate NDJSON batches of exchanges
 * (`parse.ts`), so the HTTP thread only reads bodies and answers: JSON.parse and validation of a
 * 1,000-record batch take milliseconds, which an inline risk lookup must not wait behind, and on
 * a multi-core machine they run in parallel with the HTTP thread. Small bodies are parsed inline
 * (a thread hop costs more than they do). Workers start on first use.
 */
import { Worker } from 'node:worker_threads';
import { HttpError } from './body.js';
import { type ParsedBatch, parseExchangeBatch } from './parse.js';

/** A request to a parse worker. */
export interface ParseRequest {
  id: number;
  body: Uint8Array;
}

/** A parse worker's answer. */
export type ParseReply =
  | { id: number; ok: true; batch: ParsedBatch; joined: string }
  | { id: number; ok: false; status: number; message: string };

/** Parses batches, inline or on a worker thread. */
export interface ParsePool {
  parse(body: Buffer): Promise<ParsedBatch>;
  close(): Promise<void>;
}

/** Bodies smaller than this are parsed on the calling thread. */
const INLINE_BYTES = 64 * 1024;

/**
 * The batch with its texts sliced out of `joined` (their concatenation): V8 makes each a view of
 * the one large string, so the queue of records awaiting detection holds small objects only.
 */
function withTexts(batch: ParsedBatch, joined: string): ParsedBatch {
  const texts: string[] = [];
  let at = 0;
  for (const length of batch.lengths ?? []) {
    texts.push(joined.slice(at, at + length));
    at += length;
  }
  return { ...batch, texts, lengths: undefined };
}

function startWorker(maxRecords: number): Worker {
  const workerData = { maxRecords };
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./parse-worker.js', import.meta.url), { workerData });
  const entry = new URL('./parse-worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** Creates a pool of `size` parse workers (0: parse everything inline) for batches of at most `maxRecords`. */
export function createParsePool(size: number, maxRecords: number): ParsePool {
  const workers: { worker: Worker; busy: number }[] = [];
  const pending = new Map<
    number,
    { resolve: (batch: ParsedBatch) => void; reject: (error: Error) => void }
  >();
  let nextId = 1;

  const failAll = (error: Error) => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  const least = () => {
    if (workers.length < size) {
      const worker = startWorker(maxRecords);
      const slot = { worker, busy: 0 };
      worker.on('message', (reply: ParseReply) => {
        slot.busy--;
        const waiter = pending.get(reply.id);
        pending.delete(reply.id);
        if (!waiter) return;
        if (reply.ok) waiter.resolve(withTexts(reply.batch, reply.joined));
        else if (reply.status === 500) waiter.reject(new Error(`parse worker: ${reply.message}`));
        else waiter.reject(new HttpError(reply.status as 413, reply.message));
      });
      worker.on('error', (error) => failAll(error));
      worker.unref();
      workers.push(slot);
      return slot;
    }
    return workers.reduce((a, b) => (b.busy < a.busy ? b : a));
  };

  return {
    parse(body) {
      if (size === 0 || body.byteLength < INLINE_BYTES)
        return Promise.resolve().then(() => parseExchangeBatch(body, maxRecords));
      const slot = least();
      const id = nextId++;
      slot.busy++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, body } satisfies ParseRequest);
      });
    },
    async close() {
      failAll(new Error('the parse pool is closed'));
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
      workers.length = 0;
    },
  };
}
