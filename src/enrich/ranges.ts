/**
 * Sorted, disjoint address ranges in typed arrays, searched by binary search: the lookup
 * structure for IP databases and CIDR lists. Keys are one uint32 word (IPv4) or two (the top
 * 64 bits of IPv6), so lookups need neither BigInt nor objects: about 20 compares per address
 * over a few MB of memory, versus hundreds of bytes per range as JS objects.
 */

/** Ranges `[start, end]` (inclusive) with a uint32 value each, sorted by start, not overlapping. */
export interface RangeTable {
  /** Key width in 32-bit words: 1 for IPv4, 2 for IPv6's top 64 bits. */
  words: 1 | 2;
  size: number;
  starts: Uint32Array;
  ends: Uint32Array;
  values: Uint32Array;
  /**
   * First-level index by the top 16 bits of the key: `index[b]` is the first range starting at or
   * after bucket b, so a search touches one bucket (a few cache lines) instead of ~20 random ones.
   */
  index: Uint32Array;
}

/** Builds the top-16-bit bucket index of sorted starts. */
function bucketIndex(starts: Uint32Array, words: 1 | 2, size: number): Uint32Array {
  const index = new Uint32Array(65537);
  let i = 0;
  for (let b = 0; b <= 65536; b++) {
    while (i < size && starts[i * words] >>> 16 < b) i++;
    index[b] = i;
  }
  return index;
}

/** An empty table of the given key width. */
export function emptyTable(words: 1 | 2): RangeTable {
  const none = new Uint32Array(0);
  return { words, size: 0, starts: none, ends: none, values: none, index: new Uint32Array(65537) };
}

/** Index of the range holding IPv4 `key`, or -1. */
export function findRange4(table: RangeTable, key: number): number {
  const starts = table.starts;
  const bucket = key >>> 16;
  let low = table.index[bucket];
  let high = table.index[bucket + 1] - 1;
  let found = low - 1; // the last range starting before this bucket, unless one in it fits
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (starts[mid] <= key) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found >= 0 && key <= table.ends[found] ? found : -1;
}

/** Index of the range holding the 64-bit key `hi:lo` (IPv6 top half), or -1. */
export function findRange6(table: RangeTable, hi: number, lo: number): number {
  const starts = table.starts;
  const bucket = hi >>> 16;
  let low = table.index[bucket];
  let high = table.index[bucket + 1] - 1;
  let found = low - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const sHi = starts[2 * mid];
    if (sHi < hi || (sHi === hi && starts[2 * mid + 1] <= lo)) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  if (found < 0) return -1;
  const eHi = table.ends[2 * found];
  return hi < eHi || (hi === eHi && lo <= table.ends[2 * found + 1]) ? found : -1;
}

/** Accumulates ranges (in any order) into growable typed arrays, then sorts and packs them. */
export class RangeBuilder {
  private starts: Uint32Array;
  private ends: Uint32Array;
  private values: Uint32Array;
  private size = 0;
  private sorted = true;

  constructor(
    readonly words: 1 | 2,
    capacity = 1024,
  ) {
    this.starts = new Uint32Array(capacity * words);
    this.ends = new Uint32Array(capacity * words);
    this.values = new Uint32Array(capacity);
  }

  /** Adds an IPv4 range. */
  push4(start: number, end: number, value: number): void {
    this.grow();
    const i = this.size;
    if (i > 0 && this.starts[i - 1] > start) this.sorted = false;
    this.starts[i] = start;
    this.ends[i] = end;
    this.values[i] = value;
    this.size++;
  }

  /** Adds a range of 64-bit keys (IPv6 top halves). */
  push6(startHi: number, startLo: number, endHi: number, endLo: number, value: number): void {
    this.grow();
    const i = this.size;
    if (i > 0) {
      const pHi = this.starts[2 * i - 2];
      if (pHi > startHi || (pHi === startHi && this.starts[2 * i - 1] > startLo)) this.sorted = false;
    }
    this.starts[2 * i] = startHi;
    this.starts[2 * i + 1] = startLo;
    this.ends[2 * i] = endHi;
    this.ends[2 * i + 1] = endLo;
    this.values[i] = value;
    this.size++;
  }

  /** Sorts by start, merges touching ranges of equal value, and returns the packed table. */
  finish(): RangeTable {
    const w = this.words;
    let order: number[] | null = null;
    if (!this.sorted) {
      order = Array.from({ length: this.size }, (_, i) => i);
      const s = this.starts;
      order.sort((a, b) => (w === 1 ? s[a] - s[b] : s[2 * a] - s[2 * b] || s[2 * a + 1] - s[2 * b + 1]));
    }
    const starts = new Uint32Array(this.size * w);
    const ends = new Uint32Array(this.size * w);
    const values = new Uint32Array(this.size);
    let n = 0;
    for (let k = 0; k < this.size; k++) {
      const i = order ? order[k] : k;
      const value = this.values[i];
      if (n > 0 && values[n - 1] === value && this.touches(ends, n - 1, i)) {
        for (let x = 0; x < w; x++) ends[(n - 1) * w + x] = this.ends[i * w + x];
        continue;
      }
      for (let x = 0; x < w; x++) {
        starts[n * w + x] = this.starts[i * w + x];
        ends[n * w + x] = this.ends[i * w + x];
      }
      values[n] = value;
      n++;
    }
    const packed = starts.slice(0, n * w);
    const index = bucketIndex(packed, w, n);
    return {
      words: w,
      size: n,
      starts: packed,
      ends: ends.slice(0, n * w),
      values: values.slice(0, n),
      index,
    };
  }

  /** Whether packed range `p` ends right before builder range `i` starts (so they can merge). */
  private touches(ends: Uint32Array, p: number, i: number): boolean {
    if (this.words === 1) return ends[p] + 1 === this.starts[i];
    const hi = ends[2 * p];
    const lo = ends[2 * p + 1];
    const nextHi = lo === 0xffffffff ? hi + 1 : hi;
    const nextLo = lo === 0xffffffff ? 0 : lo + 1;
    return nextHi === this.starts[2 * i] && nextLo === this.starts[2 * i + 1];
  }

  private grow(): void {
    if (this.size < this.values.length) return;
    const capacity = this.values.length * 2;
    const grow = (a: Uint32Array, n: number) => {
      const b = new Uint32Array(n);
      b.set(a);
      return b;
    };
    this.starts = grow(this.starts, capacity * this.words);
    this.ends = grow(this.ends, capacity * this.words);
    this.values = grow(this.values, capacity);
  }
}

/** One possibly overlapping interval with a value; where intervals overlap the lowest `rank` wins. */
export interface RankedInterval {
  start: bigint;
  end: bigint;
  value: number;
  rank: number;
}

/**
 * Flattens overlapping intervals (BigInt keys, used only while loading lists) into sorted
 * disjoint ranges where each point takes the value of the best-ranked interval covering it.
 */
export function flattenIntervals(
  intervals: RankedInterval[],
): { start: bigint; end: bigint; value: number }[] {
  type Event = { at: bigint; interval: RankedInterval; open: boolean };
  const events: Event[] = [];
  for (const interval of intervals) {
    events.push(
      { at: interval.start, interval, open: true },
      { at: interval.end + 1n, interval, open: false },
    );
  }
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const active = new Map<RankedInterval, true>();
  const out: { start: bigint; end: bigint; value: number }[] = [];
  let segmentStart = 0n;
  let current = null as RankedInterval | null;
  const best = (): RankedInterval | null => {
    let top: RankedInterval | null = null;
    for (const interval of active.keys()) if (top === null || interval.rank < top.rank) top = interval;
    return top;
  };
  for (let e = 0; e < events.length; ) {
    const at = events[e].at;
    for (; e < events.length && events[e].at === at; e++) {
      if (events[e].open) active.set(events[e].interval, true);
      else active.delete(events[e].interval);
    }
    const next = best();
    if (
      (next === null && current === null) ||
      (next !== null && current !== null && next.value === current.value)
    )
      continue;
    if (current !== null && at > segmentStart) {
      const last = out[out.length - 1];
      if (last && last.value === current.value && last.end + 1n === segmentStart) last.end = at - 1n;
      else out.push({ start: segmentStart, end: at - 1n, value: current.value });
    }
    current = next;
    segmentStart = at;
  }
  return out;
}
