import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../core/random.js';
import { bandKeys, collisionProbability, lshParams, minhash, similarity } from './minhash.js';
import { scan } from './normalise.js';

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
