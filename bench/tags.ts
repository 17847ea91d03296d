/**
 * Tag-stage benchmark: capability and extraction tags alone (what `fingerprint()` spends on
 * `triggersOf` + `extractionTags` + `capabilityTags`), over a realistic mix of the dev corpora:
 * raw prompts, prompts under long preambles, few-shot blocks, a tail of long contexts, and a
 * share of non-English prompts. Prompts are scanned beforehand (the scan is the normaliser's cost,
 * measured in bench/fingerprint.ts); the timed loop runs only the tag code, the way
 * src/fingerprint/fingerprint.ts calls it.
 *
 *   npx tsx bench/tags.ts [--n 20000] [--repeats 3] [--src DIR] [--quality] [--corpora DIR]
 *   npx tsc -p tsconfig.json && node dist-check/bench/tags.js --corpora ../shared/corpora/dev
 *
 * Compiled JavaScript is what production runs: tsx turns every imported binding into a getter
 * call, which slows hot loops (see bench/README.md, Fingerprinting). `--src` then takes a compiled
 * tree (a directory holding fingerprint/tags.js).
 *
 * `--quality` also prints tag precision/recall: the dev-corpus sets per wording set (report,
 * fresh, fresh2, fresh3 on the report slice; tune phrasings on the tune slice) and the written
 * paraphrase sets (development, held-out, fresh .. fresh4), with the fired look-alikes.
 *
 * `--src` runs the tag code of another checkout's src/ (e.g. the previous version, copied with
 * `git worktree` or `git archive`) on the same mix, for a before/after comparison on one machine.
 *
 * Throughput is per CPU second of this process (the machine is shared); wall time too.
 */
import os from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mulberry32 } from '../src/core/random.js';
import type { ExtractionTag } from '../src/core/types.js';
import { fingerprint } from '../src/fingerprint/fingerprint.js';
import { detectLanguage } from '../src/fingerprint/language.js';
import { LATIN, NUM, scan, type TokenStream } from '../src/fingerprint/normalise.js';
import type { RuleLanguage } from '../src/fingerprint/tags.js';
import {
  buildExtractionSet,
  corporaDir,
  loadCorpus,
  scoreTags,
} from '../src/fingerprint/test-support/corpus.js';
import { paraphraseSet } from '../src/fingerprint/test-support/paraphrases.js';
import { optionReader } from './args.js';
import { MIX_CORPORA } from './fingerprint-mix.js';
import { machineLine, trackPeakMemory } from './machine.js';

const args = process.argv.slice(2);
const option = optionReader(args);
const N = Number(option('n', '20000'));
const REPEATS = Number(option('repeats', '3'));
const SRC = resolve(option('src', resolve(import.meta.dirname, '../src')));
const EXT = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
const tagsModule: typeof import('../src/fingerprint/tags.js') = await import(
  pathToFileURL(resolve(SRC, `fingerprint/tags.${EXT}`)).href
);
const triggersModule: typeof import('../src/fingerprint/triggers.js') = await import(
  pathToFileURL(resolve(SRC, `fingerprint/triggers.${EXT}`)).href
);
const { capabilityTags, extractionTags } = tagsModule;
const { FOREIGN, triggersOf } = triggersModule;

const dir = args.includes('--corpora') ? resolve(option('corpora', '')) : corporaDir();
if (dir === null) {
  console.log('bench/tags: ../shared/corpora/dev is absent; the mix needs it.');
  process.exit(0);
}

const random = mulberry32(7);
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

// The fingerprint mix's corpora but for bfcl-simple-python: this bench's recorded figures use that set.
const names = MIX_CORPORA.filter((name) => name !== 'bfcl-simple-python');
const pool = names.flatMap((name) => loadCorpus(dir, name));
const preambles = pool.filter((r) => r.source.includes('awesome') && r.text.length > 250).map((r) => r.text);
const longSource = pool.filter((r) => r.text.length > 1500).map((r) => r.text);
const fewShot = loadCorpus(dir, 'gsm8k-train').map((r) => r.text);
/** Short non-English requests (the corpora are English; campaigns are not). */
const foreign = [
  '请解释一下量子纠缠是什么，并举一个生活中的例子。',
  'Объясни, пожалуйста, разницу между TCP и UDP простыми словами.',
  '¿Cuáles son las principales causas del cambio climático?',
  'Quelle est la meilleure façon d’apprendre une langue étrangère ?',
  'Wie funktioniert eine Wärmepumpe im Winter?',
  '東京でおすすめの観光地を教えてください。',
  '서울에서 부산까지 기차로 얼마나 걸리나요?',
];

/** One prompt of the mix (median ~500 characters, a tail to 20,000). */
function mixPrompt(): string {
  const r = random();
  if (r < 0.25) return pick(pool).text;
  if (r < 0.33) return `${pick(foreign)}\n${pick(foreign)}`;
  if (r < 0.86) return `${pick(preambles).slice(0, 300 + Math.floor(random() * 500))}\n\n${pick(pool).text}`;
  if (r < 0.985)
    return Array.from({ length: 2 + Math.floor(random() * 6) }, () => `Q: ${pick(fewShot)}\nA: ...`).join(
      '\n\n',
    );
  let text = '';
  const target = 8000 + Math.floor(random() * 12000);
  while (text.length < target) text += `${pick(longSource)}\n\n`;
  return text.slice(0, target);
}

/** A private copy of the shared scan buffers, so the timed loop runs the tags only. */
function snapshot(s: TokenStream): TokenStream {
  return {
    ...s,
    hashes: s.hashes.slice(0, s.count),
    kinds: s.kinds.slice(0, s.count),
    maskTypes: s.maskTypes.slice(0, s.count),
    starts: s.starts.slice(0, s.count),
    ends: s.ends.slice(0, s.count),
    scripts: s.scripts.slice(),
    masks: s.masks.slice(),
    codeTexts: new Map(s.codeTexts),
    joined: s.joined.slice(0, s.joinedCount),
    lineBreaks: s.lineBreaks.slice(0, s.lineBreakCount),
  };
}

const LATIN_RULES: RuleLanguage[] = ['en', 'es', 'fr', 'de'];
const ENGLISH: RuleLanguage[] = ['en'];
function latinOnly(s: TokenStream): boolean {
  for (let i = 0; i < s.scripts.length; i++) if (i !== LATIN && s.scripts[i] > 0) return false;
  return true;
}

interface Prepared {
  s: TokenStream;
  language: string;
}

/** The extraction half of the tag stage, as fingerprint.ts runs it (no system prompt). */
function extractionStage({ s, language }: Prepared) {
  const covered = (language === 'en' || language === 'und') && latinOnly(s);
  const triggers = covered ? triggersOf(s) : null;
  const extraction =
    triggers === null
      ? extractionTags(s.text)
      : extractionTags(s.text, triggers.words, (triggers.words & FOREIGN) !== 0 ? LATIN_RULES : ENGLISH);
  return { triggers, extraction };
}

/** The tag stage exactly as fingerprint.ts runs it (no system prompt). */
function tagStage(p: Prepared): number {
  const { s } = p;
  const { triggers, extraction } = extractionStage(p);
  const capabilities = capabilityTags(s.text, {
    tools: 0,
    turns: 1,
    chars: s.chars,
    codeBlocks: s.codeBlocks,
    cot: extraction.some((m) => m.tag === 'cot-elicitation'),
    numbers: s.masks[NUM],
    triggers,
  });
  return extraction.length + capabilities.length;
}

const mix = Array.from({ length: N }, mixPrompt);
const prepared: Prepared[] = mix.map((prompt) => {
  const s = snapshot(scan(prompt));
  return { s, language: detectLanguage(s) };
});
const lengths = mix.map((p) => p.length).sort((a, b) => a - b);
const median = lengths[Math.floor(lengths.length / 2)];
const chars = lengths.reduce((a, b) => a + b, 0);

console.log(machineLine());
console.log(
  `load average: ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} (shared machine)`,
);
console.log(
  `mix: ${fmt(N)} prompts, median ${fmt(median)} chars, p99 ${fmt(lengths[Math.floor(lengths.length * 0.99)])}, max ${fmt(lengths[lengths.length - 1])}, mean ${fmt(chars / N)}`,
);

console.log(`tag code: ${SRC}`);
let sink = 0;
/** Best of REPEATS runs by CPU time (the machine is shared: the best run is the least disturbed). */
function measure(name: string, run: (p: Prepared) => number): void {
  for (const p of prepared.slice(0, 2000)) sink += run(p); // warm up
  let best = { cpu: Infinity, wall: Infinity };
  for (let r = 0; r < REPEATS; r++) {
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    for (const p of prepared) sink += run(p);
    const wall = (performance.now() - wall0) / 1000;
    const used = process.cpuUsage(cpu0);
    const cpu = (used.user + used.system) / 1e6;
    if (cpu < best.cpu) best = { cpu, wall };
  }
  console.log(
    `${name.padEnd(24)} ${fmt(N / best.cpu).padStart(9)} prompts/s per CPU s (${fmt(N / best.wall)}/s wall), ` +
      `${((best.cpu / N) * 1e6).toFixed(2)} us per prompt, ${(chars / best.cpu / 1e6).toFixed(0)} MB/s`,
  );
}
const memory = trackPeakMemory();
measure('tag stage (all tags)', tagStage);
measure('extraction tags only', (p) => extractionStage(p).extraction.length);
const peak = memory.stop();
const tagged = prepared.filter((p) => extractionTags(p.s.text).length > 0).length;
console.log(
  `best of ${REPEATS}; peak rss ${peak.rssMiB} MiB, heap ${peak.heapMiB} MiB; prompts with an extraction tag: ${tagged} (sink ${sink % 10})`,
);

if (args.includes('--quality')) {
  const predict = (r: { text: string; system?: string }) =>
    fingerprint({ prompt: r.text, system: r.system }).extraction.map((m) => m.tag);
  const row = (name: string, scores: { tag: string; precision: number; recall: number }[]) =>
    console.log(
      `  ${name.padEnd(26)} ${scores.map((x) => `${x.tag} P ${x.precision.toFixed(3)} R ${x.recall.toFixed(3)}`).join(' | ')}`,
    );
  console.log('\nextraction tags on the dev corpora (positives + ~20,100 ordinary prompts per slice):');
  row(
    'tune slice, tune wordings',
    scoreTags(
      buildExtractionSet(dir, 'report').filter((r) => r.slice === 'tune'),
      predict,
    ).scores,
  );
  for (const phrasings of ['report', 'fresh', 'fresh2', 'fresh3'] as const)
    row(
      `report slice, ${phrasings}`,
      scoreTags(
        buildExtractionSet(dir, phrasings).filter((r) => r.slice === 'report'),
        predict,
      ).scores,
    );
  console.log('\nwritten paraphrases (test-support/paraphrases.ts):');
  const tags: ExtractionTag[] = [
    'cot-elicitation',
    'rubric-grading',
    'instruction-generation',
    'censorship-rewrite',
  ];
  for (const half of ['dev', 'heldout', 'fresh', 'fresh2', 'fresh3', 'fresh4'] as const) {
    const rows = paraphraseSet().filter((r) => r.half === half);
    const fired = rows.map((r) => predict(r));
    const scores = tags.map((tag) => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      rows.forEach((r, i) => {
        const hit = fired[i].includes(tag);
        if (r.tag === tag && hit) tp++;
        else if (r.tag === tag) fn++;
        else if (hit) fp++;
      });
      return { tag, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn) };
    });
    row(half, scores);
    const lookalikes = rows.filter((r) => r.tag === null);
    console.log(
      `  ${''.padEnd(26)} look-alikes fired: ${lookalikes.filter((r) => fired[rows.indexOf(r)].length > 0).length} / ${lookalikes.length}`,
    );
  }
}
