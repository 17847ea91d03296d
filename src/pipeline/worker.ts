/**
 * Entry point of a partition worker thread: builds its per-event stages from the module named
 * in `workerData`, then applies the messages it receives, in order, to one partition.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { summaryToWire } from '../core/summary-wire.js';
import type { HostMessage, HostReply, WorkerInit } from './hosts.js';
import { createPartition, type PerEventStages } from './partition.js';

const init = workerData as WorkerInit;
const port = parentPort;
if (port === null) throw new Error('pipeline/worker.ts must run in a worker thread');

const module = (await import(init.stages.module)) as { createStages(options: unknown): PerEventStages };
const stages = module.createStages(init.stages.options);
const partition = createPartition(stages, init.limits, init.policy);
const reply = (message: HostReply) => port.postMessage(message);

port.on('message', (message: HostMessage) => {
  try {
    switch (message.type) {
      case 'exchanges':
        partition.applyExchanges(message.records);
        break;
      case 'events':
        partition.applyAccountEvents(message.records);
        break;
      case 'lines':
        partition.applyLines(message.batch);
        reply({ type: 'ack', bytes: message.batch.bytes.byteLength });
        break;
      case 'report': {
        // Summaries cross as JSON strings, one each: far cheaper than structured cloning thousands
        // of small objects; the engine decodes them one at a time (core/summary-wire.ts).
        const report = partition.report(message.now, message.flush);
        const changedAccounts = report.changed.map((s) => s.account);
        const changedWire = report.changed.map(summaryToWire);
        const changedDigests = stages.digest ? report.changed.map(stages.digest) : undefined;
        report.changed = [];
        reply({ type: 'report', id: message.id, report, changedAccounts, changedWire, changedDigests });
        break;
      }
      case 'summaries':
        reply({ type: 'summaries', id: message.id, summaries: partition.summaries(message.accounts) });
        break;
      case 'export':
        reply({ type: 'export', id: message.id, state: partition.exportState() });
        break;
      case 'import':
        partition.importState(message.state);
        reply({ type: 'import', id: message.id });
        break;
    }
  } catch (error) {
    reply({ type: 'error', message: (error as Error)?.stack ?? String(error) });
  }
});
