/**
 * A thread entry for `start.test.ts`: answers with its heap cap in MiB and, when `depth` > 0,
 * with the caps of the threads it starts in turn (through `startThread`, as the package does).
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { startThread } from '../start.js';

const { depth } = workerData as { depth: number };
const own = Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20);

async function nestedCaps(): Promise<number[]> {
  if (depth === 0) return [];
  const child = startThread(import.meta.url, 'heap-probe', { depth: depth - 1 });
  const caps = await new Promise<number[]>((resolve, reject) => {
    child.once('message', resolve);
    child.once('error', reject);
  });
  await child.terminate();
  return caps;
}

parentPort!.postMessage([own, ...(await nestedCaps())]);
