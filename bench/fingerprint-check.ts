/**
 * Output equivalence and profiling for fingerprint speed work: every output a speed change could
 * alter, written as NDJSON so a run before and a run after can be compared line by line.
 *
 *   npx tsc -p tsconfig.json && node dist-check/bench/fingerprint-check.js --dump /tmp/fp-before.ndjson [--n 40000]
 *   ... change the code, rebuild ...
 *   node dist-check/bench/fingerprint-check.js --dump /tmp/fp-after.ndjson --against /tmp/fp-before.ndjson
 *   node --cpu-prof --cpu-prof-dir /tmp/prof dist-check/bench/fingerprint-check.js --profile [--n 40000]
 *
 * What is written: for every prompt of the bench mix (bench/fingerprint-mix.ts) and every record
 * of the dev corpora (with their system prompts, tools and turns) the stateless and the mined
 * fingerprint; the mined templates; the index fed with the mined fingerprints, queried for every
 * template and band key seen, every account, `shared()`, `stats()` and its canonical `toJSON()`;
 * the same with a tiny miner and index whose bounds make them evict (LRU clusters, pruned keys,
 * full per-account lists, a crowded doorkeeper). `--against` reports the first differing lines
 * of each section. `--profile` runs only the full path (miner + index) over the mix, for `--cpu-prof`.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import os from 'node:os';
import type { Exchange, Fingerprint } from '../src/core/types.js';
import {
  createFingerprinter,
  createFingerprintIndex,
  type FingerprintIndex,
  type FingerprintIndexOptions,
  fingerprint,
  type MinerOptions,
} from '../src/fingerprint/index.js';
import { corporaDir } from '../src/fingerprint/test-support/corpus.js';
import { optionReader } from './args.js';
import { buildMix, loadMixCorpora } from './fingerprint-mix.js';
import { machineLine } from './machine.js';

const args = process.argv.slice(2);
const option = optionReader(args);
const N = Number(option('n', '40000'));
const DUMP = option('dump');
const AGAINST = option('against');
const PROFILE = args.includes('--profile');
const dir = option('corpora') ?? corporaDir();
if (dir === null) {
  console.log('bench/fingerprint-check: ../shared/corpora/dev is absent.');
  process.exit(0);
}

const records = loadMixCorpora(dir);
const mix = buildMix(records, N);
const ACCOUNTS = Array.from({ length: 5000 }, (_, a) => `acct_${a}`);
const T0 = Date.parse('2026-04-22T00:00:00Z');

if (PROFILE) {
  console.log(machineLine());
  const rates: string[] = [];
  for (let r = 0; r < Number(option('repeats', '1')); r++) {
    const cpu0 = process.cpuUsage();
    const fper = createFingerprinter();
    const index = createFingerprintIndex();
    for (let i = 0; i < N; i++) {
      const fp = fper.fingerprint({ prompt: mix[i] });
      index.add(ACCOUNTS[(i * 7919) % 5000], T0 + i * 1000, fp);
    }
    const used = process.cpuUsage(cpu0);
    rates.push(Math.round(N / ((used.user + used.system) / 1e6)).toLocaleString('en-US'));
  }
  console.log(
    `miner + index over ${N} prompts: ${rates.join(', ')}/s per CPU s; load ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  process.exit(0);
}
if (DUMP === undefined) {
  console.log('usage: fingerprint-check --dump FILE [--against FILE] [--n N] | --profile [--n N]');
  process.exit(1);
}

/** Every corpus record as an exchange, with its system prompt, tools and turns. */
const corpusExchanges: Partial<Exchange>[] = [...records.values()].flat().map((r) => ({
  prompt: r.text,
  system: r.system,
  tools: r.tools,
  turns: r.turns === undefined ? undefined : r.turns.length + 1,
}));
const exchanges: Partial<Exchange>[] = [...mix.map((prompt) => ({ prompt })), ...corpusExchanges];

const out = createWriteStream(DUMP);
const write = (section: string, value: unknown) => out.write(`${section}\t${JSON.stringify(value)}\n`);

/** Canonical JSON: object keys and array elements that are unordered sets sorted. */
function canonicalIndex(index: FingerprintIndex): unknown {
  const json = index.toJSON();
  return {
    ...json,
    keys: json.keys
      .map(([key, exchanges, first, last, accounts, hll]) => [
        key,
        exchanges,
        first,
        last,
        [...accounts].sort((a, b) => a[0] - b[0]),
        hll,
      ])
      .sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1)),
    accountKeys: json.accountKeys.map(([account, list]) => [
      account,
      [...list].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1])),
    ]),
  };
}

function runPath(label: string, minerOptions: MinerOptions, indexOptions: FingerprintIndexOptions): void {
  const fper = createFingerprinter({ miner: minerOptions });
  const index = createFingerprintIndex(indexOptions);
  const templates = new Set<string>();
  const bands = new Set<string>();
  exchanges.forEach((exchange, i) => {
    const fp: Fingerprint = fper.fingerprint(exchange);
    write(`${label}.mined`, [i, fp]);
    index.add(ACCOUNTS[(i * 7919) % 5000], T0 + i * 1000, fp);
    templates.add(fp.template);
    for (const band of fp.bands) bands.add(band);
    if (i === Math.floor(exchanges.length / 2)) write(`${label}.shared-mid`, index.shared(2));
  });
  write(`${label}.templates`, fper.templates());
  for (const id of [...templates].sort()) write(`${label}.template`, [id, index.template(id)]);
  for (const key of [...bands].sort()) write(`${label}.bucket`, [key, index.bucket(key)]);
  for (const account of ACCOUNTS) write(`${label}.account`, index.account(account));
  write(`${label}.shared`, index.shared(2));
  write(`${label}.stats`, index.stats());
  write(`${label}.json`, canonicalIndex(index));
}

exchanges.forEach((exchange, i) => {
  write('stateless', [i, fingerprint(exchange)]);
});
runPath('default', {}, {});
runPath(
  'tiny',
  { maxClusters: 400, maxClustersPerLeaf: 4, maxChildren: 8 },
  { doorkeeperSlots: 1 << 12, maxKeys: 3000, keysPerAccount: 16, accountsPerKey: 4 },
);
await new Promise<void>((resolve) => out.end(resolve));
console.log(`wrote ${DUMP} (${exchanges.length} exchanges)`);

if (AGAINST !== undefined) {
  const mine = readFileSync(DUMP, 'utf8').split('\n');
  const theirs = readFileSync(AGAINST, 'utf8').split('\n');
  const shown = new Map<string, number>();
  let differing = 0;
  for (let i = 0; i < Math.max(mine.length, theirs.length); i++) {
    if (mine[i] === theirs[i]) continue;
    differing++;
    const section = (mine[i] ?? theirs[i] ?? '').split('\t')[0];
    const seen = shown.get(section) ?? 0;
    shown.set(section, seen + 1);
    if (seen < 3) {
      console.log(`line ${i + 1} differs (${section}):`);
      console.log(`  before: ${(theirs[i] ?? '<none>').slice(0, 600)}`);
      console.log(`  after:  ${(mine[i] ?? '<none>').slice(0, 600)}`);
    }
  }
  console.log(
    differing === 0
      ? `identical to ${AGAINST}: ${mine.length - 1} lines`
      : `${differing} of ${Math.max(mine.length, theirs.length)} lines differ; by section: ${JSON.stringify(Object.fromEntries(shown))}`,
  );
  process.exitCode = differing === 0 ? 0 : 1;
}
