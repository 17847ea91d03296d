/**
 * Entry point of the store thread (`threaded.ts`): opens the embedded DuckDB store here and
 * answers the `Store` calls posted to it, so that staging rows, appender flushes and statement
 * preparation never run on the HTTP thread. Calls are answered as they complete (the store
 * orders its own statements); a replay streams its batches one at a time, each acknowledged
 * before the next, so the caller's back-pressure holds across the thread boundary.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { OperatorError } from '../core/errors.js';
import { type DuckDbStoreOptions, openDuckDbStore } from './duckdb.js';
import { lowerThreadPriority, nameThread } from './priority.js';
import type { Store } from './types.js';

/** A call to the store thread. */
export interface StoreCall {
  id: number;
  method: keyof Store;
  args: unknown[];
}

/** What the store thread posts back: an answer, a replay batch, or a failure (operator errors keep their kind). */
export type StoreMessage =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { message: string; kind?: OperatorError['kind'] } }
  | { id: number; batch: unknown[]; seq: number };

/** Sent to the store thread after each replay batch was taken. */
export interface ReplayAck {
  ack: number;
}

const port = parentPort;
if (port === null) throw new Error('store/duckdb-thread.ts must run in a worker thread');
const { path, options, nice } = workerData as { path: string; options: DuckDbStoreOptions; nice: number };
// The store thread's own priority and name. DuckDB runs its statements on libuv's thread pool and
// starts its own threads from there, so those keep the pool's nice 0 (see docs/server.md).
lowerThreadPriority(nice);
nameThread('dw-store');
const acks = new Map<number, () => void>();

const opened: Promise<Store> = openDuckDbStore(path, options);
// Opening failures are answered to the first call (the proxy's `open`); keep them from crashing the thread.
opened.catch(() => undefined);

async function answer(call: StoreCall): Promise<unknown> {
  const store = await opened;
  if (call.method === 'replay') {
    const [kind, replayOptions] = call.args as ['exchanges' | 'accountEvents', object | undefined];
    return store.replay(
      kind,
      (batch, seq) =>
        new Promise<void>((resolve) => {
          acks.set(call.id, resolve);
          port!.postMessage({ id: call.id, batch, seq } satisfies StoreMessage);
        }),
      replayOptions,
    );
  }
  if (call.method === 'kind') return store.kind;
  const method = store[call.method] as (...args: unknown[]) => Promise<unknown>;
  return method.apply(store, call.args);
}

port.on('message', (message: StoreCall | ReplayAck) => {
  if ('ack' in message) {
    const resolve = acks.get(message.ack);
    acks.delete(message.ack);
    resolve?.();
    return;
  }
  answer(message).then(
    (value) => port.postMessage({ id: message.id, ok: true, value } satisfies StoreMessage),
    (error: unknown) =>
      port.postMessage({
        id: message.id,
        ok: false,
        error:
          error instanceof OperatorError
            ? { message: error.message, kind: error.kind }
            : { message: (error as Error)?.message ?? String(error) },
      } satisfies StoreMessage),
  );
});
