/**
 * End-to-end `scan` benchmark: simulates a world per scale (cached under the work directory),
 * then scans it (parse, fingerprint, enrich, account state in worker threads; campaign engine
 * at each hourly tick) and prints wall time, exchanges/s, CPU seconds, peak RSS and what it found.
 * Time and memory should grow linearly with the scale.
 *
 * Also prints the main thread's CPU seconds (routing, reading the workers' summaries and the
 * campaign engine; Linux, from /proc) and the time spent inside the campaign engine's ticks.
 *
 * Usage: npx tsx bench/scan.ts [--preset alibaba-2026] [--scales 0.01,0.05] [--seed 1] [--workers 2]
 *        [--dir /tmp/dw-bench-scan] [--per-event]   (--per-event: a no-op global stage, to split costs)
 *        [--first N]   (only the world's first N exchanges: the opening of a world too large for the disk)
 *
 * The scan runs in this process, so a world of more than ~100,000 accounts needs a larger heap
 * than V8's default; give it the flags and environment the `scan` command gives itself (src/cli/heap.ts):
 *   npx tsc -p tsconfig.json && MALLOC_MMAP_THRESHOLD_=131072 node --max-old-space-size=18000 \
 *     --max-semi-space-size=64 --heap-growing-percent=50 dist-check/bench/scan.js --scales 1 --first 8000000
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DEFAULT_PIPELINE_CONFIG, type PipelineConfig } from '../src/pipeline/config.js';
import { createPipeline } from '../src/pipeline/pipeline.js';
import { replay } from '../src/pipeline/replay.js';
import { engineFromConfig, scan } from '../src/pipeline/scan.js';
import type { CampaignEngine } from '../src/score/index.js';
import { machineLine, trackPeakMemory } from './machine.js';

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'alibaba-2026' },
    scales: { type: 'string', default: '0.01,0.05' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string', default: '2' },
    dir: { type: 'string', default: join(os.tmpdir(), 'dw-bench-scan') },
    'per-event': { type: 'boolean', default: false },
    first: { type: 'string' },
  },
});
const scales = values.scales.split(',').map(Number);
const workers = Number(values.workers);
const config: PipelineConfig = { ...DEFAULT_PIPELINE_CONFIG, workers };

/** The `simulate` command line (run through tsx, so the bench needs no build of the CLI). */
function simulateArgs(scale: number, out: string, extra: string[] = []): string[] {
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'simulate', '--preset', values.preset];
  return [...args, '--scale', String(scale), '--seed', values.seed, '--out', out, ...extra];
}

async function worldDir(scale: number): Promise<string> {
  const first = values.first === undefined ? undefined : Number(values.first);
  const name = `${values.preset}-${scale}${values.seed === '1' ? '' : `-s${values.seed}`}`;
  const dir = join(values.dir, first === undefined ? name : `${name}-first${first}`);
  if (existsSync(join(dir, first === undefined ? 'labels.json' : 'accounts.ndjson'))) return dir;
  process.stderr.write(`simulating ${values.preset} at scale ${scale} into ${dir} ...\n`);
  if (first === undefined) {
    const sim = spawnSync(process.execPath, simulateArgs(scale, dir), {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (sim.status !== 0) throw new Error(`simulate failed with status ${sim.status}`);
    return dir;
  }
  await writeFirst(scale, dir, first);
  return dir;
}

/**
 * The opening of a world too large to keep (scale 1 is ~90 GB of NDJSON): its first `first`
 * exchanges, straight from `simulate --out -`, and the account events up to the last of them (a
 * later sign-up would only add ticks after the exchanges end). Labels are not written: the
 * simulator writes them at its end.
 */
async function writeFirst(scale: number, dir: string, first: number): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const allEvents = join(dir, 'all-accounts.ndjson');
  const sim = spawn(
    process.execPath,
    simulateArgs(scale, '-', ['--accounts-out', allEvents, '--labels-out', '/dev/null']),
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const out = createWriteStream(join(dir, 'exchanges.ndjson'));
  let written = 0;
  let lastTs = '';
  for await (const line of createInterface({ input: sim.stdout })) {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
    lastTs = (JSON.parse(line) as { ts: string }).ts;
    if (++written === first) break;
  }
  sim.kill();
  out.end();
  await once(out, 'finish');
  // Sign-up and profile events come sorted by time; RFC 3339 texts of one format compare as times.
  const kept: string[] = [];
  for (const line of readFileSync(allEvents, 'utf8').split('\n'))
    if (line && (JSON.parse(line) as { ts: string }).ts <= lastTs) kept.push(line);
  writeFileSync(join(dir, 'accounts.ndjson'), `${kept.join('\n')}\n`);
  rmSync(allEvents);
  process.stderr.write(`kept ${written} exchanges up to ${lastTs} and ${kept.length} account events\n`);
}

console.log(machineLine());
console.log(
  `load average at start: ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} (the machine is shared: wall time inflates, CPU time less)`,
);
console.log(
  `preset ${values.preset}, ${workers} worker threads, ${values['per-event'] ? 'per-event stages only (no-op global stage)' : 'full scan'}`,
);
console.log(
  'scale  exchanges   accounts  bytes(MB)  wall(s)  exchanges/s  cpu(s)  exch/cpu-s  main-cpu(s)  engine(s)  peakRSS(MiB)  campaigns',
);

/** CPU seconds of the main thread so far (Linux /proc; NaN elsewhere). */
function mainThreadCpu(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime in clock ticks (USER_HZ = 100)
  } catch {
    return Number.NaN;
  }
}

/** The campaign engine with the time spent in its ticks added up (ticks run on the main thread). */
function timedEngine(engine: CampaignEngine): { engine: CampaignEngine; seconds: () => number } {
  let ms = 0;
  const tick: CampaignEngine['tick'] = (changed, now) => {
    const t = performance.now();
    try {
      return engine.tick(changed, now);
    } finally {
      ms += performance.now() - t;
    }
  };
  return { engine: { ...engine, tick }, seconds: () => ms / 1000 };
}
for (const scale of scales) {
  const dir = await worldDir(scale);
  const exchanges = join(dir, 'exchanges.ndjson');
  const accounts = join(dir, 'accounts.ndjson');
  const megabytes = statSync(exchanges).size / 1e6;
  const memory = trackPeakMemory();
  const cpu = process.cpuUsage();
  const mainCpu = mainThreadCpu();
  const started = performance.now();
  let engineSeconds = 0;
  let count = 0;
  let accountCount = 0;
  let campaigns = 0;
  if (values['per-event']) {
    const engine = { tick: () => null, campaigns: () => [], verdicts: () => [] };
    const pipeline = createPipeline(config, { engine });
    const summary = await replay(pipeline, {
      exchanges,
      accounts,
      tickMs: config.tickMs,
      reorderMs: config.reorderMs,
    });
    await pipeline.close();
    count = summary.exchanges;
    accountCount = summary.accounts;
  } else {
    const timed = timedEngine(engineFromConfig(config));
    const result = await scan({
      exchanges,
      accounts,
      out: join(dir, 'scan-out'),
      config,
      parts: { engine: timed.engine },
    });
    engineSeconds = timed.seconds();
    count = result.replay.exchanges;
    accountCount = result.replay.accounts;
    campaigns = result.campaigns.filter((c) => c.status === 'suspected' || c.status === 'confirmed').length;
  }
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const mainSeconds = mainThreadCpu() - mainCpu;
  const cpuSeconds = (used.user + used.system) / 1e6;
  const peak = memory.stop();
  console.log(
    [
      String(scale).padEnd(5),
      String(count).padStart(10),
      String(accountCount).padStart(10),
      megabytes.toFixed(0).padStart(10),
      wall.toFixed(1).padStart(8),
      Math.round(count / wall)
        .toLocaleString('en-US')
        .padStart(12),
      cpuSeconds.toFixed(1).padStart(7),
      Math.round(count / cpuSeconds)
        .toLocaleString('en-US')
        .padStart(11),
      mainSeconds.toFixed(1).padStart(12),
      engineSeconds.toFixed(1).padStart(10),
      String(peak.rssMiB).padStart(13),
      String(campaigns).padStart(10),
    ].join(' '),
  );
}
