/**
 * A small pool of worker threads that parse and validate NDJSON batches of exchanges
 * (`parse.ts`), so the HTTP thread only reads bodies and answers: JSON.parse and validation of a
 * 1,000-record batch take milliseconds, which an inline risk lookup must not wait behind, and on
 * a multi-core machine they run in parallel with the HTTP thread. Small bodies are parsed inline
 * (a thread hop costs more than they do). Workers start on first use.
 */
import type { Worker } from 'node:worker_threads';
import { startThread } from '../threads/start.js';
import { HttpError } from './body.js';
import { type ParsedBatch, parseExchangeBatch } from './parse.js';

/** A request to a parse worker. */
export interface ParseRequest {
  id: number;
  body: Uint8Array;
}

/** A parse worker's answer. */
export type ParseReply =
  | { id: number; ok: true; batch: ParsedBatch }
  | { id: number; ok: false; status: number; message: string };

/** Parses batches, inline or on a worker thread. */
export interface ParsePool {
  /** Parses a body; it takes the body (moved to a worker thread: the caller must not use it after). */
  parse(body: Buffer): Promise<ParsedBatch>;
  close(): Promise<void>;
}

/** Bodies smaller than this are parsed on the calling thread. */
const INLINE_BYTES = 64 * 1024;

/**
 * Creates a pool of `size` parse workers (0: parse everything inline) for batches of at most
 * `maxRecords`, running at priority `nice` (default 0: unchanged; the service uses `INGEST_NICE`).
 */
export function createParsePool(size: number, maxRecords: number, nice = 0): ParsePool {
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
      const worker = startThread(import.meta.url, 'parse-worker', { maxRecords, nice });
      const slot = { worker, busy: 0 };
      worker.on('message', (reply: ParseReply) => {
        slot.busy--;
        const waiter = pending.get(reply.id);
        pending.delete(reply.id);
        if (!waiter) return;
        if (reply.ok) waiter.resolve(reply.batch);
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
      // The body moves to the worker (it is not used here again) when it owns its memory.
      const owned = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
      const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        slot.worker.postMessage(
          { id, body: bytes } satisfies ParseRequest,
          owned ? [bytes.buffer as ArrayBuffer] : [],
        );
      });
    },
    async close() {
      failAll(new Error('the parse pool is closed'));
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
      workers.length = 0;
    },
  };
}
