/**
 * The campaign engine alone, on real tick inputs: `record` scans a world once and writes every
 * tick's changed summaries (in the workers' wire format) to a file; `replay` feeds that file to
 * the engine of the current tree and prints the CPU seconds inside its ticks and a hash of its
 * campaigns and verdicts. Engine and link-graph speed work then takes seconds of engine time per
 * try instead of a whole scan, and the hash says at once whether any result changed (two trees
 * that replay the same file must print the same hash). `--digests` gives the engine each summary's
 * link digest with it, made outside the timed ticks as the workers of a scan make them.
 *
 *   npx tsx bench/engine-replay.ts record --world DIR --out TICKS [--workers 2]
 *   npx tsx bench/engine-replay.ts replay --ticks TICKS [--limit N] [--digests]
 *   node --expose-gc DIST/bench/engine-replay.js replay --ticks TICKS --heap   (live heap too)
 *
 * DIR holds exchanges.ndjson and accounts.ndjson (a `simulate` output). The recorded scan uses 2
 * worker threads by default, as `scan` does on this machine: template ids depend on how accounts
 * are partitioned, so a recording matches the `scan` command's results only with the same count.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { type ChangedSummary, isWireSummary, parseSummary, summaryToWire } from '../src/core/summary-wire.js';
import type { EpochMs } from '../src/core/types.js';
import { digestToWire, linkDigest } from '../src/link/keys.js';
import { DEFAULT_PIPELINE_CONFIG } from '../src/pipeline/config.js';
import { engineFromConfig, scan } from '../src/pipeline/scan.js';
import { machineLine, trackPeakMemory } from './machine.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    world: { type: 'string' },
    out: { type: 'string' },
    ticks: { type: 'string' },
    workers: { type: 'string', default: '2' },
    limit: { type: 'string' },
    heap: { type: 'boolean', default: false },
    digests: { type: 'boolean', default: false },
  },
});

/** CPU seconds of this thread so far (user + system). */
function cpuSeconds(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
}

async function record(world: string, out: string, workers: number): Promise<void> {
  const fd = openSync(out, 'w');
  const engine = engineFromConfig(DEFAULT_PIPELINE_CONFIG);
  let ticks = 0;
  const tick = (changed: readonly ChangedSummary[], now: EpochMs) => {
    // A tick per line: its time, then its summaries' wire JSON as one array.
    writeSync(
      fd,
      `${now}\t[${changed.map((s) => (isWireSummary(s) ? s.wire : summaryToWire(s))).join(',')}]\n`,
    );
    ticks++;
    return engine.tick(changed, now);
  };
  try {
    await scan({
      exchanges: join(world, 'exchanges.ndjson'),
      accounts: join(world, 'accounts.ndjson'),
      out: `${out}.scan`,
      config: { ...DEFAULT_PIPELINE_CONFIG, workers },
      parts: { engine: { ...engine, tick } },
    });
  } finally {
    closeSync(fd);
  }
  console.log(`recorded ${ticks} ticks into ${out} (the scan's result is in ${out}.scan)`);
}

/** MiB of the engine's thread's heap in use now. */
const heapMiB = () => getHeapStatistics().used_heap_size / 2 ** 20;

/**
 * Live heap after a full collection (`--heap`: needs `node --expose-gc`), in MiB; the engine's
 * share of the scan's memory, without the garbage V8 lets build up between major collections.
 */
function liveHeapMiB(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('--heap needs node --expose-gc');
  gc();
  return heapMiB();
}

async function replay(file: string, limit: number, heap: boolean, digests: boolean): Promise<void> {
  const engine = engineFromConfig(DEFAULT_PIPELINE_CONFIG);
  const memory = trackPeakMemory();
  let engineCpu = 0;
  let ticks = 0;
  let summaries = 0;
  let peakHeap = 0;
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (ticks >= limit) break;
    const tab = line.indexOf('\t');
    // One wire string per summary with its account, as the workers send them, and with
    // `--digests` its link digest, which the workers make (neither is timed; the engine decodes
    // what it reads in its tick, as in a scan).
    const items = JSON.parse(line.slice(tab + 1)) as { account: string }[];
    const changed = items.map((item) => {
      const wire = JSON.stringify(item);
      return digests
        ? { account: item.account, wire, digest: digestToWire(linkDigest(parseSummary(wire))) }
        : { account: item.account, wire };
    });
    const t = cpuSeconds();
    engine.tick(changed, Number(line.slice(0, tab)));
    engineCpu += cpuSeconds() - t;
    ticks++;
    if (heap) {
      peakHeap = Math.max(peakHeap, heapMiB());
      if (ticks % 500 === 0) console.log(`tick ${ticks}: live heap ${liveHeapMiB().toFixed(0)} MiB`);
    }
    summaries += changed.length;
  }
  const hash = createHash('sha256')
    .update(JSON.stringify(engine.campaigns()))
    .update(JSON.stringify(engine.verdicts()))
    .digest('hex')
    .slice(0, 16);
  const peak = memory.stop();
  if (heap)
    console.log(
      `engine heap: ${liveHeapMiB().toFixed(0)} MiB live at the end, ${peakHeap.toFixed(0)} MiB in use at most between collections`,
    );
  console.log(machineLine());
  console.log(
    `${ticks} ticks, ${summaries} summaries: engine ${engineCpu.toFixed(1)} CPU-s (decoding summaries included), peak RSS ${peak.rssMiB} MiB, result hash ${hash}`,
  );
}

const [mode] = positionals;
if (mode === 'record' && values.world && values.out)
  await record(values.world, values.out, Number(values.workers));
else if (mode === 'replay' && values.ticks)
  await replay(
    values.ticks,
    values.limit ? Number(values.limit) : Number.POSITIVE_INFINITY,
    values.heap,
    values.digests,
  );
else {
  console.error(
    'usage: engine-replay.ts record --world DIR --out TICKS [--workers 2] | replay --ticks TICKS [--limit N] [--heap] [--digests]',
  );
  process.exitCode = 2;
}
