import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createTemplateMiner, type MinerOptions } from './miner.js';
import { scan } from './normalise.js';

const TOPICS = [
  'the french revolution',
  'black holes',
  'tax law in spain',
  'protein folding',
  'medieval trade routes',
  'the stock market',
  'jazz history',
  'volcanoes',
  'ancient rome',
  'quantum computing',
];
const QUESTIONS = [
  'why did it start',
  'who were the key people involved',
  'what happened next and how did people react to it',
  'how does it work in practice',
  'what are the open problems',
];

/** Three wrapper families: a fixed preamble, a fixed suffix, and quoted slots. */
function stream(): { text: string; family: string }[] {
  const out: { text: string; family: string }[] = [];
  for (const topic of TOPICS) {
    for (const q of QUESTIONS) {
      out.push({
        family: 'preamble',
        text: `You are an expert tutor. Answer the following question about ${topic}: ${q}?`,
      });
      out.push({
        family: 'suffix',
        text: `${q} regarding ${topic}. Respond in exactly three sentences and cite one source.`,
      });
      out.push({
        family: 'quoted',
        text: `Does the answer to "${q}" also answer "${topic}"? Reply yes or no.`,
      });
    }
  }
  return out;
}

function shuffle<T>(items: T[], seed: number): T[] {
  const out = items.slice();
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('template miner', () => {
  it('groups each wrapper family into one template with variable slots', () => {
    const miner = createTemplateMiner();
    const ids = new Map<string, Set<string>>();
    const records = stream();
    for (const r of records) miner.add(scan(r.text));
    for (const r of records) {
      const id = miner.add(scan(r.text)).id;
      ids.set(r.family, (ids.get(r.family) ?? new Set()).add(id));
    }
    for (const set of ids.values()) expect(set.size).toBe(1);
    expect(new Set([...ids.values()].map((s) => [...s][0])).size).toBe(3);
    const texts = miner.templates().map((t) => t.text);
    expect(texts).toContain('you are an expert tutor. answer the <*>?');
    expect(texts).toContain('<*> exactly three sentences and cite one source.');
    expect(texts).toContain('does the answer to <str> also answer <str>? reply yes or no.');
  });

  it('converges to the same ids on a replay, in any order, on a fresh miner', () => {
    const records = stream();
    const finalIds = (order: typeof records) => {
      const miner = createTemplateMiner();
      for (const r of order) miner.add(scan(r.text));
      return records.map((r) => miner.add(scan(r.text)).id);
    };
    const first = finalIds(records);
    expect(finalIds(records)).toEqual(first);
    expect(finalIds(shuffle(records, 1))).toEqual(first);
    expect(finalIds(shuffle(records, 99))).toEqual(first);
  });

  it('resumes from an exported state exactly as the miner it came from would have gone on', () => {
    // Tight bounds, so that the rest of the stream evicts clusters, fills leaves and sends new
    // tokens to the trees' <*> children: all of it depends on the state carried over.
    const options: MinerOptions = { maxClusters: 40, maxClustersPerLeaf: 3, maxChildren: 4 };
    const noise = Array.from({ length: 400 }, (_, i) => {
      const word = (k: number) => `w${(Math.imul(i + 1, 2654435761) >>> (k * 3)) % 37}`;
      return Array.from({ length: 3 + (i % 9) }, (_, k) => word(k)).join(' ');
    });
    const prompts = shuffle([...stream().map((r) => r.text), ...noise], 7);
    const cut = Math.floor(prompts.length / 2);
    const original = createTemplateMiner(options);
    for (const text of prompts.slice(0, cut)) original.add(scan(text), text.length % 3);
    // Through the bytes the service stores its snapshots in.
    const restored = createTemplateMiner(options);
    restored.importState(deserialize(serialize(original.exportState())));
    const fresh = createTemplateMiner(options);
    const rest = (miner: ReturnType<typeof createTemplateMiner>) =>
      prompts.slice(cut).map((text) => {
        const t = miner.add(scan(text), text.length % 3);
        return `${t.id} ${t.text} ${t.size}`;
      });
    const expected = rest(original);
    expect(rest(restored)).toEqual(expected);
    expect(restored.templates()).toEqual(original.templates());
    expect(restored.size).toBe(original.size);
    // Without the state the same prompts mine otherwise (what the comparison above rules out).
    expect(rest(fresh)).not.toEqual(expected);
  });

  it('keeps unrelated short questions apart', () => {
    const miner = createTemplateMiner();
    const a = miner.add(scan('what is my credit score')).id;
    const b = miner.add(scan('what is the weather in paris')).id;
    const c = miner.add(scan('how do i reset my password')).id;
    expect(new Set([a, b, c]).size).toBe(3);
  });

  it('stays bounded', () => {
    const miner = createTemplateMiner({ maxClusters: 100 });
    for (let i = 0; i < 2000; i++) {
      const words = Array.from({ length: 6 }, (_, k) =>
        String.fromCharCode(97 + ((i * 7 + k * 13) % 26)).repeat(1 + (i % 5)),
      );
      miner.add(
        scan(
          `${words.join(' ')} ${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + ((i >> 5) % 26))}`,
        ),
      );
    }
    expect(miner.size).toBeLessThanOrEqual(100);
  });

  it('separates prompts with different tool shapes', () => {
    const miner = createTemplateMiner();
    const a = miner.add(scan('find the weather in paris today'), 1).id;
    const b = miner.add(scan('find the weather in paris today'), 2).id;
    expect(a).not.toBe(b);
  });
});

describe('quick rejection by group keys', () => {
  const base =
    'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa';
  const words = base.split(' ');
  const swap = (positions: number[]) =>
    words.map((w, i) => (positions.includes(i) ? `x${'q'.repeat(i + 1)}` : w)).join(' ');

  it('still joins a variant one token off at any position of the head or the tail', () => {
    for (const at of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]) {
      const miner = createTemplateMiner();
      const first = miner.add(scan(base)).id;
      const joined = miner.add(scan(swap([at])));
      expect(joined.size, `token ${at}`).toBe(2);
      expect(joined.id, `token ${at}`).not.toBe(first);
    }
  });

  it('does not join a variant two tokens off in the head and two in the tail', () => {
    for (const positions of [
      [0, 7, 8, 15],
      [3, 4, 11, 12],
      [1, 2, 13, 14],
    ]) {
      const miner = createTemplateMiner();
      miner.add(scan(base));
      expect(miner.add(scan(swap(positions))).size, positions.join(',')).toBe(1);
      expect(miner.size).toBe(2);
    }
  });

  it('joins a generalised template whose slots lie in different groups when the prompt matches elsewhere', () => {
    const miner = createTemplateMiner();
    miner.add(scan(base));
    miner.add(scan(swap([0]))); // head slot 0 becomes <*>
    const third = miner.add(scan(swap([5, 9]))); // head one off (5), tail one off (9): still 7 of 8
    expect(third.size).toBe(3);
  });

  // 40 words: with 16-token windows the head (groups 0-3) and the tail (groups 4-7) do not overlap
  const letters = (i: number) => String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26));
  const long = Array.from({ length: 40 }, (_, i) => `w${letters(i)}`);
  const longWith = (positions: number[]) =>
    long.map((w, i) => (positions.includes(i) ? `other${letters(i)}` : w)).join(' ');

  it('with more than four groups (16-token windows) finds a match through a tail group', () => {
    const miner = createTemplateMiner({ headTokens: 16, tailTokens: 16 });
    miner.add(scan(long.join(' ')));
    // one token off in each head group: the head agrees on 12 of 16 (below 0.8), the tail on all
    const joined = miner.add(scan(longWith([1, 5, 9, 13])));
    expect(joined.size).toBe(2);
    expect(miner.size).toBe(1);
    // and one off in every group of both sides joins nothing
    expect(miner.add(scan(longWith([1, 5, 9, 13, 25, 29, 33, 37]))).size).toBe(1);
    expect(miner.size).toBe(2);
  });

  it('with fewer than four groups (3-token windows) joins only exact windows', () => {
    const miner = createTemplateMiner({ headTokens: 3, tailTokens: 3 });
    miner.add(scan(long.join(' ')));
    expect(miner.add(scan(longWith([20]))).size).toBe(2); // the middle is not read
    expect(miner.add(scan(longWith([0, 39]))).size).toBe(1); // one off at each end
    expect(miner.add(scan(longWith([1]))).size).toBe(3); // the tail still agrees
  });
});
