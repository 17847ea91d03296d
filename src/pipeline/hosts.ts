/**
 * Where a partition runs: on the calling thread (`inProcessHost`) or in a worker thread
 * (`workerHost`). Both take the same messages in the same order and answer reports with the
 * same data, so the pipeline does not care which it has. Messages to one host are applied in the
 * order they were sent (worker message queues are FIFO), which is what keeps ticks causal.
 */
import type { StateLimits } from '../behaviour/index.js';
import type { ChangedSummary } from '../core/summary-wire.js';
import type { AccountEvent, AccountSummary, EpochMs, Exchange } from '../core/types.js';
import { startThread } from '../threads/start.js';
import {
  createPartition,
  type LineBatch,
  type PartitionReport,
  type PartitionState,
  type PerEventStages,
  type SummaryPolicy,
} from './partition.js';

/** A message to a partition host. */
export type HostMessage =
  | { type: 'exchanges'; records: Exchange[] }
  | { type: 'events'; records: AccountEvent[] }
  | { type: 'lines'; batch: LineBatch }
  | { type: 'report'; id: number; now: EpochMs; flush: boolean }
  | { type: 'summaries'; id: number; accounts: string[] }
  | { type: 'export'; id: number }
  | { type: 'import'; id: number; state: PartitionState };

/** A reply of a worker host. */
export type HostReply =
  | {
      type: 'report';
      id: number;
      report: PartitionReport;
      changedAccounts: string[];
      changedWire: string[];
      changedDigests?: string[];
    }
  | { type: 'summaries'; id: number; summaries: AccountSummary[] }
  | { type: 'export'; id: number; state: PartitionState }
  | { type: 'import'; id: number }
  | { type: 'ack'; bytes: number }
  | { type: 'error'; message: string };

/** How a worker builds its stages: a module exporting `createStages(options)`. */
export interface StagesSpec {
  /** Module URL (file:// or package) exporting `createStages(options): PerEventStages`. */
  module: string;
  options?: unknown;
}

/** A partition's report as its host hands it over: a worker's summaries stay in wire form. */
export type HostReport = Omit<PartitionReport, 'changed'> & { changed: ChangedSummary[] };

/** A partition behind a message interface. */
export interface PartitionHost {
  post(message: Exclude<HostMessage, { type: 'report' | 'summaries' | 'export' | 'import' }>): void;
  report(now: EpochMs, flush: boolean): Promise<HostReport>;
  /** Current summaries of the given accounts this partition holds (unknown ones are left out). */
  summaries(accounts: string[]): Promise<AccountSummary[]>;
  /** Resolves when the bytes of line batches not yet applied drop under `maxBytes`. */
  drain(maxBytes: number): Promise<void>;
  /** The partition's per-account state, after everything posted before (for snapshots). */
  exportState(): Promise<PartitionState>;
  /** Adds exported per-account state, in order with the records posted. */
  importState(state: PartitionState): Promise<void>;
  close(): Promise<void>;
}

/** A partition on the calling thread. */
export function inProcessHost(
  stages: PerEventStages,
  limits?: StateLimits,
  policy?: SummaryPolicy,
): PartitionHost {
  const partition = createPartition(stages, limits, policy);
  return {
    post(message) {
      if (message.type === 'exchanges') partition.applyExchanges(message.records);
      else if (message.type === 'events') partition.applyAccountEvents(message.records);
      else partition.applyLines(message.batch);
    },
    report: async (now, flush) => partition.report(now, flush),
    summaries: async (accounts) => partition.summaries(accounts),
    exportState: async () => structuredClone(partition.exportState()),
    importState: async (state) => partition.importState(state),
    drain: async () => {},
    close: async () => {},
  };
}

/** Data a worker starts with. */
export interface WorkerInit {
  stages: StagesSpec;
  limits?: StateLimits;
  policy?: SummaryPolicy;
}

/** A partition in its own worker thread. */
export function workerHost(init: WorkerInit): PartitionHost {
  const worker = startThread(import.meta.url, 'worker', init);
  const pending = new Map<number, (reply: HostReply) => void>();
  let nextId = 1;
  let inflightBytes = 0;
  let drainWaiters: { maxBytes: number; resolve: () => void }[] = [];
  let failure: Error | null = null;

  const fail = (error: Error) => {
    failure = error;
    for (const resolve of pending.values()) resolve({ type: 'error', message: error.message });
    pending.clear();
    for (const waiter of drainWaiters) waiter.resolve();
    drainWaiters = [];
  };
  worker.on('message', (reply: HostReply) => {
    if (reply.type === 'ack') {
      inflightBytes -= reply.bytes;
      drainWaiters = drainWaiters.filter((waiter) => {
        if (inflightBytes > waiter.maxBytes) return true;
        waiter.resolve();
        return false;
      });
    } else if (reply.type === 'error') {
      fail(new Error(`partition worker failed: ${reply.message}`));
    } else {
      pending.get(reply.id)?.(reply);
      pending.delete(reply.id);
    }
  });
  worker.on('error', (error) => fail(error));
  worker.on('exit', (code) => {
    if (pending.size > 0 || drainWaiters.length > 0)
      fail(new Error(`partition worker exited with code ${code}`));
  });

  const ask = (message: HostMessage & { id: number }): Promise<HostReply> => {
    if (failure) return Promise.reject(failure);
    return new Promise((resolve, reject) => {
      pending.set(message.id, (reply) =>
        reply.type === 'error' ? reject(new Error(reply.message)) : resolve(reply),
      );
      worker.postMessage(message);
    });
  };

  return {
    post(message) {
      if (failure) throw failure;
      if (message.type === 'lines') {
        const { batch } = message;
        inflightBytes += batch.bytes.byteLength;
        worker.postMessage(message, [
          batch.bytes.buffer,
          batch.ends.buffer,
          batch.lines.buffer,
          batch.kinds.buffer,
        ] as ArrayBuffer[]);
      } else {
        worker.postMessage(message);
      }
    },
    async report(now, flush) {
      const reply = (await ask({ type: 'report', id: nextId++, now, flush })) as Extract<
        HostReply,
        { type: 'report' }
      >;
      const { changedAccounts, changedWire, changedDigests } = reply;
      const changed = changedWire.map((wire, i) =>
        changedDigests
          ? { account: changedAccounts[i], wire, digest: changedDigests[i] }
          : { account: changedAccounts[i], wire },
      );
      return { ...reply.report, changed };
    },
    async summaries(accounts) {
      const reply = await ask({ type: 'summaries', id: nextId++, accounts });
      return (reply as Extract<HostReply, { type: 'summaries' }>).summaries;
    },
    async exportState() {
      const reply = await ask({ type: 'export', id: nextId++ });
      return (reply as Extract<HostReply, { type: 'export' }>).state;
    },
    async importState(state) {
      await ask({ type: 'import', id: nextId++, state });
    },
    drain(maxBytes) {
      if (failure) return Promise.reject(failure);
      if (inflightBytes <= maxBytes) return Promise.resolve();
      return new Promise<void>((resolve) => drainWaiters.push({ maxBytes, resolve })).then(() => {
        if (failure) throw failure;
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
