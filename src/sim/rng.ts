/**
 * Seeded randomness for the world simulator: sfc32 streams and stateless hashes. The simulator
 * never calls Math.random or Date.now, so the same seed always yields the same bytes.
 */

/** A seeded pseudo-random stream with the few draws the simulator needs. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Standard normal (Box-Muller). */
  normal(): number;
  /** Exponential with the given mean. */
  exp(mean: number): number;
  /** Poisson count with mean lambda (normal approximation above 30). */
  poisson(lambda: number): number;
  /** Log-normal with median 1 and the given sigma. */
  logNormal(sigma: number): number;
  /** An index drawn from non-negative weights. */
  weighted(weights: readonly number[]): number;
  /** A fresh 32-bit integer. */
  u32(): number;
}

/** 32-bit string hash (FNV-1a then murmur finaliser): stable across runs and platforms. */
export function hashString(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** Murmur3 finaliser: a good avalanche of one 32-bit integer. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of several integers to a 32-bit integer (stateless per-key randomness). */
export function hashInts(a: number, b: number, c = 0, d = 0): number {
  let h = mix32(a ^ 0x9e3779b9);
  h = mix32(h ^ Math.imul(b | 0, 0x85ebca6b));
  h = mix32(h ^ Math.imul(c | 0, 0xc2b2ae35));
  return mix32(h ^ Math.imul(d | 0, 0x27d4eb2f));
}

/** Uniform [0, 1) from a hash of integers. */
export function hashUnit(a: number, b: number, c = 0, d = 0): number {
  return hashInts(a, b, c, d) / 4294967296;
}

/** A seeded sfc32 stream; `stream` separates independent streams of one seed. */
export function createRng(seed: number, stream = 0): Rng {
  let a = hashInts(seed, stream, 1);
  let b = hashInts(seed, stream, 2);
  let c = hashInts(seed, stream, 3);
  let d = 1;
  const u32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) u32();
  const next = (): number => u32() / 4294967296;
  let spare = Number.NaN;
  const normal = (): number => {
    if (!Number.isNaN(spare)) {
      const s = spare;
      spare = Number.NaN;
      return s;
    }
    let u = next();
    if (u < 1e-12) u = 1e-12;
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    u32,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    normal,
    exp: (mean) => -Math.log(1 - next()) * mean,
    poisson(lambda) {
      if (lambda <= 0) return 0;
      if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal()));
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
    logNormal: (sigma) => Math.exp(sigma * normal()),
    weighted(weights) {
      let total = 0;
      for (const w of weights) total += w;
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i];
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
  };
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** Opaque random-looking token of `length` base32 characters from a seed and a counter. */
export function token(seed: number, kind: number, counter: number, length = 16): string {
  let out = '';
  let i = 0;
  while (out.length < length) {
    let h = hashInts(seed, kind, counter, i++);
    for (let j = 0; j < 6 && out.length < length; j++) {
      out += BASE32[h & 31];
      h >>>= 5;
    }
  }
  return out;
}

/** Hex token (for fingerprints and ids that look like hashes). */
export function hexToken(seed: number, kind: number, counter: number, length = 16): string {
  let out = '';
  let i = 0;
  while (out.length < length) out += hashInts(seed, kind, counter, i++).toString(16).padStart(8, '0');
  return out.slice(0, length);
}
