/**
 * Benchmark of the campaign engine alone (link, cluster, score): a synthetic world of hand-built
 * account summaries (background users, campaigns, benign organisations) fed over hourly ticks, a
 * tenth of the accounts changing each tick, as the pipeline would. Prints summaries per second,
 * per-tick cost, peak memory, the scale and the machine.
 *
 *   npx tsx bench/campaign-engine.ts [--accounts 20000] [--ticks 48]
 */
import os from 'node:os';
import type { AccountSummary } from '../src/core/types.js';
import { createCampaignEngine } from '../src/score/index.js';
import {
  background,
  benchmarkRunners,
  campaign,
  enterprise,
  T0,
  university,
} from '../src/score/test-support/world.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const accounts = arg('--accounts', 20_000);
const ticks = arg('--ticks', 48);
const HOUR = 3_600_000;

const campaigns = Math.max(1, Math.round(accounts / 2000));
const world: AccountSummary[] = [
  ...background(Math.round(accounts * 0.8)),
  ...Array.from({ length: campaigns }, (_, k) =>
    campaign(`op${k}`, Math.round((accounts * 0.15) / campaigns)),
  ).flat(),
  ...enterprise(Math.round(accounts * 0.02)),
  ...university(Math.round(accounts * 0.025)),
  ...benchmarkRunners(Math.round(accounts * 0.005)),
];
const engine = createCampaignEngine();
let peak = 0;
let fed = 0;
let worst = 0;
const started = performance.now();
for (let t = 0; t < ticks; t++) {
  // First tick: everybody; then a rotating tenth with grown volumes.
  const changed =
    t === 0
      ? world
      : world
          .filter((_, i) => i % 10 === t % 10)
          .map((s) => ({ ...s, exchanges: s.exchanges + t, lastSeen: (s.lastSeen ?? T0) + t * HOUR }));
  const t1 = performance.now();
  engine.tick(changed, T0 + 8 * 24 * HOUR + t * HOUR);
  worst = Math.max(worst, performance.now() - t1);
  fed += changed.length;
  peak = Math.max(peak, process.memoryUsage().rss);
}
const seconds = (performance.now() - started) / 1000;
const detected = engine.campaigns().length;
console.log(
  [
    `campaign engine: ${world.length} accounts, ${ticks} ticks, ${fed} summaries in ${seconds.toFixed(1)} s`,
    `  ${Math.round(fed / seconds)} summaries/s, worst tick ${worst.toFixed(0)} ms, ${detected} campaigns detected (${campaigns} planted)`,
    `  peak RSS ${(peak / 2 ** 20).toFixed(0)} MB`,
    `  machine: ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores, Node ${process.version}`,
  ].join('\n'),
);
