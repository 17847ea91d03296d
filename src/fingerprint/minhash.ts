/**
 * Near-duplicate signatures: MinHash with one-permutation hashing (OPH) and optimal
 * densification, then LSH banding.
 *
 * Why OPH: classic MinHash hashes every shingle k times (k = 128); OPH hashes it once, uses the
 * top bits to pick one of k bins and keeps the minimum of the rest per bin, so a signature costs
 * one hash per shingle. Empty bins (short prompts) are filled by optimal densification
 * (Shrivastava, ICML 2017): an empty bin copies the bin reached by a deterministic probe sequence
 * of its own index, which keeps the collision probability of each slot equal to the Jaccard
 * similarity. Shingles are word 3-grams over the masked token stream, punctuation left out, so
 * swapped numbers or entities only change the shingles that touch them.
 *
 * LSH: b bands of r rows; two prompts of Jaccard similarity s share at least one band key with
 * probability 1 - (1 - s^r)^b (the S-curve). `lshParams` picks b and r for a threshold the way
 * datasketch does (minimising the false-positive and false-negative areas under the curve).
 */
import { combine, fmix32, hex32 } from './hash.js';
import { PUNCT, type TokenStream } from './normalise.js';

const EMPTY = 0xffffffff;

/** LSH banding: `bands` keys of `rows` slots each (bands * rows <= slots). */
export interface LshParams {
  slots: number;
  bands: number;
  rows: number;
}

/** Probability that two prompts of Jaccard similarity s share a band key. */
export function collisionProbability(s: number, bands: number, rows: number): number {
  return 1 - (1 - s ** rows) ** bands;
}

function integrate(f: (x: number) => number, a: number, b: number): number {
  const steps = 200;
  const h = (b - a) / steps;
  let sum = 0;
  for (let i = 0; i < steps; i++) sum += f(a + (i + 0.5) * h) * h;
  return sum;
}

/** Chooses bands x rows for a Jaccard threshold (datasketch's criterion: equal FP and FN weights). */
export function lshParams(threshold: number, slots = 128, fpWeight = 0.5, fnWeight = 0.5): LshParams {
  let best: LshParams = { slots, bands: 1, rows: slots };
  let bestError = Number.POSITIVE_INFINITY;
  for (let bands = 1; bands <= slots; bands++) {
    const maxRows = Math.floor(slots / bands);
    for (let rows = 1; rows <= maxRows; rows++) {
      const fp = integrate((s) => collisionProbability(s, bands, rows), 0, threshold);
      const fn = integrate((s) => 1 - collisionProbability(s, bands, rows), threshold, 1);
      const error = fp * fpWeight + fn * fnWeight;
      if (error < bestError) {
        bestError = error;
        best = { slots, bands, rows };
      }
    }
  }
  return best;
}

let scratch = new Uint32Array(128);
let wordHashes = new Int32Array(1024);

/**
 * Computes the OPH MinHash signature of a token stream into `out` (length = slots, a power of two
 * between 16 and 1024). Returns the number of shingles (0 means an empty prompt: no signature).
 */
export function minhash(s: TokenStream, out: Uint32Array, seed = 0): number {
  const slots = out.length;
  const bits = 31 - Math.clz32(slots);
  const shift = 32 - bits;
  const valueMask = (1 << shift) - 1;
  if (wordHashes.length < s.count) wordHashes = new Int32Array(s.count * 2);
  let words = 0;
  for (let t = 0; t < s.count; t++) if (s.kinds[t] !== PUNCT) wordHashes[words++] = s.hashes[t];
  out.fill(EMPTY);
  let shingles = 0;
  const add = (h: number) => {
    const x = fmix32(h ^ seed) >>> 0;
    const bin = x >>> shift;
    const value = x & valueMask;
    if (value < out[bin]) out[bin] = value;
    shingles++;
  };
  if (words > 0 && words < 3) {
    let h = 0x3c6ef372;
    for (let t = 0; t < words; t++) h = combine(h, wordHashes[t]);
    add(h);
  } else {
    for (let t = 2; t < words; t++) {
      add(combine(combine(combine(0x9e3779b9, wordHashes[t - 2]), wordHashes[t - 1]), wordHashes[t]));
    }
  }
  if (shingles === 0) return 0;
  densify(out);
  return shingles;
}

/** Optimal densification: every empty bin copies the first non-empty bin of its own probe sequence. */
function densify(sig: Uint32Array): void {
  const slots = sig.length;
  if (scratch.length !== slots) scratch = new Uint32Array(slots);
  scratch.set(sig);
  for (let i = 0; i < slots; i++) {
    if (scratch[i] !== EMPTY) continue;
    for (let attempt = 1; ; attempt++) {
      const j = (fmix32(combine(i * 0x2545f491, attempt)) >>> 0) % slots;
      if (scratch[j] !== EMPTY) {
        sig[i] = scratch[j];
        break;
      }
    }
  }
}

/** Estimated Jaccard similarity of two signatures (share of equal slots). */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}

/** LSH band keys `B:HHHHHHHHhhhh` (band index, 48-bit hash of its rows) of a signature. */
export function bandKeys(sig: Uint32Array, params: LshParams): string[] {
  const keys = new Array<string>(params.bands);
  for (let b = 0; b < params.bands; b++) {
    let h1 = fmix32(b + 0x6a09e667);
    let h2 = fmix32(b + 0x3c6ef372);
    const from = b * params.rows;
    for (let r = from; r < from + params.rows; r++) {
      h1 = combine(h1, sig[r]);
      h2 = combine(h2, sig[r] ^ 0x5851f42d);
    }
    keys[b] = `${b}:${hex32(fmix32(h1))}${hex32(fmix32(h2)).slice(4)}`;
  }
  return keys;
}
