/**
 * Bounded counters used by account state, so an account's memory does not grow with its volume:
 * a space-saving top-K (heavy hitters kept exactly, the tail bounded), a linear-counting distinct
 * counter, and a ring of the most recent days. Plain objects and arrays: cheap to copy and clone,
 * grown by exact copies while short (`core/arrays.ts`).
 */
import { appended } from '../core/arrays.js';

/**
 * Space-saving top-K (Metwally et al. 2005). At most `capacity` values are tracked; a new value
 * replaces the least counted one and inherits its count as `error`. A value's true count lies in
 * [count - error, count]; values whose true share exceeds 1/capacity are never evicted, and a
 * value never evicted has error 0, so heavy hitters are exact.
 */
export interface TopK {
  capacity: number;
  keys: string[];
  counts: number[];
  errors: number[];
  /** A lower bound of the smallest count, and where the last eviction happened (amortised O(1) eviction). */
  floor: number;
  cursor: number;
}

/** An empty top-K of the given capacity. */
export function createTopK(capacity: number): TopK {
  return { capacity, keys: [], counts: [], errors: [], floor: 0, cursor: 0 };
}

/** Counts one more occurrence (or `by`) of a value. */
export function addTopK(top: TopK, key: string, by = 1): void {
  const { keys, counts } = top;
  const n = keys.length;
  for (let i = 0; i < n; i++) {
    if (keys[i] === key) {
      counts[i] += by;
      return;
    }
  }
  if (n < top.capacity) {
    top.keys = appended(keys, key);
    top.counts = appended(counts, by);
    top.errors = appended(top.errors, 0);
    if (n === 0 || by < top.floor) top.floor = by;
    return;
  }
  // Evict a value with the smallest count: counts only grow, so `floor` stays a lower bound and
  // the scan from the cursor usually stops at once (churning tails are full of ties).
  let min = -1;
  for (let k = 0; k < n; k++) {
    const i = (top.cursor + k) % n;
    if (counts[i] === top.floor) {
      min = i;
      break;
    }
  }
  if (min < 0) {
    min = 0;
    for (let i = 1; i < n; i++) if (counts[i] < counts[min]) min = i;
    top.floor = counts[min];
  }
  top.cursor = min + 1;
  keys[min] = key;
  top.errors[min] = counts[min];
  counts[min] += by;
}

/**
 * The guaranteed counts (count - error, a lower bound that is exact for values never evicted),
 * largest first: the tail churn of a high-volume account never looks like a repeated value.
 */
export function topKCounts(top: TopK): Record<string, number> {
  const { keys, counts, errors } = top;
  const n = keys.length;
  if (n === 0) return {};
  const out = newRecord();
  if (n === 1) {
    out[keys[0]] = counts[0] - errors[0];
    return asPlainObject(out);
  }
  // Insertion sort of indices (n <= capacity, small): by guaranteed count desc, then key.
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = counts[i] - errors[i];
    let j = order.length;
    while (j > 0) {
      const o = order[j - 1];
      const co = counts[o] - errors[o];
      if (co > c || (co === c && keys[o] < keys[i])) break;
      order[j] = o;
      j--;
    }
    order[j] = i;
  }
  for (const i of order) out[keys[i]] = counts[i] - errors[i];
  return asPlainObject(out);
}

/**
 * An empty record for arbitrary keys (IPs, hashes). A `{}` given new keys one by one makes V8
 * build a hidden class per distinct key sequence, which is what made summarising slow (~100 us
 * per 32-key record); an object without a prototype starts as a hash table instead (~6 us).
 */
function newRecord(): Record<string, number> {
  return Object.create(null) as Record<string, number>;
}

/** Gives a record from `newRecord` the ordinary prototype (it stays a hash table; same keys, same order). */
function asPlainObject(record: Record<string, number>): Record<string, number> {
  return Object.setPrototypeOf(record, Object.prototype) as Record<string, number>;
}

/** Distinct counter by linear counting over a fixed bitmap (Whang et al. 1990): 128 bytes. */
export interface DistinctCounter {
  bits: Uint32Array;
}

const DISTINCT_BITS = 1024;

/** An empty distinct counter. */
export function createDistinct(): DistinctCounter {
  return { bits: new Uint32Array(DISTINCT_BITS / 32) };
}

/** Records one value (a string or a number). */
export function addDistinct(counter: DistinctCounter, value: string | number): void {
  const h = typeof value === 'number' ? hashNumber(value) : hashString(value);
  const bit = h & (DISTINCT_BITS - 1);
  counter.bits[bit >>> 5] |= 1 << (bit & 31);
}

/** Estimated number of distinct values: exact-ish below ~100, within a few percent up to ~3,000. */
export function distinctEstimate(counter: DistinctCounter): number {
  let set = 0;
  for (const word of counter.bits) set += popcount(word);
  if (set === 0) return 0;
  if (set >= DISTINCT_BITS) return Math.round(DISTINCT_BITS * Math.log(DISTINCT_BITS));
  return Math.round(-DISTINCT_BITS * Math.log((DISTINCT_BITS - set) / DISTINCT_BITS));
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** FNV-1a over UTF-16 code units, finished with a murmur mix: fast and well spread. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

function hashNumber(x: number): number {
  const lo = x | 0;
  const hi = Math.floor(x / 4294967296) | 0;
  return mix32(Math.imul(lo, 0x9e3779b1) ^ hi ^ (x % 1 === 0 ? 0 : hashString(String(x))));
}

function mix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Counts per UTC day for the most recent `capacity` days seen (older days are dropped). */
export interface DayRing {
  capacity: number;
  days: number[];
  counts: number[];
}

/** An empty day ring. */
export function createDayRing(capacity: number): DayRing {
  return { capacity, days: [], counts: [] };
}

/** Counts one exchange on the given day index (epoch days). */
export function addDay(ring: DayRing, day: number): void {
  const { days, counts } = ring;
  for (let i = days.length - 1; i >= 0; i--) {
    if (days[i] === day) {
      counts[i]++;
      return;
    }
  }
  if (days.length >= ring.capacity) {
    let oldest = 0;
    for (let i = 1; i < days.length; i++) if (days[i] < days[oldest]) oldest = i;
    if (days[oldest] > day) return; // older than everything kept: out of the window
    days.splice(oldest, 1);
    counts.splice(oldest, 1);
  }
  ring.days = appended(days, day);
  ring.counts = appended(counts, 1);
}
