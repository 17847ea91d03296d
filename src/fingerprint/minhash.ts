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
import type { TokenStream } from './normalise.js';

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

/** Signature under construction in int32 (values < 2^25; HOLE marks an empty bin), copied to `out` at the end. */
let work = new Int32Array(128);
const HOLE = 0x7fffffff;

/** The value half of murmur3's `combine` step (hash.ts), which depends only on the word: computed once per word. */
function premix(value: number): number {
  const k = Math.imul(value, 0xcc9e2d51);
  return Math.imul((k << 15) | (k >>> 17), 0x1b873593);
}

/** The running-hash half of `combine`: `step(h, premix(v)) === combine(h, v)`. */
function step(h: number, k: number): number {
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** The running hash a shingle starts from. */
const SHINGLE_START = 0x9e3779b9 | 0;

/**
 * Computes the OPH MinHash signature of a token stream into `out` (length = slots, a power of two
 * between 16 and 1024). Returns the number of shingles (0 means an empty prompt: no signature).
 * One pass over the content hashes the scan lists (`TokenStream.content`: no test per token for
 * punctuation, whose random places made that test mispredict): the premixed values of the last two
 * content words ride in locals, so each word is premixed once and each shingle costs three steps
 * and a finaliser.
 */
export function minhash(s: TokenStream, out: Uint32Array, seed = 0): number {
  const slots = out.length;
  const shift = 32 - (31 - Math.clz32(slots));
  const valueMask = (1 << shift) - 1;
  if (work.length !== slots) work = new Int32Array(slots);
  const sig = work;
  sig.fill(HOLE);
  const { content } = s;
  const words = s.contentCount;
  /** Bins holding a value (counted when a bin is first filled). */
  let filledBins = 0;
  // premixed values of the two content words before the current one
  let m0 = words > 0 ? premix(content[0]) : 0;
  let m1 = words > 1 ? premix(content[1]) : 0;
  for (let t = 2; t < words; t++) {
    const m2 = premix(content[t]);
    // word 3-shingles: combine(combine(combine(0x9e3779b9, w0), w1), w2), one hash per shingle
    const x = fmix32(step(step(step(SHINGLE_START, m0), m1), m2) ^ seed);
    const bin = x >>> shift;
    const value = x & valueMask;
    // branch-free (the comparisons are unpredictable): bit 30 is set only in HOLE, never in a value
    const held = sig[bin];
    filledBins += (held >>> 30) & 1;
    sig[bin] = Math.min(value, held);
    m0 = m1;
    m1 = m2;
  }
  if (words === 0) {
    out.fill(EMPTY);
    return 0;
  }
  if (words < 3) {
    let h = 0x3c6ef372;
    if (words === 2) h = step(step(h, m0), m1);
    else h = step(h, m0);
    const x = fmix32(h ^ seed);
    sig[x >>> shift] = x & valueMask;
    filledBins = 1;
  }
  densify(sig, filledBins, out);
  return words < 3 ? 1 : words - 2;
}

/**
 * Densification order: for each bin a fixed pseudo-random ranking of all bins (its probe
 * sequence). An empty bin copies the non-empty bin ranked first in its own sequence. The sequence
 * is walked until a filled bin (expected slots / (filled + 1) steps); with very few filled bins
 * (short prompts) the lowest-ranked of them is found by scanning them, which gives the same choice.
 */
interface Order {
  /** `sequence[i * slots + k]`: the bin of rank k in bin i's order. */
  sequence: Uint16Array;
  /** `ranks[i * slots + j]`: the rank of bin j in bin i's order. */
  ranks: Uint16Array;
}
const orders = new Map<number, Order>();
let order128: Order | undefined;

function orderFor(slots: number): Order {
  if (slots === 128 && order128 !== undefined) return order128;
  let order = orders.get(slots);
  if (order === undefined) {
    const sequence = new Uint16Array(slots * slots);
    const ranks = new Uint16Array(slots * slots);
    const bins = Array.from({ length: slots }, (_, j) => j);
    for (let i = 0; i < slots; i++) {
      const keyOf = (j: number) => fmix32(combine(Math.imul(i + 1, 0x2545f491), j)) >>> 0;
      const sorted = bins.slice().sort((a, b) => keyOf(a) - keyOf(b) || a - b);
      sorted.forEach((j, rank) => {
        ranks[i * slots + j] = rank;
        sequence[i * slots + rank] = j;
      });
    }
    order = { sequence, ranks };
    orders.set(slots, order);
  }
  if (slots === 128) order128 = order;
  return order;
}

/** Scratch of `densify`: the empty bins (walk) or the filled bins (few filled). */
let filled = new Uint16Array(128);

/**
 * Optimal densification into `out`: a filled bin keeps its value, an empty bin copies the first
 * filled bin of its own probe sequence (`count` bins of `sig` are filled). Reading `sig` and
 * writing `out` means every source is an originally filled bin.
 */
function densify(sig: Int32Array, count: number, out: Uint32Array): void {
  const slots = sig.length;
  if (count === slots) {
    out.set(sig);
    return;
  }
  if (count === 1) {
    let value = 0;
    for (let j = 0; j < slots; j++) if (sig[j] !== HOLE) value = sig[j];
    out.fill(value);
    return;
  }
  const { sequence, ranks } = orderFor(slots);
  if (count * (count + 1) > 48) {
    // every bin's own value first (an empty one's HOLE is overwritten below), and the empty bins
    // listed without a branch per bin: which bins are empty is random, so a branch on it
    // mispredicts about once in two bins (densification on the bench mix 1.14-1.18 -> 0.93-0.97
    // us a prompt). Then walk each empty bin's sequence to its first filled bin (expected
    // slots / (count + 1) steps), four entries a step (a row is a permutation of all bins, so it
    // holds a filled one, and slots is a multiple of 4): the four loads are independent, one exit
    // branch per four entries, and the first filled of the four is picked without branches (bit
    // 30 is set only in HOLE, so a set bit in `holes` marks an empty entry)
    if (filled.length !== slots) filled = new Uint16Array(slots);
    const empty = filled;
    let n = 0;
    for (let j = 0; j < slots; j++) {
      const value = sig[j];
      out[j] = value;
      empty[n] = j;
      n += (value >>> 30) & 1;
    }
    for (let e = 0; e < n; e++) {
      const j = empty[e];
      let k = j * slots;
      let holes = 15;
      for (;;) {
        holes =
          ((sig[sequence[k]] >>> 30) & 1) |
          ((sig[sequence[k + 1]] >>> 29) & 2) |
          ((sig[sequence[k + 2]] >>> 28) & 4) |
          ((sig[sequence[k + 3]] >>> 27) & 8);
        if (holes !== 15) break;
        k += 4;
      }
      // the lowest clear bit of `holes`: the first filled entry of the four
      out[j] = sig[sequence[k + 31 - Math.clz32(~holes & (holes + 1))]];
    }
    return;
  }
  // at most 6 filled bins (short prompts): the filled bin of lowest rank, found by scanning them
  // (a walk would take ~slots / 7 steps; a scan step costs about 2.5 walk steps)
  if (filled.length !== slots) filled = new Uint16Array(slots);
  const filledList = filled;
  let n = 0;
  for (let j = 0; j < slots; j++) if (sig[j] !== HOLE) filledList[n++] = j;
  for (let j = 0; j < slots; j++) {
    const value = sig[j];
    if (value !== HOLE) {
      out[j] = value;
      continue;
    }
    // the lowest (rank, bin) packed in one integer, without a branch per candidate
    const row = j * slots;
    let best = 0x7fffffff;
    for (let f = 0; f < n; f++) {
      const bin = filledList[f];
      best = Math.min(best, (ranks[row + bin] << 10) | bin);
    }
    out[j] = sig[best & 1023];
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
    const c0 = B64[(h1 >>> 26) & 63];
    const c1 = B64[(h1 >>> 20) & 63];
    const c2 = B64[(h1 >>> 14) & 63];
    const c3 = B64[(h1 >>> 8) & 63];
    const c4 = B64[(h1 >>> 2) & 63];
    const c5 = B64[((h1 & 3) << 4) | ((h2 >>> 28) & 15)];
    const c6 = B64[(h2 >>> 22) & 63];
    const c7 = B64[(h2 >>> 16) & 63];
    // one string per key (prefix digits, `:`, 8 hash characters), not a prefix joined to a second string
    keys[b] =
      b < 10
        ? String.fromCharCode(48 + b, 58, c0, c1, c2, c3, c4, c5, c6, c7)
        : b < 100
          ? String.fromCharCode(48 + ((b / 10) | 0), 48 + (b % 10), 58, c0, c1, c2, c3, c4, c5, c6, c7)
          : BAND_PREFIXES[b] + String.fromCharCode(c0, c1, c2, c3, c4, c5, c6, c7);
  }
  return keys;
}

const B64 = Uint8Array.from('0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_', (ch) =>
  ch.charCodeAt(0),
);
const BAND_SEEDS_1 = Int32Array.from({ length: 1024 }, (_, b) => fmix32(b + 0x6a09e667));
const BAND_SEEDS_2 = Int32Array.from({ length: 1024 }, (_, b) => fmix32(b + 0x3c6ef372));
const BAND_PREFIXES = Array.from({ length: 1024 }, (_, b) => `${b}:`);
