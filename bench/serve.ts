/**
 * Live service benchmark: `distillwatch serve` in a child process (embedded DuckDB store, real
 * detection with its worker threads), fed over loopback HTTP with NDJSON batches of a simulated
 * world, then `GET /v1/accounts/:id/risk` at a fixed rate (autocannon) while ingest goes on.
 *
 * Prints: acknowledged ingest rate (records durably stored per second, detection running and
 * lagging at most the service's bound), sustained rate (until detection has applied everything),
 * `scan` on the same world for comparison, risk latency percentiles at the asked rate, server
 * peak RSS, machine.
 *
 * Usage: npx tsc -p tsconfig.json && node dist-check/bench/serve.js [--rounds 3] [--batch 1000]
 *        [--concurrency 8] [--risk-rate 2000] [--risk-seconds 10] [--workers N] [--days 21]
 * Run compiled, the server and scan run compiled too (as in production); under tsx
 * (`npx tsx bench/serve.ts`) they run under tsx, whose module transform slows hot loops.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import type { Detection } from '../src/server/detection.js';
import { startServer } from '../src/server/serve.js';
import { createToken } from '../src/server/tokens.js';
import { simulateToMemory } from '../src/sim/index.js';
import { machineLine } from './machine.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    batch: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '8' },
    'risk-rate': { type: 'string', default: '2000' },
    'risk-seconds': { type: 'string', default: '10' },
    workers: { type: 'string' },
    'parse-workers': { type: 'string' },
    days: { type: 'string', default: '21' },
    'noop-server': { type: 'string' },
    'path-only': { type: 'boolean', default: false },
    /** Priority (nice) of the ingest load generator during the risk phase (0: same as the lookups'). */
    'ingest-client-nice': { type: 'string', default: '0' },
    /** Extra node options for the server processes, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof'. */
    'server-node-args': { type: 'string', default: '' },
  },
});
if (values['noop-server'] !== undefined) {
  // Child mode of phase 0: the service with detection replaced by a no-op.
  const noop: Detection = {
    tickMs: 3_600_000,
    reorderMs: 300_000,
    ingestExchanges() {},
    ingestExchangeTexts() {},
    ingestAccountEvents() {},
    tick: async () => {},
    campaigns: () => [],
    verdicts: () => [],
    summary: async () => undefined,
    stats: () => ({ accounts: 0, ticks: 0, lastTick: null }),
    close: async () => {},
  };
  const server = await startServer({
    dataDir: values['noop-server'],
    port: 0,
    detection: noop,
    service: { tickIntervalMs: 0 },
    limits: { ratePerSecond: 1e6, rateBurst: 1e6 },
    parseWorkers: values['parse-workers'] === undefined ? undefined : Number(values['parse-workers']),
  });
  process.stderr.write(`listening on ${server.url}\n`);
  // The bench asks for the HTTP thread's share of busy time with SIGUSR2 (event-loop utilisation).
  let elu = performance.eventLoopUtilization();
  process.on('SIGUSR2', () => {
    const now = performance.eventLoopUtilization();
    process.stderr.write(`elu ${performance.eventLoopUtilization(now, elu).utilization.toFixed(3)}\n`);
    elu = now;
  });
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
  await new Promise(() => {});
}
const rounds = Number(values.rounds);
const batchSize = Number(values.batch);
const concurrency = Number(values.concurrency);
const riskRate = Number(values['risk-rate']);
const riskSeconds = Number(values['risk-seconds']);
/** Compiled (dist-check/bench/serve.js, or any other out dir) or under tsx (bench/serve.ts): children run the same way, from the same build. */
const compiled = import.meta.url.endsWith('.js');
const root = resolve(import.meta.dirname, compiled ? '../..' : '..');
/** Node arguments that run a module of the repository (`src/cli/main.ts`, `bench/serve.ts`) the same way as this one. */
const entry = (path: string): string[] =>
  compiled ? [join(import.meta.dirname, '..', path.replace(/\.ts$/, '.js'))] : ['--import', 'tsx', path];

/** The 1, 5 and 15-minute load averages. */
const loadAverage = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
console.log(machineLine());
console.log(
  compiled
    ? `server and scan: compiled (${relative(root, resolve(import.meta.dirname, '..'))})`
    : 'server and scan: under tsx (slower hot loops; run compiled for figures)',
);
console.log(`load average at start: ${loadAverage()}`);
const world = await simulateToMemory({ preset: 'small', seed: 1, days: Number(values.days) });
const accounts = [...new Set(world.exchanges.map((x) => x.account as string))];
console.log(
  `world: ${world.exchangeLines.length} exchanges, ${accounts.length} accounts, ${world.accountLines.length} account events (preset small, seed 1)`,
);

/** Batches of one round: ids prefixed with the round so every round is new data. */
function roundBodies(round: number): Buffer[] {
  const bodies: Buffer[] = [];
  for (let i = 0; i < world.exchangeLines.length; i += batchSize) {
    const lines = world.exchangeLines
      .slice(i, i + batchSize)
      .map((line) => line.replace('"id":"', `"id":"r${round}-`));
    bodies.push(Buffer.from(`${lines.join('\n')}\n`));
  }
  return bodies;
}

/** Starts a server child process; resolves once it listens. */
async function spawnServer(
  argv: string[],
): Promise<{ url: string; pid: number; child: ChildProcess; log: string; stop: () => Promise<void> }> {
  const extra = values['server-node-args'].split(' ').filter((arg) => arg !== '');
  const child: ChildProcess = spawn(process.execPath, [...extra, ...argv], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  const url = await new Promise<string>((ok, fail) => {
    child.stderr?.on('data', (chunk) => {
      err += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(err);
      if (match) ok(match[1]);
    });
    child.once('exit', (code) => fail(new Error(`server exited with ${code}: ${err}`)));
  });
  return {
    url,
    log: err,
    pid: child.pid!,
    child,
    async stop() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((ok) => child.once('exit', ok));
    },
  };
}

/** Milliseconds a thread ran and waited on a run queue (ready, no CPU free) so far, from /proc schedstat. */
function schedOf(pid: number, tid: number): { ran: number; waited: number } {
  try {
    const [ran, waited] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
    return { ran: ran / 1e6, waited: waited / 1e6 };
  } catch {
    return { ran: Number.NaN, waited: Number.NaN };
  }
}

/** How a thread spent a phase: CPU time and time spent ready but waiting for a CPU. */
function schedSince(
  before: { ran: number; waited: number },
  pid: number,
  tid: number,
  seconds: number,
): string {
  const after = schedOf(pid, tid);
  const ran = after.ran - before.ran;
  const waited = after.waited - before.waited;
  return `ran ${Math.round(ran)} ms, waited for a CPU ${Math.round(waited)} ms (${((waited / (seconds * 1000)) * 100).toFixed(1)}% of the phase)`;
}

/** CPU seconds of a process (all its threads) from /proc. */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * CPU seconds of a process's live threads by thread name (the service names its threads:
 * dw-parse, dw-store, dw-detect with its partition workers; the HTTP thread is the main thread;
 * V8's platform threads, libuv's pool, where DuckDB runs its statements, and DuckDB's own threads
 * are all named node).
 */
function threadCpuOf(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name =
        Number(tid) === pid ? 'http (main)' : stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(name, (out.get(name) ?? 0) + (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // The thread ended meanwhile.
    }
  }
  return out;
}

/** The CPU seconds each thread name used since `before` (threads that ended count in the process total only). */
function threadCpuSince(before: Map<string, number>, pid: number): string {
  return [...threadCpuOf(pid)]
    .map(([name, seconds]) => [name, seconds - (before.get(name) ?? 0)] as const)
    .filter(([, seconds]) => seconds >= 0.005)
    .sort((a, b) => b[1] - a[1])
    .map(([name, seconds]) => `${name} ${seconds.toFixed(2)}`)
    .join(', ');
}

/** CPU seconds of this process's children that have exited (and were waited for), from /proc. */
function exitedChildrenCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** Accounts of each campaign with its status, largest first: to compare two runs at a glance. */
const campaignSizes = (campaigns: { status: string; accounts: string[] }[]) =>
  campaigns
    .map((campaign) => `${campaign.accounts.length} ${campaign.status}`)
    .sort((a, b) => Number.parseInt(b, 10) - Number.parseInt(a, 10))
    .join(', ');

/** Posts the bodies with `concurrency` requests in flight; resolves with acked records and seconds. */
async function post(
  url: string,
  token: string,
  bodies: Buffer[],
): Promise<{ records: number; seconds: number; failures: number }> {
  let next = 0;
  let records = 0;
  let failures = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const response = await fetch(`${url}/v1/exchanges`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
        body,
      });
      const answer = (await response.json()) as { stored?: number };
      if (response.status === 200) records += answer.stored ?? 0;
      else failures++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { records, seconds: (performance.now() - started) / 1000, failures };
}

/** `post` from a worker thread (its own event loop), for load while this thread measures lookups. */
function postFromWorker(
  url: string,
  token: string,
  bodies: Buffer[],
): Promise<{ records: number; seconds: number; failures: number }> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { url, token, bodies, concurrency, nice } = workerData;
    if (nice) {
      try {
        const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
        require('node:os').setPriority(tid, nice);
      } catch {}
    }
    let next = 0, records = 0, failures = 0;
    const started = performance.now();
    const one = async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const response = await fetch(url + '/v1/exchanges', {
          method: 'POST',
          headers: { authorization: 'Bearer ' + token, 'content-type': 'application/x-ndjson' },
          body,
        });
        const answer = await response.json();
        if (response.status === 200) records += answer.stored ?? 0;
        else failures++;
      }
    };
    Promise.all(Array.from({ length: concurrency }, one)).then(() =>
      parentPort.postMessage({ records, failures, seconds: (performance.now() - started) / 1000 }),
    );`;
  const worker = new Worker(code, {
    eval: true,
    workerData: {
      url,
      token,
      bodies: bodies.map((body) => new Uint8Array(body)),
      concurrency,
      nice: Number(values['ingest-client-nice']),
    },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (result) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

// Phase 0: the ingest path alone (HTTP, parse, validate, durable store, idempotency) in a child
// process running `startServer` with detection replaced by a no-op: what the service costs before
// detection. The client runs in this process, so the server's CPU (from /proc) is its own.
{
  const dir = mkdtempSync(join(tmpdir(), 'dw-bench-serve0-'));
  const token = createToken(dir, 'ingest').secret;
  const parseWorkers =
    values['parse-workers'] === undefined ? [] : ['--parse-workers', values['parse-workers']];
  const server = await spawnServer([...entry('bench/serve.ts'), ...parseWorkers, '--noop-server', dir]);
  const bodies = roundBodies(0);
  server.child.kill('SIGUSR2');
  const cpuBefore = cpuSecondsOf(server.pid);
  const threadsBefore = threadCpuOf(server.pid);
  const result = await post(server.url, token, bodies);
  const cpu = cpuSecondsOf(server.pid) - cpuBefore;
  const threads = threadCpuSince(threadsBefore, server.pid);
  const eluLine = new Promise<string>((ok) =>
    server.child.stderr?.on('data', (chunk: Buffer) => {
      const match = /elu (\S+)/.exec(String(chunk));
      if (match) ok(match[1]);
    }),
  );
  server.child.kill('SIGUSR2');
  const busy = await eluLine;
  console.log(
    `ingest path alone (no-op detection, DuckDB store): ${result.records} exchanges in ${result.seconds.toFixed(2)} s = ${Math.round(result.records / result.seconds)}/s wall (batches of ${batchSize}, ${concurrency} in flight, ${result.failures} failed); server CPU ${cpu.toFixed(2)} s = ${((cpu / result.records) * 1e5).toFixed(2)} CPU-s per 100k exchanges = ${Math.round(result.records / cpu)} exchanges per CPU-second; HTTP thread busy ${Math.round(Number(busy) * 100)}% of the time; load average ${loadAverage()}`,
  );
  console.log(`  server CPU-s by thread: ${threads}`);
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}

if (values['path-only']) process.exit(0);

// `scan` on the same world (the same pipeline from a file, per-event stages and a tick per
// period of event time, flushed at the end): what detection costs without the service around it.
let scanCampaigns = '';
{
  const dir = mkdtempSync(join(tmpdir(), 'dw-bench-scan-'));
  writeFileSync(join(dir, 'exchanges.ndjson'), `${world.exchangeLines.join('\n')}\n`);
  writeFileSync(join(dir, 'accounts.ndjson'), `${world.accountLines.join('\n')}\n`);
  const cpuBefore = exitedChildrenCpuSeconds();
  const started = performance.now();
  const args = ['scan', join(dir, 'exchanges.ndjson'), '--accounts', join(dir, 'accounts.ndjson')];
  const child = spawn(process.execPath, [...entry('src/cli/main.ts'), ...args, '--out', join(dir, 'out')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const code = await new Promise<number | null>((ok) => child.once('exit', ok));
  const seconds = (performance.now() - started) / 1000;
  const cpu = exitedChildrenCpuSeconds() - cpuBefore;
  if (code !== 0) throw new Error(`scan exited with ${code}`);
  const result = JSON.parse(readFileSync(join(dir, 'out', 'campaigns.json'), 'utf8'));
  scanCampaigns = campaignSizes(Array.isArray(result) ? result : result.campaigns);
  const n = world.exchangeLines.length;
  console.log(
    `scan on the same world: ${n} exchanges in ${seconds.toFixed(2)} s = ${Math.round(n / seconds)}/s wall, CPU ${cpu.toFixed(1)} s = ${Math.round(n / cpu)} exchanges per CPU-second; campaigns (accounts, status): ${scanCampaigns}; load average ${loadAverage()}`,
  );
  rmSync(dir, { recursive: true, force: true });
}
const dataDir = mkdtempSync(join(tmpdir(), 'dw-bench-serve-'));
const ingestToken = createToken(dataDir, 'ingest', 'bench').secret;
const adminToken = createToken(dataDir, 'admin', 'bench').secret;
const args = [
  ...entry('src/cli/main.ts'),
  'serve',
  '--port',
  '0',
  '--data',
  dataDir,
  '--rate-limit',
  '1000000',
];
if (values.workers !== undefined) args.push('--workers', values.workers);
if (values['parse-workers'] !== undefined) args.push('--parse-workers', values['parse-workers']);
const served = await spawnServer(args);
const url = served.url;
const child = served.child;
const peakRssMiB = () => {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
};
const cpuSeconds = () => cpuSecondsOf(served.pid);
const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const stats = async () =>
  (await (await fetch(`${url}/v1/stats`, { headers: auth(adminToken) })).json()) as {
    exchanges: number;
    detectionLag: number;
    eventLoopDelayMs: { p50: number; p99: number; max: number };
  };

await fetch(`${url}/v1/accounts`, {
  method: 'POST',
  headers: auth(ingestToken),
  body: world.accountLines.join('\n'),
});

const ingest = (bodies: Buffer[]) => post(url, ingestToken, bodies);

/** Seconds until detection has applied every record handed over (`detectionLag` 0). */
async function settle(): Promise<number> {
  const started = performance.now();
  while ((await stats()).detectionLag > 0) await new Promise((ok) => setTimeout(ok, 50));
  return (performance.now() - started) / 1000;
}

/**
 * Seconds for an admin flush: the records the event clock holds for the reorder window are
 * applied and the last period ticked, as `scan` does at the end of its input.
 */
async function flush(): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/v1/admin/flush`, { method: 'POST', headers: auth(adminToken) });
  if (response.status !== 200) throw new Error(`flush answered ${response.status}`);
  await settle();
  return (performance.now() - started) / 1000;
}

// Phase 1: ingest rounds; each round's acked rate, then the time for detection to catch up.
let total = 0;
let totalSeconds = 0;
let totalCpu = 0;
for (let round = 0; round < rounds; round++) {
  const bodies = roundBodies(round);
  const cpuBefore = cpuSeconds();
  const threadsBefore = threadCpuOf(served.pid);
  const result = await ingest(bodies);
  const ackCpu = cpuSeconds() - cpuBefore;
  const ackThreads = threadCpuSince(threadsBefore, served.pid);
  const lag = await settle();
  const appliedCpu = cpuSeconds() - cpuBefore;
  const flushed = await flush();
  const cpu = cpuSeconds() - cpuBefore;
  totalCpu += cpu;
  total += result.records;
  totalSeconds += result.seconds + lag + flushed;
  console.log(
    `ingest round ${round + 1}: ${result.records} exchanges acked in ${result.seconds.toFixed(2)} s = ${Math.round(result.records / result.seconds)}/s (batches of ${batchSize}, ${concurrency} in flight, ${result.failures} failed); detection applied all it was handed ${lag.toFixed(2)} s later, flushed (held records, last tick) ${flushed.toFixed(2)} s after that; server CPU ${ackCpu.toFixed(1)} s until acked, ${appliedCpu.toFixed(1)} s until applied, ${cpu.toFixed(1)} s until flushed; load average ${loadAverage()}`,
  );
  console.log(
    `  server CPU-s by thread until acked: ${ackThreads}; until flushed: ${threadCpuSince(threadsBefore, served.pid)}`,
  );
}
console.log(
  `ingest sustained (acked, applied and flushed by detection): ${Math.round(total / totalSeconds)} exchanges/s wall, ${Math.round(total / totalCpu)} exchanges per server CPU-second, over ${total} exchanges`,
);
{
  const listed = (await (
    await fetch(`${url}/v1/campaigns?limit=100`, { headers: auth(adminToken) })
  ).json()) as { campaigns: { status: string; accounts: string[] }[] };
  console.log(
    `  campaigns (accounts, status): ${campaignSizes(listed.campaigns)}${rounds === 1 ? ` (scan: ${scanCampaigns}; batches arrive ${concurrency} at a time, so records of neighbouring batches may reach detection in another order than scan reads them)` : ''}`,
  );
}

// Phase 2: risk lookups at a fixed rate while another round is ingested.
await settle();
const riskPaths = accounts.slice(0, 500).map((account) => `/v1/accounts/${encodeURIComponent(account)}/risk`);
let pathIndex = 0;
/** Risk lookups at `riskRate` for `riskSeconds`, rotating over 500 accounts. */
const askRisk = () =>
  autocannon({
    url,
    connections: 32,
    overallRate: riskRate,
    duration: riskSeconds,
    headers: auth(ingestToken),
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: riskPaths[pathIndex++ % riskPaths.length] }),
      },
    ],
  });
// The ingest load comes from a worker thread, so this thread's event loop (autocannon's) only
// measures lookups: latency figures are the server's, not the load generator's.
await stats(); // resets the server's event-loop delay histogram
const loadBefore = loadAverage();
// The server's HTTP thread is its main thread (tid = pid); this process's main thread runs autocannon.
const httpSched = schedOf(served.pid, served.pid);
const clientSched = schedOf(process.pid, process.pid);
const ingestDuring = postFromWorker(url, ingestToken, roundBodies(rounds));
const risk = await askRisk();
const during = await ingestDuring;
console.log(
  `risk while ingesting: ${Math.round(risk.requests.average)} req/s asked ${riskRate}/s; latency p50 ${risk.latency.p50} ms, p90 ${risk.latency.p90} ms, p99 ${risk.latency.p99} ms, max ${risk.latency.max} ms; non-2xx ${risk.non2xx}, errors ${risk.errors}; load average ${loadBefore} before, ${loadAverage()} after`,
);
console.log(
  `  server HTTP thread: ${schedSince(httpSched, served.pid, served.pid, riskSeconds)}; load generator (autocannon) thread: ${schedSince(clientSched, process.pid, process.pid, riskSeconds)}`,
);
const loop = (await stats()).eventLoopDelayMs;
console.log(
  `  server HTTP-thread event-loop delay during the risk phase: p50 ${loop.p50} ms, p99 ${loop.p99} ms, max ${loop.max} ms`,
);
console.log(
  `ingest during the risk phase: ${during.records} exchanges in ${during.seconds.toFixed(2)} s = ${Math.round(during.records / during.seconds)}/s`,
);
// Phase 3: the same lookups with nothing else running in the server (the lookup path's own cost).
pathIndex = 0;
const lagBefore = (await stats()).detectionLag; // also resets the event-loop delay histogram
const riskCpuBefore = cpuSeconds();
const aloneLoadBefore = loadAverage();
const aloneHttpSched = schedOf(served.pid, served.pid);
const aloneClientSched = schedOf(process.pid, process.pid);
const riskAlone = await askRisk();
console.log(
  `risk alone (no ingest; detection catching up, if it lags, at low priority): ${Math.round(riskAlone.requests.average)} req/s asked ${riskRate}/s; latency p50 ${riskAlone.latency.p50} ms, p90 ${riskAlone.latency.p90} ms, p99 ${riskAlone.latency.p99} ms, max ${riskAlone.latency.max} ms; non-2xx ${riskAlone.non2xx}; server CPU ${Math.round(((cpuSeconds() - riskCpuBefore) / Math.max(1, riskAlone.requests.total)) * 1e6)} µs per lookup; load average ${aloneLoadBefore} before, ${loadAverage()} after`,
);
console.log(
  `  server HTTP thread: ${schedSince(aloneHttpSched, served.pid, served.pid, riskSeconds)}; load generator (autocannon) thread: ${schedSince(aloneClientSched, process.pid, process.pid, riskSeconds)}`,
);
const after = await stats();
console.log(
  `  server HTTP-thread event-loop delay then: p50 ${after.eventLoopDelayMs.p50} ms, p99 ${after.eventLoopDelayMs.p99} ms, max ${after.eventLoopDelayMs.max} ms; detection lag ${lagBefore} before, ${after.detectionLag} after`,
);
console.log(`server peak RSS: ${peakRssMiB()} MiB; stored: ${after.exchanges} exchanges`);

const stopStarted = performance.now();
await served.stop();
const stopSeconds = (performance.now() - stopStarted) / 1000;

// Phase 4: restart. A clean stop flushes detection and saves its snapshot; the new process
// restores it and replays only records stored after it (none here).
const restartStarted = performance.now();
const again = await spawnServer(args);
const restartSeconds = (performance.now() - restartStarted) / 1000;
console.log(
  `restart: stop (flush + snapshot) ${stopSeconds.toFixed(1)} s; start to listening ${restartSeconds.toFixed(1)} s; ${again.log.match(/detection [^\n]*/)?.[0] ?? 'no recovery line'}`,
);
await again.stop();
rmSync(dataDir, { recursive: true, force: true });
