/**
 * The weighted account graph, maintained incrementally: an inverted index (value -> accounts
 * holding it) updated by diffing an account's keys when its summary changes, rarity-weighted
 * pair scores (Fellegi-Sunter, see kinds.ts) computed from the two accounts' key sets, and a
 * sparse edge set where each re-linked account keeps its strongest links (a k-nearest-neighbour
 * graph: the union of every account's choices). Work per update is bounded by the account's key
 * count and the candidate caps, never by the size of a value's postings or of the history.
 * Evidence is not stored per edge: `explainPair` recomputes it from the keys when a reviewer asks.
 *
 * Speed: scoring pairs is the campaign engine's hot loop. Each key id carries its kind ordinal and
 * a cached rarity (valid while its holder count and the population stay the same), pair scores
 * are merged from sorted key ids into reused scratch buffers, and candidate priorities accumulate
 * in a typed array over account ids. None of this changes a score: the same values are added in
 * the same order as the plain definition.
 */
import type { Evidence } from '../core/types.js';
import type { AccountKeys } from './keys.js';
import {
  ADDRESS_KINDS,
  AMPLIFIER_KINDS,
  ANCHOR_KINDS,
  KINDS,
  type KindSpec,
  type LinkKind,
} from './kinds.js';

/** Linking parameters (documented in docs/detection.md). */
export interface LinkConfig {
  /** Rarity is computed against at least this many accounts: in a tiny world nothing is rare. */
  minPopulation: number;
  /**
   * An edge needs the agreement to beat the prior odds that two accounts share an operator, about
   * `expectedPartners` / N: log2(N / expectedPartners) + `edgeMargin` bits (18 bits at N = 150,000)...
   */
  expectedPartners: number;
  edgeMargin: number;
  /** ...from at least this many kinds, unless one kind alone gives `singleKindBits`. */
  minKinds: number;
  singleKindBits: number;
  /** ...and at least this many bits from anchor kinds (see ANCHOR_KINDS). */
  anchorBits: number;
  /** Strongest links each account keeps (the graph is the union of these choices)... */
  maxNeighbours: number;
  /**
   * ...plus this many further qualifying links picked by hash, so that a campaign with inner
   * structure (accounts in groups of one payment card) stays one well-connected group instead of
   * a chain of cliques.
   */
  spreadNeighbours: number;
  /** Spread links are picked among links at least this fraction of the account's strongest. */
  spreadFloor: number;
  /** Postings up to this size are scanned in full for candidates; larger ones are sampled. */
  fullPostings: number;
  /** Samples taken from a larger posting: its most recent holders and hashed picks. */
  recentSamples: number;
  hashedSamples: number;
  /** Candidates scored exactly per re-linked account... */
  maxCandidates: number;
  /** ...among those whose shared keys' raw bits sum to at least this fraction of the edge threshold. */
  candidateFloor: number;
  /** Bits removed from address agreement, times the share of traffic from shared-by-design networks. */
  sharedByDesignBits: number;
  /**
   * A shared traffic IP or prefix counts in full when it carries at least this share of both
   * accounts' traffic, and proportionally less below it.
   */
  addressShare: number;
  /**
   * Template and bucket profiles count in full when the usage they share has at least this many
   * bits of rarity on average (a value held by about a fifth of all accounts has 2), less below.
   */
  profileRarityBits: number;
  /** Each further shared value of a multi-valued kind counts this fraction of the previous one. */
  diminishing: number;
  /**
   * Bits subtracted from every shared value: attributes are not independent (one country gives one
   * ASN, one browser, one webmail), so many weak agreements must not add up to a link.
   */
  valueFloor: number;
  /** Timing kinds (sign-up burst, model pivot) count only above this many bits from other kinds. */
  amplifierFloor: number;
}

/** Defaults, tuned on generated worlds (seeds 1-2) as described in docs/detection.md. */
export const DEFAULT_LINK_CONFIG: LinkConfig = {
  minPopulation: 2000,
  expectedPartners: 10,
  edgeMargin: 4,
  minKinds: 2,
  singleKindBits: 12,
  anchorBits: 5,
  maxNeighbours: 8,
  spreadNeighbours: 6,
  spreadFloor: 0.7,
  fullPostings: 40,
  recentSamples: 12,
  hashedSamples: 12,
  maxCandidates: 150,
  candidateFloor: 0.5,
  sharedByDesignBits: 4,
  addressShare: 0.05,
  profileRarityBits: 2,
  diminishing: 0.5,
  valueFloor: 2,
  amplifierFloor: 6,
};

/** One kind's part of a pair score. */
export interface KindScore {
  kind: LinkKind;
  bits: number;
  /** Shared values with how many accounts hold each (rarest first). */
  values: { value: string; holders: number }[];
}

/** The score of a pair of accounts. */
export interface PairScore {
  weight: number;
  parts: KindScore[];
}

/** The mutable state of the graph (plain arrays and maps; see toJSON). */
export interface LinkGraph {
  config: LinkConfig;
  names: string[];
  ids: Map<string, number>;
  /** Per account: sorted key ids, their use counts, its exchanges, its share of shared-by-design traffic. */
  keys: number[][];
  counts: number[][];
  volume: number[];
  design: number[];
  keyIds: Map<string, number>;
  keyText: string[];
  postings: number[][];
  freeKeys: number[];
  population: number;
  /** Per account: the neighbours it chose and their weights; who chose it. */
  outN: number[][];
  outW: number[][];
  inn: Set<number>[];
}

/** An empty graph. */
export function createLinkGraph(config: Partial<LinkConfig> = {}): LinkGraph {
  return {
    config: { ...DEFAULT_LINK_CONFIG, ...config },
    names: [],
    ids: new Map(),
    keys: [],
    counts: [],
    volume: [],
    design: [],
    keyIds: new Map(),
    keyText: [],
    postings: [],
    freeKeys: [],
    population: 0,
    outN: [],
    outW: [],
    inn: [],
  };
}

/** The dense id of an account, created on first sight. */
export function accountId(g: LinkGraph, account: string): number {
  let id = g.ids.get(account);
  if (id === undefined) {
    id = g.names.length;
    g.ids.set(account, id);
    g.names.push(account);
    g.keys.push([]);
    g.counts.push([]);
    g.volume.push(0);
    g.design.push(0);
    g.outN.push([]);
    g.outW.push([]);
    g.inn.push(new Set());
  }
  return id;
}

/**
 * Per-graph caches derived from the graph's own fields (never serialised): each key id's kind
 * ordinal, and its rarity in bits with the holder count and population it was computed for.
 */
interface Derived {
  kind: Int8Array;
  rarity: Float64Array;
  rarityHolders: Int32Array;
  rarityPopulation: Int32Array;
  /** Candidate priority per account id (all zero between calls). */
  prio: Float64Array;
}

const derivedOf = new WeakMap<LinkGraph, Derived>();

function grown<T extends Int8Array | Int32Array | Float64Array>(
  a: T,
  size: number,
  make: (n: number) => T,
): T {
  if (a.length >= size) return a;
  const b = make(Math.max(size, a.length * 2, 1024));
  b.set(a);
  return b;
}

/** The derived caches of a graph, built on first use (also for graphs restored from JSON). */
function derived(g: LinkGraph): Derived {
  let d = derivedOf.get(g);
  if (d === undefined) {
    d = {
      kind: new Int8Array(0),
      rarity: new Float64Array(0),
      rarityHolders: new Int32Array(0),
      rarityPopulation: new Int32Array(0),
      prio: new Float64Array(0),
    };
    derivedOf.set(g, d);
    for (let id = 0; id < g.keyText.length; id++) if (g.keyText[id]) noteKey(d, id, g.keyText[id]);
  }
  return d;
}

/** Records a (re)interned key id's kind and forgets its cached rarity. */
function noteKey(d: Derived, id: number, key: string): void {
  if (id >= d.kind.length) {
    d.kind = grown(d.kind, id + 1, (n) => new Int8Array(n));
    d.rarity = grown(d.rarity, id + 1, (n) => new Float64Array(n));
    d.rarityHolders = grown(d.rarityHolders, id + 1, (n) => new Int32Array(n));
    d.rarityPopulation = grown(d.rarityPopulation, id + 1, (n) => new Int32Array(n));
  }
  d.kind[id] = ORDINAL[key[0]];
  d.rarityPopulation[id] = -1;
}

function internKey(g: LinkGraph, key: string): number {
  let id = g.keyIds.get(key);
  if (id === undefined) {
    id = g.freeKeys.pop() ?? g.keyText.length;
    g.keyIds.set(key, id);
    g.keyText[id] = key;
    g.postings[id] = [];
    noteKey(derived(g), id, key);
  }
  return id;
}

function releaseKey(g: LinkGraph, id: number): void {
  g.keyIds.delete(g.keyText[id]);
  g.keyText[id] = '';
  g.freeKeys.push(id);
}

/**
 * Replaces an account's keys, updating the postings by difference. Returns how many keys were
 * added or removed (use counts alone changing does not count).
 */
export function setAccountKeys(
  g: LinkGraph,
  a: number,
  next: AccountKeys,
  designShare: number,
  volume = 0,
): number {
  g.design[a] = designShare;
  g.volume[a] = volume;
  const oldIds = g.keys[a];
  const nextIds = next.keys.map((k) => internKey(g, k));
  const order = nextIds.map((_, i) => i).sort((x, y) => nextIds[x] - nextIds[y]);
  const ids = order.map((i) => nextIds[i]);
  const counts = order.map((i) => next.counts[i]);
  const oldSet = new Set(oldIds);
  const newSet = new Set(ids);
  let changed = 0;
  for (const id of oldIds) {
    if (newSet.has(id)) continue;
    changed++;
    const p = g.postings[id];
    const at = p.lastIndexOf(a);
    if (at >= 0) {
      p.splice(at, 1);
    }
    if (p.length === 0) releaseKey(g, id);
  }
  for (const id of ids) {
    if (oldSet.has(id)) continue;
    changed++;
    g.postings[id].push(a);
  }
  if (oldIds.length === 0 && ids.length > 0) g.population++;
  if (oldIds.length > 0 && ids.length === 0) g.population--;
  g.keys[a] = ids;
  g.counts[a] = counts;
  return changed;
}

/** The Fellegi-Sunter agreement weight of one value, in bits: log2(m / (df / N)), clipped to [0, cap]. */
export function valueBits(m: number, holders: number, population: number, cap: number): number {
  const bits = Math.log2((m * population) / Math.max(1, holders));
  return bits <= 0 ? 0 : Math.min(bits, cap);
}

/** The rarity of a key in bits for population `n` (= max(population, minPopulation)), cached. */
function rarityOf(g: LinkGraph, d: Derived, keyId: number, n: number): number {
  const holders = g.postings[keyId].length;
  if (d.rarityPopulation[keyId] === n && d.rarityHolders[keyId] === holders) return d.rarity[keyId];
  const spec = KINDS[d.kind[keyId]];
  const bits = valueBits(spec.m, holders, n, spec.cap);
  d.rarity[keyId] = bits;
  d.rarityHolders[keyId] = holders;
  d.rarityPopulation[keyId] = n;
  return bits;
}

function sumOf(xs: number[]): number {
  let t = 0;
  for (const x of xs) t += x;
  return t;
}

/** Kinds compared as usage profiles (weighted Jaccard) rather than value by value. */
function isProfileKind(kind: LinkKind): boolean {
  return kind === 'template' || kind === 'band';
}

/** Kind ordinal by one-letter code (index into KINDS). */
const ORDINAL: Record<string, number> = Object.fromEntries(KINDS.map((k, i) => [k.code, i]));
const PROFILE: boolean[] = KINDS.map((k) => isProfileKind(k.kind));
const ANCHOR: boolean[] = KINDS.map((k) => ANCHOR_KINDS.has(k.kind));
const ADDRESS: boolean[] = KINDS.map((k) => ADDRESS_KINDS.has(k.kind));
/** Addresses an account uses for traffic (several per account), as opposed to its one sign-up address. */
const TRAFFIC_ADDRESS: boolean[] = KINDS.map((k, i) => ADDRESS[i] && k.top > 1);
const AMPLIFIER: boolean[] = KINDS.map((k) => AMPLIFIER_KINDS.has(k.kind));

/** Share of an account's traffic a template or bucket carries (counts alone when the volume is unknown). */
function usageShare(count: number, volume: number): number {
  return volume > 0 ? Math.min(1, count / volume) : Math.min(1, count / 8);
}

/**
 * Scratch of one pair score (reused: scoring is synchronous and never re-entered). Per kind:
 * the bits of each shared value (`bits[k][0..count[k])`), usage-profile sums, and after
 * `scoreInto` the kind's total and whether it takes part.
 */
const SCRATCH = {
  bits: KINDS.map(() => [] as number[]),
  count: new Int32Array(KINDS.length),
  profMin: new Float64Array(KINDS.length),
  profMax: new Float64Array(KINDS.length),
  /** Sum over shared values of the smaller usage share (profMin / profShared = their mean rarity). */
  profShared: new Float64Array(KINDS.length),
  total: new Float64Array(KINDS.length),
  present: new Uint8Array(KINDS.length),
  amplified: false,
};

/**
 * Scores a pair into SCRATCH and returns its weight; `values`, when given, collects each kind's
 * shared values for evidence.
 */
function scoreInto(
  g: LinkGraph,
  a: number,
  b: number,
  values: ({ value: string; holders: number }[] | undefined)[] | null,
): number {
  const d = derived(g);
  const kinds = d.kind;
  const { bits: bitsByKind, count, profMin, profMax, profShared, total, present } = SCRATCH;
  const ka = g.keys[a];
  const kb = g.keys[b];
  const ca = g.counts[a];
  const cb = g.counts[b];
  const va = g.volume[a];
  const vb = g.volume[b];
  const design = Math.max(g.design[a], g.design[b]) * g.config.sharedByDesignBits;
  const floor = g.config.valueFloor;
  const pop = Math.max(g.population, g.config.minPopulation);
  const n = KINDS.length;
  count.fill(0);
  // Weighted Jaccard of template and bucket usage: sum of min / sum of max of (share x rarity).
  profMin.fill(0);
  profMax.fill(0);
  profShared.fill(0);
  let i = 0;
  let j = 0;
  while (i < ka.length || j < kb.length) {
    if (j >= kb.length || (i < ka.length && ka[i] < kb[j])) {
      const k = kinds[ka[i]];
      if (PROFILE[k]) profMax[k] += usageShare(ca[i], va) * rarityOf(g, d, ka[i], pop);
      i++;
    } else if (i >= ka.length || ka[i] > kb[j]) {
      const k = kinds[kb[j]];
      if (PROFILE[k]) profMax[k] += usageShare(cb[j], vb) * rarityOf(g, d, kb[j], pop);
      j++;
    } else {
      const id = ka[i];
      const k = kinds[id];
      const rarity = rarityOf(g, d, id, pop);
      let bits: number;
      if (PROFILE[k]) {
        const sa = usageShare(ca[i], va);
        const sb = usageShare(cb[j], vb);
        const shared = Math.min(sa, sb);
        bits = shared * rarity;
        profShared[k] += shared;
        profMin[k] += bits;
        profMax[k] += Math.max(sa, sb) * rarity;
      } else {
        bits = Math.max(0, rarity - floor);
        if (ADDRESS[k]) {
          bits = Math.max(0, bits - design);
          // A traffic address counts in full only when both accounts really use it: a household
          // IP that a rotating proxy pool passed through a few times is no shared infrastructure.
          if (TRAFFIC_ADDRESS[k]) {
            const used = Math.min(usageShare(ca[i], va), usageShare(cb[j], vb));
            bits *= Math.min(1, used / g.config.addressShare);
          }
        }
        if (bits > 0) bitsByKind[k][count[k]++] = bits;
      }
      if (values !== null && bits > 0) {
        const v = { value: g.keyText[id].slice(2), holders: g.postings[id].length };
        const vl = values[k];
        if (vl) vl.push(v);
        else values[k] = [v];
      }
      i++;
      j++;
    }
  }
  // A usage profile needs some traffic behind it: full weight from 8 exchanges on both sides.
  const evidence = Math.min(1, Math.min(va || sumOf(ca), vb || sumOf(cb)) / 8);
  for (let k = 0; k < n; k++) {
    if (PROFILE[k] && profMin[k] > 0) {
      // Similar profiles made of what half the world sends are no shared programme: below
      // `profileRarityBits` of mean rarity, the kind's cap shrinks in proportion.
      const specific = Math.min(1, profMin[k] / profShared[k] / g.config.profileRarityBits);
      bitsByKind[k][0] = (KINDS[k].cap * evidence * specific * profMin[k]) / profMax[k];
      count[k] = 1;
    }
  }
  let core = 0;
  let timing = 0;
  for (let k = 0; k < n; k++) {
    const m = count[k];
    present[k] = m > 0 ? 1 : 0;
    if (m === 0) continue;
    const list = bitsByKind[k];
    if (m > 1) sortDescending(list, m);
    let sum = 0;
    let f = 1;
    for (let x = 0; x < m; x++) {
      sum += f * list[x];
      f *= g.config.diminishing;
    }
    const spec = KINDS[k];
    sum = Math.min(sum, spec.top > 1 && !PROFILE[k] ? spec.cap * 1.5 : spec.cap);
    total[k] = sum;
    if (AMPLIFIER[k]) timing += sum;
    else core += sum;
  }
  const amplified = core >= g.config.amplifierFloor;
  SCRATCH.amplified = amplified;
  if (!amplified) for (let k = 0; k < n; k++) if (AMPLIFIER[k]) present[k] = 0;
  return core + (amplified ? timing : 0);
}

/** Sorts `list[0..m)` from largest to smallest (insertion sort: m is a handful). */
function sortDescending(list: number[], m: number): void {
  for (let x = 1; x < m; x++) {
    const v = list[x];
    let y = x - 1;
    while (y >= 0 && list[y] < v) {
      list[y + 1] = list[y];
      y--;
    }
    list[y + 1] = v;
  }
}

/** The rarity-weighted agreement of two accounts; `explain` also lists the shared values. */
export function scorePair(g: LinkGraph, a: number, b: number, explain = false): PairScore {
  const values: ({ value: string; holders: number }[] | undefined)[] | null = explain
    ? new Array(KINDS.length)
    : null;
  const weight = scoreInto(g, a, b, values);
  const parts: KindScore[] = [];
  for (let k = 0; k < KINDS.length; k++) {
    if (SCRATCH.present[k] === 0) continue;
    const kindValues =
      values === null
        ? []
        : (values[k] ?? []).sort((x, y) => x.holders - y.holders || (x.value < y.value ? -1 : 1));
    parts.push({ kind: KINDS[k].kind, bits: SCRATCH.total[k], values: kindValues });
  }
  return { weight, parts };
}

/** The bits an edge needs in the current population (see LinkConfig.expectedPartners). */
export function edgeThreshold(g: LinkGraph): number {
  const n = Math.max(g.population, g.config.minPopulation);
  return Math.log2(n / g.config.expectedPartners) + g.config.edgeMargin;
}

/** Whether a pair score is strong enough to be an edge. */
export function isEdge(g: LinkGraph, s: PairScore): boolean {
  if (s.weight < edgeThreshold(g)) return false;
  let anchor = 0;
  for (const p of s.parts) if (ANCHOR_KINDS.has(p.kind)) anchor += p.bits;
  if (anchor < g.config.anchorBits) return false;
  const kinds = s.parts.filter((p) => p.bits >= 1).length;
  return kinds >= g.config.minKinds || s.parts.some((p) => p.bits >= g.config.singleKindBits);
}

/** `isEdge` of the pair score just computed by `scoreInto` (same rule, read from SCRATCH). */
function scratchIsEdge(g: LinkGraph, weight: number, threshold: number): boolean {
  if (weight < threshold) return false;
  const { present, total } = SCRATCH;
  let anchor = 0;
  let kinds = 0;
  let single = false;
  for (let k = 0; k < KINDS.length; k++) {
    if (present[k] === 0) continue;
    const bits = total[k];
    if (ANCHOR[k]) anchor += bits;
    if (bits >= 1) kinds++;
    if (bits >= g.config.singleKindBits) single = true;
  }
  if (anchor < g.config.anchorBits) return false;
  return kinds >= g.config.minKinds || single;
}

function mix(x: number): number {
  let h = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Candidate partners of an account from its postings, with a rough priority (sum of bits). */
function candidates(g: LinkGraph, a: number): number[] {
  // Candidates whose shared keys sum to well under an edge are not worth an exact score.
  const floor = edgeThreshold(g) * g.config.candidateFloor;
  const cfg = g.config;
  const d = derived(g);
  if (d.prio.length < g.names.length) d.prio = grown(d.prio, g.names.length, (n) => new Float64Array(n));
  const prio = d.prio;
  const seen: number[] = [];
  const add = (b: number, bits: number) => {
    if (b === a) return;
    if (prio[b] === 0) seen.push(b);
    prio[b] += bits;
  };
  const pop = Math.max(g.population, cfg.minPopulation);
  for (const id of g.keys[a]) {
    const bits = rarityOf(g, d, id, pop);
    if (bits < 1) continue;
    const p = g.postings[id];
    if (p.length <= cfg.fullPostings) {
      for (const b of p) add(b, bits);
      continue;
    }
    for (let k = Math.max(0, p.length - cfg.recentSamples); k < p.length; k++) add(p[k], bits);
    for (let k = 0; k < cfg.hashedSamples; k++) add(p[mix(a * 7919 + id * 131 + k) % p.length], bits);
  }
  const kept: number[] = [];
  for (const b of seen) if (prio[b] >= floor) kept.push(b);
  kept.sort((x, y) => prio[y] - prio[x] || x - y);
  if (kept.length > cfg.maxCandidates) kept.length = cfg.maxCandidates;
  for (const b of seen) prio[b] = 0;
  return kept;
}

/**
 * Recomputes the strongest links of one account and replaces its chosen edges. Returns the
 * accounts whose adjacency changed (the account itself, old and new neighbours).
 */
export function relinkAccount(g: LinkGraph, a: number): number[] {
  const scored: [number, number][] = [];
  const threshold = edgeThreshold(g);
  for (const b of candidates(g, a)) {
    const weight = scoreInto(g, a, b, null);
    if (scratchIsEdge(g, weight, threshold)) scored.push([b, weight]);
  }
  scored.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  const floor = (scored[0]?.[1] ?? 0) * g.config.spreadFloor;
  const spread = scored
    .slice(g.config.maxNeighbours)
    .filter(([, w]) => w >= floor)
    .sort((x, y) => mix(a * 31 + x[0]) - mix(a * 31 + y[0]) || x[0] - y[0])
    .slice(0, g.config.spreadNeighbours);
  const chosen = [...scored.slice(0, g.config.maxNeighbours), ...spread];
  const touched = new Set<number>([a]);
  for (const b of g.outN[a]) {
    g.inn[b].delete(a);
    touched.add(b);
  }
  g.outN[a] = chosen.map(([b]) => b);
  g.outW[a] = chosen.map(([, w]) => w);
  for (const b of g.outN[a]) {
    g.inn[b].add(a);
    touched.add(b);
  }
  return [...touched];
}

/** The neighbours of an account with edge weights (the union of both directions' choices). */
export function neighbours(g: LinkGraph, a: number): Map<number, number> {
  const out = new Map<number, number>();
  const on = g.outN[a];
  const ow = g.outW[a];
  for (let k = 0; k < on.length; k++) out.set(on[k], ow[k]);
  for (const b of g.inn[a]) {
    if (out.has(b)) continue;
    const at = g.outN[b].indexOf(a);
    if (at >= 0) out.set(b, g.outW[b][at]);
  }
  return out;
}

/** How many accounts hold a key (0 when unknown). */
export function holders(g: LinkGraph, key: string): number {
  const id = g.keyIds.get(key);
  return id === undefined ? 0 : g.postings[id].length;
}

/** The accounts holding a key, by id. */
export function holdersOf(g: LinkGraph, key: string): readonly number[] {
  const id = g.keyIds.get(key);
  return id === undefined ? [] : g.postings[id];
}

/** The key strings of an account. */
export function keysOf(g: LinkGraph, a: number): string[] {
  return g.keys[a].map((id) => g.keyText[id]);
}

/** Why two accounts are linked, as evidence items (one per agreeing kind, rarest values first). */
export function explainPair(g: LinkGraph, a: number, b: number): Evidence[] {
  const s = scorePair(g, a, b, true);
  return s.parts.map((p) => {
    const spec = KINDS.find((k) => k.kind === p.kind) as KindSpec;
    const n = p.values.length;
    const rarest = p.values[0];
    return {
      kind: `shared-${p.kind}`,
      weight: round(p.bits),
      summary:
        n === 1
          ? `share the ${spec.label} ${rarest.value} (held by ${rarest.holders} accounts)`
          : `share ${n} values of ${spec.label} (the rarest held by ${rarest?.holders ?? 0} accounts)`,
      facts: { values: p.values.slice(0, 8) },
    };
  });
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Serialisable state of the graph. */
export interface LinkGraphJSON {
  config: LinkConfig;
  names: string[];
  keyText: string[];
  keys: number[][];
  counts: number[][];
  volume: number[];
  design: number[];
  postings: number[][];
  population: number;
  outN: number[][];
  outW: number[][];
}

/** The graph as plain JSON. */
export function linkGraphToJSON(g: LinkGraph): LinkGraphJSON {
  return {
    config: g.config,
    names: g.names,
    keyText: g.keyText,
    keys: g.keys,
    counts: g.counts,
    volume: g.volume,
    design: g.design,
    postings: g.postings,
    population: g.population,
    outN: g.outN,
    outW: g.outW,
  };
}

/** A graph restored from `linkGraphToJSON`. */
export function linkGraphFromJSON(j: LinkGraphJSON): LinkGraph {
  const g = createLinkGraph(j.config);
  g.names = j.names;
  for (let i = 0; i < g.names.length; i++) g.ids.set(g.names[i], i);
  g.keyText = j.keyText;
  g.keyText.forEach((k, i) => {
    if (k === '') g.freeKeys.push(i);
    else g.keyIds.set(k, i);
  });
  g.keys = j.keys;
  g.counts = j.counts;
  g.volume = j.volume;
  g.design = j.design;
  g.postings = j.postings;
  g.population = j.population;
  g.outN = j.outN;
  g.outW = j.outW;
  g.inn = g.names.map(() => new Set<number>());
  g.outN.forEach((list, a) => {
    for (const b of list) g.inn[b].add(a);
  });
  return g;
}
