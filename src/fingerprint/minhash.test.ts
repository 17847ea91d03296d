import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../core/random.js';
import { combine, fmix32 } from './hash.js';
import { bandKeys, collisionProbability, lshParams, minhash, similarity } from './minhash.js';
import { ELIDED, PUNCT, scan } from './normalise.js';

function signature(text: string, slots = 128): Uint32Array {
  const sig = new Uint32Array(slots);
  minhash(scan(text), sig);
  return sig;
}

/** Two word sequences whose 3-shingle sets have (close to) Jaccard similarity j. */
function pairWithJaccard(j: number, random: () => number, shingles = 120): [string, string] {
  // With distinct words, n+2 words give n shingles; a shared run of s shingles and u unique each
  // gives J = s / (s + 2u). Runs are separated by unique words, so runs never share shingles.
  const shared = Math.round((2 * j * shingles) / (1 + j));
  const unique = shingles - shared;
  const word = () =>
    Array.from({ length: 7 }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
  const common = Array.from({ length: shared + 2 }, word);
  const a = [...common, ...Array.from({ length: unique }, word)];
  const b = [...common, ...Array.from({ length: unique }, word)];
  return [a.join(' '), b.join(' ')];
}

describe('MinHash (one-permutation hashing with densification)', () => {
  it('estimates Jaccard similarity without bias', () => {
    const random = mulberry32(7);
    for (const j of [0.2, 0.5, 0.8]) {
      let sum = 0;
      const trials = 40;
      for (let t = 0; t < trials; t++) {
        const [a, b] = pairWithJaccard(j, random);
        sum += similarity(signature(a), signature(b));
      }
      expect(Math.abs(sum / trials - j)).toBeLessThan(0.05);
    }
  });

  it('densifies short prompts so that identical prompts agree and different ones rarely do', () => {
    const a = signature('hello there friend');
    expect(similarity(a, signature('hello there friend'))).toBe(1);
    expect(similarity(a, signature('goodbye my enemy'))).toBeLessThan(0.1);
    expect(a.every((v) => v !== 0xffffffff)).toBe(true);
  });

  it('fills every empty bin from the filled bin ranked first in its own order, for sparse and dense signatures', () => {
    // reference: the same ranking (a hash of the bin pair), sorted in full for every empty bin
    const rankKey = (i: number, j: number) => fmix32(combine(Math.imul(i + 1, 0x2545f491), j)) >>> 0;
    const random = mulberry32(11);
    const words = (n: number) =>
      Array.from({ length: n }, () => `w${Math.floor(random() * 1e6).toString(36)}x`);
    for (const slots of [16, 128, 1024]) {
      for (const n of [1, 2, 3, 4, 6, 8, 9, 12, 20, 60, 200, 900]) {
        const s = scan(words(n).join(' '));
        const sig = new Uint32Array(slots);
        minhash(s, sig, 5);
        // the undensified signature: the minimum per bin of the shingle hashes
        const shift = 32 - Math.log2(slots);
        const raw = new Map<number, number>();
        // content words: the mark of a long prompt's cut (ELIDED) is not one
        const m = Array.from({ length: s.count }, (_, t) => t)
          .filter((t) => s.kinds[t] !== PUNCT && s.maskTypes[t] !== ELIDED)
          .map((t) => s.hashes[t]);
        const shingles =
          m.length < 3
            ? [m.reduce((h, w) => combine(h, w), 0x3c6ef372)]
            : m.slice(2).map((w, t) => combine(combine(combine(0x9e3779b9 | 0, m[t]), m[t + 1]), w));
        for (const h of shingles) {
          const x = fmix32(h ^ 5);
          const bin = x >>> shift;
          const value = x & ((1 << shift) - 1);
          raw.set(bin, Math.min(raw.get(bin) ?? Number.POSITIVE_INFINITY, value));
        }
        for (let i = 0; i < slots; i++) {
          const own = raw.get(i);
          if (own !== undefined) {
            expect(sig[i]).toBe(own);
            continue;
          }
          const source = [...raw.keys()].sort((a, b) => rankKey(i, a) - rankKey(i, b) || a - b)[0];
          expect(sig[i], `slots ${slots}, ${n} words, bin ${i}`).toBe(raw.get(source));
        }
      }
    }
  });

  it('gives no signature to an empty prompt', () => {
    expect(minhash(scan('   '), new Uint32Array(128))).toBe(0);
  });
});

describe('LSH banding', () => {
  it('picks the same banding as datasketch for a 0.7 threshold with 128 slots', () => {
    expect(lshParams(0.7, 128)).toEqual({ slots: 128, bands: 14, rows: 9 });
  });

  it('follows the S-curve 1-(1-s^r)^b empirically', () => {
    const params = lshParams(0.7, 128);
    const random = mulberry32(11);
    for (const j of [0.3, 0.5, 0.7, 0.85, 0.95]) {
      let hits = 0;
      const trials = 120;
      for (let t = 0; t < trials; t++) {
        const [a, b] = pairWithJaccard(j, random);
        const ka = new Set(bandKeys(signature(a), params));
        if (bandKeys(signature(b), params).some((k) => ka.has(k))) hits++;
      }
      const expected = collisionProbability(j, params.bands, params.rows);
      // binomial standard error at 120 trials is at most ~0.046; allow ~3 sigma
      expect(Math.abs(hits / trials - expected)).toBeLessThan(0.14);
    }
  });
});

describe('band keys', () => {
  it('spells every band index before its colon, for one, two and three digits', () => {
    const sig = Uint32Array.from({ length: 1024 }, (_, i) => Math.imul(i + 1, 2654435761) >>> 0);
    const keys = bandKeys(sig, { slots: 1024, bands: 1024, rows: 1 });
    for (const b of [0, 9, 10, 99, 100, 1023]) expect(keys[b]).toMatch(new RegExp(`^${b}:[0-9a-zA-Z_-]{8}$`));
    expect(new Set(keys).size).toBe(1024);
  });
});
