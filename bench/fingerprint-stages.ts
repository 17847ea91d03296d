/**
 * Stage costs of fingerprint(), on the bench mix (bench/fingerprint-mix.ts): the scan alone; the
 * scan followed by the template miner, and by MinHash and the band keys (the two the reference
 * comparisons time); the scan followed by the language identifier and the trigger pass the way
 * fingerprint() runs them (one pass over the words gives both for a Latin-script prompt without
 * a system prompt), and the same two done as two passes (`detectLanguage`, then `triggersOf` for
 * the covered prompts). Each stage's cost is the difference of two loops' CPU time per prompt,
 * best of `--repeats` alternating runs, so it is steadier than one loop on a shared machine.
 *
 *   npx tsc -p tsconfig.json && node dist-check/bench/fingerprint-stages.js [--corpora DIR] [--n 40000] [--repeats 6]
 */
import os from 'node:os';
import { resolveLsh } from '../src/fingerprint/fingerprint.js';
import { detectLanguage } from '../src/fingerprint/language.js';
import { createTemplateMiner } from '../src/fingerprint/miner.js';
import { bandKeys, minhash } from '../src/fingerprint/minhash.js';
import { LATIN, scan, type TokenStream } from '../src/fingerprint/normalise.js';
import { corporaDir } from '../src/fingerprint/test-support/corpus.js';
import { type Triggers, triggersOf } from '../src/fingerprint/triggers.js';
import { optionReader } from './args.js';
import { buildMix, loadMixCorpora } from './fingerprint-mix.js';
import { machineLine } from './machine.js';

const args = process.argv.slice(2);
const option = optionReader(args);
const N = Number(option('n', '40000'));
const REPEATS = Number(option('repeats', '6'));
const dir = option('corpora') ?? corporaDir();
if (dir === null) {
  console.log('bench/fingerprint-stages: ../shared/corpora/dev is absent.');
  process.exit(0);
}
const mix = buildMix(loadMixCorpora(dir), N);

function latinOnly(s: TokenStream): boolean {
  for (let i = 0; i < s.scripts.length; i++) if (i !== LATIN && s.scripts[i] > 0) return false;
  return true;
}

const params = resolveLsh();
const signature = new Uint32Array(params.slots);
let sink = 0;
const loops: Record<string, () => void> = {
  scan() {
    for (let i = 0; i < N; i++) sink += scan(mix[i]).count;
  },
  miner() {
    const miner = createTemplateMiner();
    for (let i = 0; i < N; i++) sink += miner.add(scan(mix[i])).size;
  },
  bands() {
    for (let i = 0; i < N; i++)
      if (minhash(scan(mix[i]), signature) > 0) sink += bandKeys(signature, params).length;
  },
  onePass() {
    for (let i = 0; i < N; i++) {
      const s = scan(mix[i]);
      let triggers: Triggers | null = latinOnly(s) ? triggersOf(s) : null;
      const language = triggers !== null ? (triggers.latinLanguage as string) : detectLanguage(s);
      if (language !== 'en' && language !== 'und') triggers = null;
      sink += language.length + (triggers?.words ?? 0);
    }
  },
  twoPasses() {
    for (let i = 0; i < N; i++) {
      const s = scan(mix[i]);
      const language = detectLanguage(s);
      const triggers = (language === 'en' || language === 'und') && latinOnly(s) ? triggersOf(s) : null;
      sink += language.length + (triggers?.words ?? 0);
    }
  },
};

const best: Record<string, number> = {};
for (let r = 0; r < REPEATS; r++) {
  for (const [name, loop] of Object.entries(loops)) {
    const cpu0 = process.cpuUsage();
    loop();
    const used = process.cpuUsage(cpu0);
    best[name] = Math.min(best[name] ?? Number.POSITIVE_INFINITY, (used.user + used.system) / N);
  }
}
console.log(machineLine());
console.log(
  `mix: ${N} prompts; best of ${REPEATS} runs per CPU second; load ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
console.log(`  scan                                    ${best.scan.toFixed(2)} us a prompt`);
console.log(
  `  + template miner                        ${(best.miner - best.scan).toFixed(2)} us (scan + miner ${best.miner.toFixed(2)} us: the Drain3 comparison)`,
);
console.log(
  `  + MinHash + band keys                   ${(best.bands - best.scan).toFixed(2)} us (scan + MinHash + band keys ${best.bands.toFixed(2)} us: the datasketch comparison)`,
);
console.log(
  `  + language + triggers, one pass         ${(best.onePass - best.scan).toFixed(2)} us (as fingerprint() runs them)`,
);
console.log(
  `  + language + triggers, two passes       ${(best.twoPasses - best.scan).toFixed(2)} us (detectLanguage, then triggersOf)`,
);
if (sink === 42) console.log('');
