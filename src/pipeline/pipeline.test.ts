import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ChangedSummary, isWireSummary, parseSummary } from '../core/summary-wire.js';
import type { MinerState } from '../fingerprint/index.js';
import { digestToWire, linkDigest } from '../link/keys.js';
import { createPipeline, type Pipeline, type PipelineState } from './pipeline.js';
import { replay } from './replay.js';
import { handWrittenLog, writeLog } from './test-support/logs.js';
import { recordingEngine } from './test-support/recording-engine.js';

const HOUR = 3_600_000;
const dir = mkdtempSync(join(tmpdir(), 'dw-pipeline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const log = handWrittenLog(2);
const paths = writeLog(dir, log);
const accounts = [...new Set(log.exchanges.map((x) => x.account))].sort();

const pipelineOf = (workers: number) => createPipeline({ workers }, { engine: recordingEngine() });
const minerOf = (state: PipelineState, partition: number) =>
  (state.partitions[partition].stages as { miner: MinerState }).miner;

async function exported(): Promise<{ state: PipelineState; summaries: unknown[] }> {
  const pipeline = pipelineOf(2);
  try {
    await replay(pipeline, { ...paths, tickMs: HOUR, reorderMs: 5 * 60_000 });
    return { state: await pipeline.exportState(), summaries: await pipeline.summaries(accounts) };
  } finally {
    await pipeline.close();
  }
}

async function restoredInto(workers: number, state: PipelineState) {
  const pipeline: Pipeline<unknown> = pipelineOf(workers);
  try {
    await pipeline.importState(state);
    return { state: await pipeline.exportState(), summaries: await pipeline.summaries(accounts) };
  } finally {
    await pipeline.close();
  }
}

describe('pipeline state', () => {
  it("gives each partition's template miner back to the partition it came from, and re-routes accounts to another count", async () => {
    const before = await exported();
    expect(minerOf(before.state, 0).clusters.length).toBeGreaterThan(0);
    expect(minerOf(before.state, 1).clusters.length).toBeGreaterThan(0);

    const same = await restoredInto(2, before.state);
    expect(same.summaries).toEqual(before.summaries);
    expect(minerOf(same.state, 0)).toEqual(minerOf(before.state, 0));
    expect(minerOf(same.state, 1)).toEqual(minerOf(before.state, 1));

    // One partition cannot hold two partitions' miners: it keeps every account and learns anew.
    const other = await restoredInto(0, before.state);
    expect(other.summaries).toEqual(before.summaries);
    expect(minerOf(other.state, 0).clusters).toEqual([]);
  });
});

describe('summaries from worker threads', () => {
  it('come in wire form with the link digest the default stages make of them', async () => {
    const received: ChangedSummary[] = [];
    const engine = recordingEngine();
    const pipeline = createPipeline(
      { workers: 2 },
      {
        engine: {
          ...engine,
          tick(changed, now) {
            received.push(...changed);
            return engine.tick(changed, now);
          },
        },
      },
    );
    try {
      await replay(pipeline, { ...paths, tickMs: HOUR, reorderMs: 5 * 60_000 });
    } finally {
      await pipeline.close();
    }
    expect(new Set(received.map((s) => s.account))).toEqual(new Set(accounts));
    for (const item of received) {
      if (!isWireSummary(item)) throw new Error(`${item.account} arrived decoded`);
      expect(item.digest).toBe(digestToWire(linkDigest(parseSummary(item.wire))));
    }
  });
});
