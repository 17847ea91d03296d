/**
 * Benchmark of the world simulator: exchanges generated per second and peak RSS at a few scales,
 * with the machine and Node version. Output goes to a null sink (generation cost) and, with
 * --files, to NDJSON files in a temp directory (generation + serialisation + disk).
 * Run: npx tsx bench/simulate.ts [--files] [--scales small,alibaba-2026@0.01,alibaba-2026@0.05]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { simulateToFiles, simulateWorld } from '../src/sim/index.js';

const args = process.argv.slice(2);
const files = args.includes('--files');
const scalesArg = args[args.indexOf('--scales') + 1];
const runs = (args.includes('--scales') ? scalesArg : 'small,alibaba-2026@0.01,alibaba-2026@0.05').split(',');

let peak = 0;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage().rss);
};
const timer = setInterval(sample, 50);

console.log(
  `machine: ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores, Node ${process.version}, ${os.platform()}`,
);
console.log(`sink: ${files ? 'NDJSON files' : 'null (generation only)'}`);
for (const run of runs) {
  const [preset, scaleText] = run.split('@');
  const scale = scaleText ? Number(scaleText) : 1;
  peak = 0;
  const dir = files ? mkdtempSync(join(os.tmpdir(), 'dw-sim-bench-')) : '';
  let bytes = 0;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const stats = files
    ? (await simulateToFiles({ preset, scale, seed: 1, onHour: sample }, { out: dir })).stats
    : await simulateWorld(
        { preset, scale, seed: 1, onHour: sample },
        {
          exchanges: (c) => {
            bytes += c.length;
          },
          accounts: () => {},
          labels: () => {},
        },
      );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  sample();
  if (files) rmSync(dir, { recursive: true, force: true });
  console.log(
    `${preset} --scale ${scale}: ${stats.exchanges.toLocaleString('en-US')} exchanges (${stats.attackExchanges.toLocaleString('en-US')} attack), ` +
      `${stats.accounts.toLocaleString('en-US')} accounts in ${seconds.toFixed(1)} s = ` +
      `${Math.round(stats.exchanges / seconds).toLocaleString('en-US')} exchanges/s wall ` +
      `(${Math.round(stats.exchanges / cpuSeconds).toLocaleString('en-US')}/s per CPU-second)` +
      (files ? '' : `, ${(bytes / stats.exchanges).toFixed(0)} chars/exchange`) +
      `, peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`,
  );
}
clearInterval(timer);
