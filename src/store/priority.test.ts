import { readlinkSync } from 'node:fs';
import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

const linux = process.platform === 'linux';

describe('thread priority', () => {
  it.skipIf(!linux)('lowers the calling thread only', async () => {
    const entry = new URL('./priority.ts', import.meta.url).href;
    const code = `
      const { parentPort } = require('node:worker_threads');
      const { readlinkSync } = require('node:fs');
      const { getPriority } = require('node:os');
      import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); }).then((m) => {
        m.lowerThreadPriority(m.INGEST_NICE);
        const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
        parentPort.postMessage(getPriority(tid));
      });`;
    const self = Number(readlinkSync('/proc/thread-self').split('/').pop());
    const before = getPriority(self);
    const worker = new Worker(code, { eval: true });
    const seen = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(seen).toBe(Math.max(before, 5));
    expect(getPriority(self)).toBe(before);
  });
});
