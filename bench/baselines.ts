/**
 * Baseline and scorer benchmark: the per-exchange hot paths of `baseline volume`, `baseline
 * network` and `eval --exchanges` (the exposure tally) on in-memory exchange batches, so the
 * numbers exclude NDJSON parsing (bench/ndjson.ts measures that). Prints exchanges/s and peak
 * memory per stage. Usage: npx tsx bench/baselines.ts [EXCHANGES=5000000] [ACCOUNTS=50000]
 */
import { createNetworkDetector, createVolumeDetector } from '../src/baselines/index.js';
import type { Exchange, Labels } from '../src/core/types.js';
import { createEnricher } from '../src/enrich/index.js';
import { createExposureCounter, flagTimes } from '../src/eval/index.js';
import { machineLine, trackPeakMemory } from './machine.js';

const total = Number(process.argv[2] ?? 5_000_000);
const accounts = Number(process.argv[3] ?? 50_000);
const BATCH = 4096;
const T0 = Date.parse('2026-04-22T00:00:00Z');
const SPAN = 45 * 86_400_000;

/** Exchanges in time order over 45 days; account i%accounts; a few real address ranges. */
function* batches(): Generator<Exchange[]> {
  const prefixes = ['52.95.110', '73.162.10', '24.5.6', '172.224.226', '81.2.69'];
  for (let start = 0; start < total; start += BATCH) {
    const batch: Exchange[] = [];
    for (let i = start; i < Math.min(total, start + BATCH); i++) {
      const account = (i * 2654435761) % accounts;
      batch.push({
        id: `x${i}`,
        ts: T0 + Math.floor((i / total) * SPAN),
        account: `acct_${account}`,
        ip: `${prefixes[account % prefixes.length]}.${(i >> 6) % 250}`,
      });
    }
    yield batch;
  }
}

function measure(name: string, run: () => void): void {
  const memory = trackPeakMemory();
  const started = performance.now();
  run();
  const seconds = (performance.now() - started) / 1000;
  const peak = memory.stop();
  console.log(
    `${name.padEnd(18)} ${(total / seconds / 1e6).toFixed(2)}M exchanges/s  ${seconds.toFixed(1)} s  peak rss ${peak.rssMiB} MiB, heap ${peak.heapMiB} MiB`,
  );
}

console.log(machineLine());
console.log(
  `scale: ${total.toLocaleString('en-US')} exchanges, ${accounts.toLocaleString('en-US')} accounts, batches of ${BATCH} (generation time included in each line)`,
);
measure('generate only', () => {
  for (const _ of batches());
});
let verdicts: ReturnType<ReturnType<typeof createVolumeDetector>['finish']>['verdicts'] = [];
measure('volume baseline', () => {
  const detector = createVolumeDetector({ threshold: 200 });
  for (const batch of batches()) detector.add(batch);
  verdicts = detector.finish().verdicts;
});
const enricher = createEnricher();
enricher.load();
measure('network baseline', () => {
  const detector = createNetworkDetector(enricher);
  for (const batch of batches()) detector.add(batch);
  detector.finish();
});
const labels: Labels = {
  preset: 'bench',
  seed: 0,
  scale: 1,
  days: 45,
  start: new Date(T0).toISOString(),
  end: new Date(T0 + SPAN).toISOString(),
  accounts: {},
  campaigns: [
    {
      id: 'c',
      operator: 'o',
      tactics: [],
      accounts: [],
      start: new Date(T0).toISOString(),
      end: new Date(T0 + SPAN).toISOString(),
      exchanges: 0,
    },
  ],
};
for (let a = 0; a < accounts; a++) {
  const attack = a % 10 === 0;
  labels.accounts[`acct_${a}`] = {
    persona: attack ? 'op' : 'chat',
    isAttack: attack,
    campaignId: attack ? 'c' : null,
    tactic: null,
  };
  if (attack) labels.campaigns[0].accounts.push(`acct_${a}`);
}
measure('eval exposure', () => {
  const counter = createExposureCounter(labels, flagTimes(verdicts));
  for (const batch of batches()) counter.add(batch);
});
