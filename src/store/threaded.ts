/**
 * The embedded DuckDB store on a thread of its own: the same `Store` (it passes the same contract
 * suite), with every call posted to the store thread (`duckdb-thread.ts`). What the DuckDB store
 * does synchronously (staging each row into the appender, flushing it, preparing statements)
 * then runs beside the HTTP thread instead of on it, so an inline risk lookup never waits behind
 * a group commit. Exchange columns cross without their texts when the caller packed them (the
 * store keeps the packed block as it is); everything else is copied by structured clone.
 */
import { OperatorError } from '../core/errors.js';
import type { Exchange } from '../core/types.js';
import { startThread } from '../threads/start.js';
import type { DuckDbStoreOptions } from './duckdb.js';
import type { ReplayAck, StoreCall, StoreMessage } from './duckdb-thread.js';
import { columnsOf, type ExchangeColumns, type Store } from './types.js';

/** Options of the store on its own thread. */
export interface DuckDbStoreThreadOptions extends DuckDbStoreOptions {
  /** Nice value of the store thread and DuckDB's threads (default 0: unchanged; the service uses `INGEST_NICE`). */
  nice?: number;
}

/** Opens (creating and migrating when needed) the DuckDB store at `path` on its own thread. */
export async function openDuckDbStoreThread(
  path: string,
  options: DuckDbStoreThreadOptions = {},
): Promise<Store> {
  const { nice = 0, ...rest } = options;
  const worker = startThread(import.meta.url, 'duckdb-thread', { path, options: rest, nice });
  const pending = new Map<
    number,
    {
      resolve: (value: unknown) => void;
      reject: (error: Error) => void;
      onBatch?: (batch: unknown[], seq: number) => void | Promise<void>;
    }
  >();
  let nextId = 1;
  let failure: Error | null = null;
  let closed = false;

  const fail = (error: Error) => {
    failure ??= error;
    for (const waiter of pending.values()) waiter.reject(failure);
    pending.clear();
  };
  worker.on('message', (message: StoreMessage) => {
    const waiter = pending.get(message.id);
    if (!waiter) return;
    if ('batch' in message) {
      // A replay batch: the next one comes once this one was taken.
      Promise.resolve()
        .then(() => waiter.onBatch!(message.batch, message.seq))
        .then(
          () => worker.postMessage({ ack: message.id } satisfies ReplayAck),
          (error: unknown) => {
            pending.delete(message.id);
            waiter.reject(error as Error);
            fail(new OperatorError('store', 'a replay was abandoned: the store thread is no longer usable'));
            void worker.terminate();
          },
        );
      return;
    }
    pending.delete(message.id);
    if (message.ok) waiter.resolve(message.value);
    else
      waiter.reject(
        message.error.kind
          ? new OperatorError(message.error.kind, message.error.message)
          : new OperatorError('store', `store thread: ${message.error.message}`),
      );
  });
  worker.on('error', (error) => fail(new OperatorError('store', `store thread failed: ${error.message}`)));
  worker.on('exit', (code) => fail(new OperatorError('store', `the store thread exited (code ${code})`)));

  const call = <T>(
    method: StoreCall['method'],
    args: unknown[],
    onBatch?: (batch: unknown[], seq: number) => void | Promise<void>,
    transfer: ArrayBuffer[] = [],
  ): Promise<T> => {
    if (closed) return Promise.reject(new OperatorError('store', 'the store is closed'));
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onBatch });
      worker.postMessage({ id, method, args } satisfies StoreCall, transfer);
    });
  };
  const forward =
    <K extends keyof Store>(method: K) =>
    (...args: unknown[]) =>
      call(method, args);

  /** Exchange columns: the packed block moves to the store thread when it owns its memory (the caller hands it over). */
  const appendColumns = (batch: ExchangeColumns) => {
    const data = batch.packed?.data;
    const moved = data && data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
    return call<{ fresh: number[]; seq: number }>(
      'appendExchangeColumns',
      [
        {
          ids: batch.ids,
          ts: batch.ts,
          accounts: batch.accounts,
          // The store keeps the packed block as it is: the texts need not cross.
          lines: batch.packed ? new Uint8Array(0) : batch.lines,
          ends: new Uint32Array(0),
          packed: batch.packed,
        } satisfies ExchangeColumns,
      ],
      undefined,
      moved ? [data.buffer as ArrayBuffer] : [],
    );
  };

  const store: Store = {
    kind: 'duckdb',
    appendExchangeColumns: appendColumns,
    async appendExchanges(batch: readonly Exchange[]) {
      const { fresh, seq } = await appendColumns(columnsOf(batch));
      return { fresh: fresh.map((index) => batch[index]), seq };
    },
    appendAccountEvents: forward('appendAccountEvents') as Store['appendAccountEvents'],
    replay: ((kind, onBatch, options) =>
      call('replay', [kind, options], onBatch as (batch: unknown[], seq: number) => void)) as Store['replay'],
    counts: forward('counts') as Store['counts'],
    pruneExchanges: forward('pruneExchanges') as Store['pruneExchanges'],
    activity: forward('activity') as Store['activity'],
    putSummaries: forward('putSummaries') as Store['putSummaries'],
    getSummary: forward('getSummary') as Store['getSummary'],
    putSnapshot: forward('putSnapshot') as Store['putSnapshot'],
    getSnapshot: forward('getSnapshot') as Store['getSnapshot'],
    putCampaign: forward('putCampaign') as Store['putCampaign'],
    getCampaign: forward('getCampaign') as Store['getCampaign'],
    listCampaigns: forward('listCampaigns') as Store['listCampaigns'],
    addReview: forward('addReview') as Store['addReview'],
    listReviews: forward('listReviews') as Store['listReviews'],
    setOverride: forward('setOverride') as Store['setOverride'],
    clearOverride: forward('clearOverride') as Store['clearOverride'],
    listOverrides: forward('listOverrides') as Store['listOverrides'],
    addWebhook: forward('addWebhook') as Store['addWebhook'],
    listWebhooks: forward('listWebhooks') as Store['listWebhooks'],
    removeWebhook: forward('removeWebhook') as Store['removeWebhook'],
    putDelivery: forward('putDelivery') as Store['putDelivery'],
    dueDeliveries: forward('dueDeliveries') as Store['dueDeliveries'],
    listDeliveries: forward('listDeliveries') as Store['listDeliveries'],
    audit: forward('audit') as Store['audit'],
    listAudit: forward('listAudit') as Store['listAudit'],
    getMeta: forward('getMeta') as Store['getMeta'],
    setMeta: forward('setMeta') as Store['setMeta'],
    async close() {
      if (closed) return;
      try {
        if (!failure) await call('close', []);
      } finally {
        closed = true;
        await worker.terminate();
      }
    },
  };
  try {
    // The thread opens the store at once; this answers when it is open (or why it is not).
    await call('kind', []);
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return store;
}
