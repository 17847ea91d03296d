import { spawnSync } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { SCHED_IDLE, threadPolicy } from './priority.js';

/** Runs `body` (CommonJS, with `m` the priority module) in a worker thread; resolves with what it posts. */
async function inWorker(body: string): Promise<unknown> {
  const entry = new URL('./priority.ts', import.meta.url).href;
  const code = `
    const { parentPort } = require('node:worker_threads');
    const { readlinkSync } = require('node:fs');
    const { getPriority } = require('node:os');
    import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); }).then((m) => {
      ${body}
    });`;
  const worker = new Worker(code, { eval: true });
  try {
    return await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  } finally {
    await worker.terminate();
  }
}

const linux = process.platform === 'linux';

describe('thread priority', () => {
  it.skipIf(!linux)('lowers the calling thread only', async () => {
    const self = Number(readlinkSync('/proc/thread-self').split('/').pop());
    const before = getPriority(self);
    const seen = await inWorker(`
      m.lowerThreadPriority(m.INGEST_NICE);
      const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
      parentPort.postMessage(getPriority(tid));`);
    expect(seen).toBe(Math.max(before, 5));
    expect(getPriority(self)).toBe(before);
  });

  it.skipIf(!linux)('moves the calling thread only to SCHED_IDLE, or lowers it where it cannot', async () => {
    const policyBefore = threadPolicy();
    const seen = (await inWorker(`
      const idle = m.idleThreadPriority(m.DETECTION_NICE);
      const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
      parentPort.postMessage({ idle, policy: m.threadPolicy(), nice: getPriority(tid) });`)) as {
      idle: boolean;
      policy: number;
      nice: number;
    };
    const chrt = spawnSync('chrt', ['--version']).status === 0;
    if (chrt) expect(seen).toMatchObject({ idle: true, policy: SCHED_IDLE });
    else expect(seen).toMatchObject({ idle: false, nice: 10 });
    expect(threadPolicy()).toBe(policyBefore);
    expect(policyBefore).not.toBe(SCHED_IDLE);
  });
});
