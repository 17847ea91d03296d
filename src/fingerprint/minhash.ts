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
import { combine, fmix32 } from './hash.js';
import { ELIDED, PUNCT, type TokenStream } from './normalise.js';

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

let scratch = new Uint32Array(0);
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
  for (let t = 0; t < s.count; t++) {
    // punctuation and the mark of a cut are not content
    if (s.kinds[t] !== PUNCT && s.maskTypes[t] !== ELIDED) wordHashes[words++] = s.hashes[t];
  }
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

/**
 * Densification order: for each bin a fixed pseudo-random ranking of all bins (its probe
 * sequence). An empty bin copies the non-empty bin ranked first in its own sequence. The first
 * `PROBES` entries are tried directly; when none is filled (sparse signatures: short prompts) the
 * lowest-ranked of the filled bins is found by scanning them, which gives the same choice.
 */
const PROBES = 8;
interface Order {
  probes: Uint16Array;
  ranks: Uint16Array;
}
const orders = new Map<number, Order>();

function orderFor(slots: number): Order {
  let order = orders.get(slots);
  if (order === undefined) {
    const probes = new Uint16Array(slots * PROBES);
    const ranks = new Uint16Array(slots * slots);
    const bins = Array.from({ length: slots }, (_, j) => j);
    for (let i = 0; i < slots; i++) {
      const keyOf = (j: number) => fmix32(combine(Math.imul(i + 1, 0x2545f491), j)) >>> 0;
      const sorted = bins.slice().sort((a, b) => keyOf(a) - keyOf(b) || a - b);
      sorted.forEach((j, rank) => {
        ranks[i * slots + j] = rank;
      });
      for (let k = 0; k < PROBES; k++) probes[i * PROBES + k] = sorted[k];
    }
    order = { probes, ranks };
    orders.set(slots, order);
  }
  return order;
}

let filled = new Uint16Array(128);

/** Optimal densification: every empty bin copies the first non-empty bin of its own probe sequence. */
function densify(sig: Uint32Array): void {
  const slots = sig.length;
  if (scratch.length !== slots) {
    scratch = new Uint32Array(slots);
    filled = new Uint16Array(slots);
  }
  scratch.set(sig);
  let count = 0;
  for (let j = 0; j < slots; j++) if (scratch[j] !== EMPTY) filled[count++] = j;
  if (count === slots) return;
  const { probes, ranks } = orderFor(slots);
  for (let i = 0; i < slots; i++) {
    if (scratch[i] !== EMPTY) continue;
    let source = -1;
    for (let k = i * PROBES, end = k + PROBES; k < end; k++) {
      if (scratch[probes[k]] !== EMPTY) {
        source = probes[k];
        break;
      }
    }
    if (source === -1) {
      let bestRank = slots;
      const row = i * slots;
      for (let f = 0; f < count; f++) {
        const rank = ranks[row + filled[f]];
        if (rank < bestRank) {
          bestRank = rank;
          source = filled[f];
        }
      }
    }
    sig[i] = scratch[source];
  }
}

/** Estimated Jaccard similarity of two signatures (share of equal slots). */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}

/** LSH band keys `B:KEY` (band index, then a 48-bit hash of the band's rows as 8 base-64 chars) of a signature. */
export function bandKeys(sig: Uint32Array, params: LshParams): string[] {
  const keys = new Array<string>(params.bands);
  for (let b = 0; b < params.bands; b++) {
    let h1 = BAND_SEEDS_1[b];
    let h2 = BAND_SEEDS_2[b];
    const from = b * params.rows;
    for (let r = from; r < from + params.rows; r++) {
      h1 = combine(h1, sig[r]);
      h2 = combine(h2, sig[r] ^ 0x5851f42d);
    }
    h1 = fmix32(h1);
    h2 = fmix32(h2);
    keys[b] =
      BAND_PREFIXES[b] +
      String.fromCharCode(
        B64[(h1 >>> 26) & 63],
        B64[(h1 >>> 20) & 63],
        B64[(h1 >>> 14) & 63],
        B64[(h1 >>> 8) & 63],
        B64[(h1 >>> 2) & 63],
        B64[((h1 & 3) << 4) | ((h2 >>> 28) & 15)],
        B64[(h2 >>> 22) & 63],
        B64[(h2 >>> 16) & 63],
      );
  }
  return keys;
}

const B64 = Uint8Array.from('0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_', (ch) =>
  ch.charCodeAt(0),
);
const BAND_SEEDS_1 = Int32Array.from({ length: 1024 }, (_, b) => fmix32(b + 0x6a09e667));
const BAND_SEEDS_2 = Int32Array.from({ length: 1024 }, (_, b) => fmix32(b + 0x3c6ef372));
const BAND_PREFIXES = Array.from({ length: 1024 }, (_, b) => `${b}:`);
