/**
 * The prompt mix of the fingerprint benchmarks (bench/fingerprint.ts, bench/fingerprint-check.ts),
 * built deterministically from ../shared/corpora/dev: 30% raw corpus prompts, 56% campaign-like
 * wrappers (an awesome-chatgpt-prompts preamble + a corpus prompt), 12.5% few-shot blocks, 1.5%
 * long contexts of 8,000-20,000 characters. One module so every tool measures the same prompts.
 */
import { mulberry32 } from '../src/core/random.js';
import { type CorpusRecord, loadCorpus } from '../src/fingerprint/test-support/corpus.js';

/** The corpora the mix and the accuracy sets draw from. */
export const MIX_CORPORA = [
  'sharegpt-v3-filtered-500',
  'awesome-chatgpt-prompts',
  'mt-bench',
  'vicuna-bench',
  'clinc150-train',
  'nq-open-dev',
  'bfcl-live-simple',
  'bfcl-multiple',
  'bfcl-simple-python',
  't0-templates',
  'bbh',
  'selfinstruct-seed-tasks',
  'humaneval',
  'gsm8k-train',
  'webarena',
];

/** Loads the corpora of the mix by name. */
export function loadMixCorpora(dir: string): Map<string, CorpusRecord[]> {
  return new Map(MIX_CORPORA.map((name) => [name, loadCorpus(dir, name)]));
}

/** Cuts a text at a sentence end at or before `max` characters. */
export function clipAtSentence(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf('. ', max);
  return text.slice(0, cut > max / 3 ? cut + 1 : max);
}

/** `n` prompts of the mix (seeded: the same corpora give the same prompts). */
export function buildMix(records: Map<string, CorpusRecord[]>, n: number): string[] {
  const random = mulberry32(2026);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const pool = [...records.values()].flat();
  const preambles = records
    .get('awesome-chatgpt-prompts')!
    .filter((r) => r.text.length > 250)
    .slice(0, 60)
    .map((r) => clipAtSentence(r.text, 300 + Math.floor(random() * 600)));
  const fewShotSource = [...records.get('bbh')!, ...records.get('gsm8k-train')!];
  const longSource = [
    ...records.get('sharegpt-v3-filtered-500')!,
    ...records.get('awesome-chatgpt-prompts')!,
  ];
  const mixPrompt = (): string => {
    const r = random();
    if (r < 0.3) return pick(pool).text;
    if (r < 0.86) return `${pick(preambles)}\n\n${pick(pool).text}`;
    if (r < 0.985) {
      const shots = 2 + Math.floor(random() * 8);
      return Array.from({ length: shots }, () => `Q: ${pick(fewShotSource).text}\nA: ...`).join('\n\n');
    }
    const target = 8000 + Math.floor(random() * 12000);
    let text = '';
    while (text.length < target) text += `${pick(longSource).text}\n\n`;
    return text.slice(0, target);
  };
  return Array.from({ length: n }, mixPrompt);
}
