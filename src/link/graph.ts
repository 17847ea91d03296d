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
 * holder count in one typed array; rarities come from a table by kind and holder count for the
 * current population; each account scored keeps a scoring view (its keys and usage shares, packed
 * again when it is re-keyed; its profile keys' rarities, refreshed once per state of the graph), so
 * the many pairs one tick scores merge flat arrays instead of looking every key up; candidate
 * priorities accumulate in a typed array over account ids. None of this changes a score: the same values
 * are added in the same order as the plain definition (src/link/scoring-cache.test.ts holds the
 * cached scores to it bit for bit).
 */
import { appended } from '../core/arrays.js';
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
 * ordinal and holder count, and rarities in bits (see `rarityOf`).
 */
interface Derived {
  /** Per key id: its holder count x 32 + its kind ordinal (one read gives both). */
  info: Int32Array;
  /** Rarity by kind and holder count (below RARITY_TABLE holders) for population `tablePopulation`; NaN: not yet computed. */
  table: Float64Array;
  tablePopulation: number;
  /** Per key id held by RARITY_TABLE accounts or more: [population the rarity was computed for (-1: none), rarity]. */
  rarity: Float64Array;
  /** Candidate priority per account id (all zero between calls). */
  prio: Float64Array;
  /** The accounts `scanPostings` reached, in the order first reached. */
  seen: Int32Array;
  /** Per account id, BOUND_STRIDE numbers of what it may share with the account being re-linked (see `candidates`; all zero between calls). */
  reach: Float64Array;
  /** Bumped by every `setAccountKeys`: rarities computed in the same epoch are still exact. */
  epoch: number;
  /** Per account id: its scoring view, once it was scored (see `viewOf`). */
  views: (ScoringView | undefined)[];
  /**
   * Per account id, META numbers about its scoring view, all the bounds read of it: the epoch
   * its rarities were last refreshed in (a view refreshed in the current epoch is packed and
   * exact), its traffic, and per profile kind its mass (the sum of share x rarity of its keys of
   * that kind). One small record per account, so bounding a candidate does not reach its view.
   */
  meta: Float64Array;
}

/** Numbers per account in `Derived.meta`: epoch, traffic, then one mass per profile kind. */
const META_EPOCH = 0;
const META_TRAFFIC = 1;
const META_MASS = 2;

/**
 * What pair scoring reads of one account, packed: its usage-profile keys (templates, buckets:
 * compared as weighted profiles, so every one counts) one run per kind, with their usage share
 * and rarity, then its other keys (which count only when shared) with their usage share. Each run
 * is sorted by key id, and the values are computed with the same expressions as the plain
 * definition. The keys and shares depend on the account alone and are packed again only after
 * `setAccountKeys` changed it (`packed` false); rarities depend on holder counts and the
 * population, and are recomputed once per state of the graph (`epoch`): while one tick re-links
 * its accounts, an account is a candidate of many of them.
 */
interface ScoringView {
  packed: boolean;
  epoch: number;
  /**
   * One record per key in one array (one allocation per account; a pair score reads two views
   * from start to end): per profile kind (PROFILE_KINDS order) PROFILE_RECORD numbers per key (key
   * id, usage share, rarity), then the other keys, PLAIN_RECORD numbers each (key id, usage share).
   */
  data: Float64Array;
  /** Where each run ends: profile kind s's run is data[runs[s]..runs[s + 1]), the plain keys' is the last. */
  runs: Int32Array;
  /** Its volume, or the sum of its use counts when the volume is unknown (for `evidence`). */
  traffic: number;
}

const PROFILE_RECORD = 3;
const PLAIN_RECORD = 2;

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
      info: new Int32Array(0),
      table: new Float64Array(KINDS.length * RARITY_TABLE),
      tablePopulation: -1,
      rarity: new Float64Array(0),
      prio: new Float64Array(0),
      seen: new Int32Array(0),
      reach: new Float64Array(0),
      epoch: 1,
      views: [],
      meta: new Float64Array(0),
    };
    derivedOf.set(g, d);
    for (let id = 0; id < g.keyText.length; id++)
      if (g.keyText[id]) {
        noteKey(d, id, g.keyText[id]);
        d.info[id] += g.postings[id].length * HOLDER;
      }
  }
  return d;
}

/** `Derived.info` keeps the kind ordinal in its low HOLDER_BITS bits: one holder adds HOLDER. */
const HOLDER_BITS = 5;
const HOLDER = 1 << HOLDER_BITS;
/** Holder counts below this have their rarities tabled per kind (see `rarityOf`). */
const RARITY_TABLE = 1024;

/** Records a (re)interned key id's kind (no holders yet) and forgets its cached rarity. */
function noteKey(d: Derived, id: number, key: string): void {
  if (id >= d.info.length) {
    d.info = grown(d.info, id + 1, (n) => new Int32Array(n));
    d.rarity = grown(d.rarity, 2 * (id + 1), (n) => new Float64Array(n));
  }
  d.info[id] = ORDINAL[key[0]];
  d.rarity[2 * id] = -1;
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

/** Slots per key id when sorting (id, position) pairs packed into one number. */
const POSITIONS = 2 ** 20;

/** An account's keys interned, sorted by key id, with their counts (keys must be distinct). */
function internSorted(g: LinkGraph, next: AccountKeys): { ids: number[]; counts: number[] } {
  const n = next.keys.length;
  const ids: number[] = [];
  const counts: number[] = [];
  if (n >= POSITIONS) {
    const nextIds = next.keys.map((k) => internKey(g, k));
    const order = nextIds.map((_, i) => i).sort((x, y) => nextIds[x] - nextIds[y]);
    for (const i of order) {
      ids.push(nextIds[i]);
      counts.push(next.counts[i]);
    }
    return { ids, counts };
  }
  // (id, position) packed as id x POSITIONS + position: a plain numeric sort orders them by id.
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = internKey(g, next.keys[i]) * POSITIONS + i;
  packed.sort();
  for (let i = 0; i < n; i++) {
    const position = packed[i] % POSITIONS;
    ids.push((packed[i] - position) / POSITIONS);
    counts.push(next.counts[position]);
  }
  return { ids, counts };
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
  const d = derived(g);
  d.epoch++;
  const view = d.views[a];
  if (view !== undefined) view.packed = false;
  g.design[a] = designShare;
  g.volume[a] = volume;
  const oldIds = g.keys[a];
  const { ids, counts } = internSorted(g, next);
  // Both lists are sorted by id: removals and additions in id order, as set differences would give.
  const removed: number[] = [];
  const added: number[] = [];
  let i = 0;
  let j = 0;
  while (i < oldIds.length || j < ids.length) {
    if (j >= ids.length || (i < oldIds.length && oldIds[i] < ids[j])) removed.push(oldIds[i++]);
    else if (i >= oldIds.length || oldIds[i] > ids[j]) added.push(ids[j++]);
    else {
      i++;
      j++;
    }
  }
  for (const id of removed) {
    const p = g.postings[id];
    const at = p.lastIndexOf(a);
    if (at >= 0) {
      p.splice(at, 1);
      d.info[id] -= HOLDER;
    }
    d.rarity[2 * id] = -1;
    if (p.length === 0) releaseKey(g, id);
  }
  for (const id of added) {
    g.postings[id] = appended(g.postings[id], a);
    d.info[id] += HOLDER;
    d.rarity[2 * id] = -1;
  }
  const changed = removed.length + added.length;
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
function rarityOf(d: Derived, keyId: number, n: number): number {
  return rarityByInfo(d, keyId, d.info[keyId], n);
}

/**
 * `rarityOf` given the key's `Derived.info`. Rarity depends only on the kind, the holder count
 * and the population, so rare keys (most of them) read a small table valid for one population;
 * keys with RARITY_TABLE holders or more keep their own cache entry.
 */
function rarityByInfo(d: Derived, keyId: number, info: number, n: number): number {
  // The common case (a tabled holder count already computed) is kept small so that it is inlined
  // where it is called: a rarity returned from a call is a heap-allocated number.
  const holders = info >>> HOLDER_BITS;
  if (holders < RARITY_TABLE && d.tablePopulation === n) {
    const cached = d.table[(info & (HOLDER - 1)) * RARITY_TABLE + holders];
    if (!Number.isNaN(cached)) return cached;
  }
  return computeRarity(d, keyId, info, n);
}

/** `rarityByInfo` when the table or the key's own entry does not have it yet (fills them). */
function computeRarity(d: Derived, keyId: number, info: number, n: number): number {
  const holders = info >>> HOLDER_BITS;
  const kind = info & (HOLDER - 1);
  if (holders < RARITY_TABLE) {
    if (d.tablePopulation !== n) {
      d.table.fill(Number.NaN);
      d.tablePopulation = n;
    }
    const at = kind * RARITY_TABLE + holders;
    const cached = d.table[at];
    if (!Number.isNaN(cached)) return cached;
    const spec = KINDS[kind];
    const bits = valueBits(spec.m, holders, n, spec.cap);
    d.table[at] = bits;
    return bits;
  }
  const at = 2 * keyId;
  if (d.rarity[at] === n) return d.rarity[at + 1];
  const spec = KINDS[kind];
  const bits = valueBits(spec.m, holders, n, spec.cap);
  d.rarity[at] = n;
  d.rarity[at + 1] = bits;
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
/** Kind ordinals of the profile kinds, and each kind's index among them (-1: not a profile kind). */
const PROFILE_KINDS: number[] = KINDS.flatMap((_, i) => (PROFILE[i] ? [i] : []));
const PROFILE_SLOT: number[] = KINDS.map((_, i) => PROFILE_KINDS.indexOf(i));
const META = META_MASS + PROFILE_KINDS.length;
const ANCHOR: boolean[] = KINDS.map((k) => ANCHOR_KINDS.has(k.kind));
const ADDRESS: boolean[] = KINDS.map((k) => ADDRESS_KINDS.has(k.kind));
/** Addresses an account uses for traffic (several per account), as opposed to its one sign-up address. */
const TRAFFIC_ADDRESS: boolean[] = KINDS.map((k, i) => ADDRESS[i] && k.top > 1);
const AMPLIFIER: boolean[] = KINDS.map((k) => AMPLIFIER_KINDS.has(k.kind));

/** Share of an account's traffic a template or bucket carries (counts alone when the volume is unknown). */
function usageShare(count: number, volume: number): number {
  return volume > 0 ? Math.min(1, count / volume) : Math.min(1, count / 8);
}

/** The scoring view of account `a` in the graph's current state. */
function viewOf(g: LinkGraph, d: Derived, a: number): ScoringView {
  let v = d.views[a];
  if (v === undefined || !v.packed) v = packView(g, d, a, v);
  if (v.epoch !== d.epoch) {
    const pop = Math.max(g.population, g.config.minPopulation);
    const { data, runs } = v;
    if (d.meta.length < (a + 1) * META) d.meta = grown(d.meta, (a + 1) * META, (n) => new Float64Array(n));
    const meta = d.meta;
    const at = a * META;
    for (let slot = 0; slot < PROFILE_KINDS.length; slot++) {
      let sum = 0;
      for (let r = runs[slot]; r < runs[slot + 1]; r += PROFILE_RECORD) {
        const id = data[r];
        const info = d.info[id];
        const rarity = rarityByInfo(d, id, info, pop);
        data[r + 2] = rarity;
        // A template or bucket nobody else holds says nothing about any pair (see `scoreInto`).
        if (info >>> HOLDER_BITS > 1) sum += data[r + 1] * rarity;
      }
      meta[at + META_MASS + slot] = sum;
    }
    meta[at + META_TRAFFIC] = v.traffic;
    meta[at + META_EPOCH] = d.epoch;
    v.epoch = d.epoch;
  }
  return v;
}

/** Where account `a`'s numbers start in `Derived.meta`, refreshed to the graph's current state. */
function metaOf(g: LinkGraph, d: Derived, a: number): number {
  const at = a * META;
  if (d.meta[at + META_EPOCH] !== d.epoch) viewOf(g, d, a);
  return at;
}

/** Packs account `a`'s keys and usage shares into its view (reusing `old` when it has room). */
function packView(g: LinkGraph, d: Derived, a: number, old: ScoringView | undefined): ScoringView {
  const keys = g.keys[a];
  const counts = g.counts[a];
  const volume = g.volume[a];
  const slots = PROFILE_KINDS.length;
  const runs = old?.runs ?? new Int32Array(slots + 2);
  // Records per run first, then each run's end.
  runs.fill(0);
  for (const id of keys) runs[PROFILE_SLOT[d.info[id] & (HOLDER - 1)] + 1]++;
  // runs[0] counts plain keys (PROFILE_SLOT -1), runs[s + 1] profile kind s's.
  const plain = runs[0];
  runs[0] = 0;
  for (let slot = 0; slot < slots; slot++) runs[slot + 1] = runs[slot] + runs[slot + 1] * PROFILE_RECORD;
  runs[slots + 1] = runs[slots] + plain * PLAIN_RECORD;
  const size = runs[slots + 1];
  const v: ScoringView =
    old !== undefined && old.data.length >= size
      ? old
      : {
          packed: false,
          epoch: 0,
          // Room for a few more keys, so that re-keying rarely needs a new array.
          data: new Float64Array(size + 8 * PROFILE_RECORD),
          runs,
          traffic: 0,
        };
  d.views[a] = v;
  const data = v.data;
  // Fill each run from its start, keys in id order.
  const at = PACK_CURSORS;
  for (let slot = 0; slot <= slots; slot++) at[slot] = runs[slot];
  for (let i = 0; i < keys.length; i++) {
    const id = keys[i];
    const slot = PROFILE_SLOT[d.info[id] & (HOLDER - 1)];
    const share = usageShare(counts[i], volume);
    if (slot >= 0) {
      const r = at[slot];
      data[r] = id;
      data[r + 1] = share;
      at[slot] = r + PROFILE_RECORD;
    } else {
      const r = at[slots];
      data[r] = id;
      data[r + 1] = share;
      at[slots] = r + PLAIN_RECORD;
    }
  }
  v.traffic = volume || sumOf(counts);
  v.packed = true;
  v.epoch = 0;
  return v;
}

/** Write positions of `packView`, one per run. */
const PACK_CURSORS: number[] = [];

/**
 * Scratch of one pair score (reused: scoring is synchronous and never re-entered). Per kind:
 * the bits of each shared value (`bits[k][0..count[k])`), and after `scoreInto` the kind's total
 * and whether it takes part.
 */
const SCRATCH = {
  bits: KINDS.map(() => [] as number[]),
  count: new Int32Array(KINDS.length),
  total: new Float64Array(KINDS.length),
  present: new Uint8Array(KINDS.length),
  amplified: false,
};

/** Adds a shared value of kind `k` to the evidence being collected. */
function noteValue(
  g: LinkGraph,
  values: ({ value: string; holders: number }[] | undefined)[],
  k: number,
  id: number,
): void {
  const v = { value: g.keyText[id].slice(2), holders: g.postings[id].length };
  const vl = values[k];
  if (vl) vl.push(v);
  else values[k] = [v];
}

/**
 * Scores a pair into SCRATCH and returns its weight; `values`, when given, collects each kind's
 * shared values for evidence. Profiles are scored first: when `plainBound` (an upper bound of
 * what the plain keys can add, see `candidates`) cannot lift them to `threshold`, it returns -1
 * at once (the pair is no edge; SCRATCH is then incomplete).
 */
function scoreInto(
  g: LinkGraph,
  a: number,
  b: number,
  values: ({ value: string; holders: number }[] | undefined)[] | null,
  plainBound = Number.POSITIVE_INFINITY,
  threshold = 0,
): number {
  const d = derived(g);
  const { bits: bitsByKind, count, total, present } = SCRATCH;
  const va = viewOf(g, d, a);
  const vb = viewOf(g, d, b);
  const n = KINDS.length;
  count.fill(0);
  // Weighted Jaccard of template and bucket usage, per kind: sum of min / sum of max of
  // (share x rarity), from a merge of the two accounts' sorted runs of that kind. Values only one
  // account in the whole graph holds (an operator's reworded prompts, anyone's one-off questions)
  // stay out of the sum of max: they say nothing about the pair, and counting them let a
  // paraphrasing operator dilute every pair's agreement to a few bits.
  const da = va.data;
  const db = vb.data;
  // A usage profile needs some traffic behind it: full weight from 8 exchanges on both sides.
  const evidence = Math.min(1, Math.min(va.traffic, vb.traffic) / 8);
  for (let slot = 0; slot < PROFILE_KINDS.length; slot++) {
    const k = PROFILE_KINDS[slot];
    let min = 0;
    let max = 0;
    let sharedUse = 0;
    let i = va.runs[slot];
    let j = vb.runs[slot];
    const endA = va.runs[slot + 1];
    const endB = vb.runs[slot + 1];
    while (i < endA && j < endB) {
      const x = da[i];
      const y = db[j];
      if (x < y) {
        if (d.info[x] >>> HOLDER_BITS > 1) max += da[i + 1] * da[i + 2];
        i += PROFILE_RECORD;
      } else if (x > y) {
        if (d.info[y] >>> HOLDER_BITS > 1) max += db[j + 1] * db[j + 2];
        j += PROFILE_RECORD;
      } else {
        const rarity = da[i + 2];
        const sa = da[i + 1];
        const sb = db[j + 1];
        const shared = Math.min(sa, sb);
        const bits = shared * rarity;
        sharedUse += shared;
        min += bits;
        max += Math.max(sa, sb) * rarity;
        if (values !== null && bits > 0) noteValue(g, values, k, x);
        i += PROFILE_RECORD;
        j += PROFILE_RECORD;
      }
    }
    for (; i < endA; i += PROFILE_RECORD) if (d.info[da[i]] >>> HOLDER_BITS > 1) max += da[i + 1] * da[i + 2];
    for (; j < endB; j += PROFILE_RECORD) if (d.info[db[j]] >>> HOLDER_BITS > 1) max += db[j + 1] * db[j + 2];
    if (min > 0) {
      // Similar profiles made of what half the world sends are no shared programme: below
      // `profileRarityBits` of mean rarity, the kind's cap shrinks in proportion.
      const specific = Math.min(1, min / sharedUse / g.config.profileRarityBits);
      bitsByKind[k][0] = (KINDS[k].cap * evidence * specific * min) / max;
      count[k] = 1;
    }
  }
  if (plainBound < Number.POSITIVE_INFINITY) {
    // What the profiles give is known now: if the plain keys cannot make up the rest, stop.
    let profiles = 0;
    for (const k of PROFILE_KINDS) if (count[k] > 0) profiles += Math.min(bitsByKind[k][0], KINDS[k].cap);
    if (profiles + plainBound + BOUND_SLACK * (1 + profiles + plainBound) < threshold) return -1;
  }
  // Plain keys count only when both accounts hold them: one merge of the two plain runs (a key id
  // has one kind, so each kind's values still come in key-id order, as in a single merge of the
  // two sorted key lists).
  const design = Math.max(g.design[a], g.design[b]) * g.config.sharedByDesignBits;
  const floor = g.config.valueFloor;
  const addressShare = g.config.addressShare;
  const pop = Math.max(g.population, g.config.minPopulation);
  const last = PROFILE_KINDS.length;
  let i = va.runs[last];
  let j = vb.runs[last];
  const endA = va.runs[last + 1];
  const endB = vb.runs[last + 1];
  while (i < endA && j < endB) {
    const x = da[i];
    const y = db[j];
    if (x < y) {
      i += PLAIN_RECORD;
      continue;
    }
    if (x > y) {
      j += PLAIN_RECORD;
      continue;
    }
    const info = d.info[x];
    const k = info & (HOLDER - 1);
    let bits = Math.max(0, rarityByInfo(d, x, info, pop) - floor);
    if (ADDRESS[k]) {
      bits = Math.max(0, bits - design);
      // A traffic address counts in full only when both accounts really use it: a household
      // IP that a rotating proxy pool passed through a few times is no shared infrastructure.
      if (TRAFFIC_ADDRESS[k]) {
        const used = Math.min(da[i + 1], db[j + 1]);
        bits *= Math.min(1, used / addressShare);
      }
    }
    if (bits > 0) {
      bitsByKind[k][count[k]++] = bits;
      if (values !== null) noteValue(g, values, k, x);
    }
    i += PLAIN_RECORD;
    j += PLAIN_RECORD;
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

/**
 * Per account id reached from the postings of the account being re-linked, BOUND_STRIDE numbers in
 * `Derived.reach`: the sum of max(0, rarity - valueFloor) over the plain keys it shares with it,
 * then per profile kind the re-linked account's share x rarity summed over the keys they share,
 * then per profile kind the largest rarity of those keys.
 */
const BOUND_STRIDE = 1 + 2 * PROFILE_KINDS.length;

/**
 * The same for the keys whose postings were sampled or skipped (held by many accounts, or rarer
 * than a bit): any candidate may share them, so every bound counts them in full.
 */
const UNSEEN = {
  plain: 0,
  mass: new Float64Array(PROFILE_KINDS.length),
  rarity: new Float64Array(PROFILE_KINDS.length),
};

/** Margin added to an upper bound before comparing it with the edge threshold (rounding). */
const BOUND_SLACK = 1e-9;

/**
 * Whether `upperBound` holds under this configuration: each step of a pair score it leaves out
 * must only lower the score (diminishing factors of at most 1, address discounts that subtract
 * and scale down).
 */
function boundsHold(cfg: LinkConfig): boolean {
  return (
    cfg.diminishing <= 1 && cfg.sharedByDesignBits >= 0 && cfg.addressShare > 0 && cfg.profileRarityBits > 0
  );
}

/**
 * Scans account `a`'s postings: the candidate priority of each account reached (sum of the
 * rarities of the keys shared with it, the postings of common values sampled) into `Derived.prio`,
 * what an upper bound of its pair score needs into `Derived.reach`, and the keys not scanned in
 * full into UNSEEN. Returns how many accounts it reached (listed in `Derived.seen`); the caller
 * zeroes their `prio` and `reach` (`clearScan`).
 */
function scanPostings(g: LinkGraph, d: Derived, a: number): number {
  const cfg = g.config;
  if (d.prio.length < g.names.length) d.prio = grown(d.prio, g.names.length, (n) => new Float64Array(n));
  if (d.reach.length < g.names.length * BOUND_STRIDE)
    d.reach = grown(d.reach, g.names.length * BOUND_STRIDE, (n) => new Float64Array(n));
  if (d.seen.length < g.names.length) d.seen = grown(d.seen, g.names.length, (n) => new Int32Array(n));
  const { prio, reach, seen } = d;
  let reached = 0;
  const slots = PROFILE_KINDS.length;
  UNSEEN.plain = 0;
  UNSEEN.mass.fill(0);
  UNSEEN.rarity.fill(0);
  const add = (b: number, bits: number) => {
    if (b === a) return;
    if (prio[b] === 0) seen[reached++] = b;
    prio[b] += bits;
  };
  const pop = Math.max(g.population, cfg.minPopulation);
  const keys = g.keys[a];
  const counts = g.counts[a];
  const volume = g.volume[a];
  // A shared address loses at least this account's shared-by-design discount.
  const design = g.design[a] * cfg.sharedByDesignBits;
  for (let x = 0; x < keys.length; x++) {
    const id = keys[x];
    const bits = rarityOf(d, id, pop);
    // This key's most in a pair score: plain keys at most their bits over the floor; a profile
    // key adds its share x rarity to what the two profiles can have in common.
    const kind = d.info[id] & (HOLDER - 1);
    const slot = PROFILE_SLOT[kind];
    const plain = slot < 0 ? Math.max(0, bits - cfg.valueFloor - (ADDRESS[kind] ? design : 0)) : 0;
    const weighted = slot < 0 ? 0 : usageShare(counts[x], volume) * bits;
    const p = g.postings[id];
    if (bits < 1 || p.length > cfg.fullPostings) {
      if (slot < 0) UNSEEN.plain += plain;
      else {
        UNSEEN.mass[slot] += weighted;
        if (UNSEEN.rarity[slot] < bits) UNSEEN.rarity[slot] = bits;
      }
      if (bits < 1) continue;
      for (let k = Math.max(0, p.length - cfg.recentSamples); k < p.length; k++) add(p[k], bits);
      for (let k = 0; k < cfg.hashedSamples; k++) add(p[mix(a * 7919 + id * 131 + k) % p.length], bits);
      continue;
    }
    for (const b of p) {
      if (b === a) continue;
      add(b, bits);
      const at = b * BOUND_STRIDE;
      if (slot < 0) reach[at] += plain;
      else {
        reach[at + 1 + slot] += weighted;
        if (reach[at + 1 + slots + slot] < bits) reach[at + 1 + slots + slot] = bits;
      }
    }
  }
  return reached;
}

/**
 * Upper bounds of the weight of pair (a, b), from `scanPostings(g, d, a)` (`va` = a's view):
 * plain kinds at most the sum of their shared keys' bits over the floor; each profile kind at most
 * its cap x evidence x the largest rarity it shares over `profileRarityBits` x a bound of the
 * weighted Jaccard. With S the mass the two share (at most what a shares, and at most each side's
 * mass Pa, Pb), sum of min / sum of max is S / (Pa + Pb - S) (`upperBound`), itself at most S / Pa
 * (`quickBound`, which needs nothing of b's view: refreshing that is the costly part).
 */
function quickBound(g: LinkGraph, d: Derived, am: number, b: number): number {
  return profileBound(g, d, am, b, -1);
}

/** See `quickBound`. */
function upperBound(g: LinkGraph, d: Derived, am: number, b: number): number {
  return profileBound(g, d, am, b, metaOf(g, d, b));
}

/**
 * `quickBound` without b's view (`bm` -1), `upperBound` with it; `am`, `bm`: where a's and b's
 * numbers start in `Derived.meta` (both refreshed).
 */
function profileBound(g: LinkGraph, d: Derived, am: number, b: number, bm: number): number {
  const reach = d.reach;
  const meta = d.meta;
  const at = b * BOUND_STRIDE;
  const slots = PROFILE_KINDS.length;
  // Without b's view: its traffic is its volume when known (see `packView`), else evidence is at most 1.
  const volume = g.volume[b];
  const traffic = bm >= 0 ? meta[bm + META_TRAFFIC] : volume > 0 ? volume : Number.POSITIVE_INFINITY;
  const evidence = Math.min(1, Math.min(meta[am + META_TRAFFIC], traffic) / 8);
  let bound = reach[at] + UNSEEN.plain;
  for (let s = 0; s < slots; s++) {
    const pa = meta[am + META_MASS + s];
    const pb = bm >= 0 ? meta[bm + META_MASS + s] : Number.POSITIVE_INFINITY;
    const shared = Math.min(reach[at + 1 + s] + UNSEEN.mass[s], pa, pb);
    if (!(shared > 0)) continue;
    const jaccard = Math.min(1, bm >= 0 ? shared / (pa + pb - shared) : shared / pa);
    const specific = Math.min(
      1,
      Math.max(reach[at + 1 + slots + s], UNSEEN.rarity[s]) / g.config.profileRarityBits,
    );
    bound += KINDS[PROFILE_KINDS[s]].cap * evidence * specific * jaccard;
  }
  return bound + BOUND_SLACK * (1 + bound);
}

/**
 * Candidate partners of an account from its postings, with a rough priority (sum of bits): the
 * `maxCandidates` best, in no particular order, less those whose upper bound (`upperBound`)
 * is under the edge threshold (most candidates cannot be an edge, and the bound costs a fraction
 * of an exact score); PLAIN_BOUNDS gets what each one's plain keys can add at most.
 */
function candidates(g: LinkGraph, a: number): number[] {
  const cfg = g.config;
  const d = derived(g);
  const threshold = edgeThreshold(g);
  // Candidates whose shared keys sum to well under an edge are not worth an exact score.
  const floor = threshold * cfg.candidateFloor;
  const reached = scanPostings(g, d, a);
  const { prio, seen } = d;
  const kept: number[] = [];
  for (let r = 0; r < reached; r++) if (prio[seen[r]] >= floor) kept.push(seen[r]);
  // Only the cut needs the order (the caller ranks what it scores by weight).
  if (kept.length > cfg.maxCandidates) {
    kept.sort((x, y) => prio[y] - prio[x] || x - y);
    kept.length = cfg.maxCandidates;
  }
  const plainBounds = PLAIN_BOUNDS;
  plainBounds.length = 0;
  if (boundsHold(cfg) && kept.length > 0) {
    const am = metaOf(g, d, a);
    let w = 0;
    for (const b of kept) {
      if (quickBound(g, d, am, b) < threshold || upperBound(g, d, am, b) < threshold) continue;
      kept[w++] = b;
      plainBounds.push(d.reach[b * BOUND_STRIDE] + UNSEEN.plain);
    }
    kept.length = w;
  } else for (const _ of kept) plainBounds.push(Number.POSITIVE_INFINITY);
  clearScan(d, reached);
  return kept;
}

/** Per candidate returned by the last `candidates` call: an upper bound of what its plain keys add. */
const PLAIN_BOUNDS: number[] = [];

/** Zeroes what `scanPostings` left in `prio` and `reach` for the accounts it reached. */
function clearScan(d: Derived, reached: number): void {
  const { prio, reach, seen } = d;
  for (let r = 0; r < reached; r++) {
    const b = seen[r];
    prio[b] = 0;
    for (let at = b * BOUND_STRIDE, end = at + BOUND_STRIDE; at < end; at++) reach[at] = 0;
  }
}

/**
 * The upper bounds `candidates` uses for pair (a, b): of its weight (`quick` without b's view,
 * `weight` with it), and of what its plain (not profile) kinds add; Infinity when the
 * configuration gives none. For tests: none may ever be under the pair's exact score.
 */
export function pairScoreBounds(
  g: LinkGraph,
  a: number,
  b: number,
): { quick: number; weight: number; plain: number } {
  const none = Number.POSITIVE_INFINITY;
  if (!boundsHold(g.config)) return { quick: none, weight: none, plain: none };
  const d = derived(g);
  const reached = scanPostings(g, d, a);
  const am = metaOf(g, d, a);
  const quick = quickBound(g, d, am, b);
  const weight = upperBound(g, d, am, b);
  const plain = d.reach[b * BOUND_STRIDE] + UNSEEN.plain;
  clearScan(d, reached);
  return { quick, weight, plain };
}

/**
 * Recomputes the strongest links of one account and replaces its chosen edges. Returns the
 * accounts whose adjacency changed (the account itself, old and new neighbours).
 */
export function relinkAccount(g: LinkGraph, a: number): number[] {
  const scored: [number, number][] = [];
  const threshold = edgeThreshold(g);
  const found = candidates(g, a);
  for (let c = 0; c < found.length; c++) {
    const b = found[c];
    const weight = scoreInto(g, a, b, null, PLAIN_BOUNDS[c], threshold);
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

/** The ids of `neighbours(g, a)`, in the same order, without building a map. */
export function neighbourIds(g: LinkGraph, a: number): number[] {
  const on = g.outN[a];
  const out = on.slice();
  for (const b of g.inn[a]) if (!on.includes(b) && g.outN[b].includes(a)) out.push(b);
  return out;
}

/**
 * Per key id, its holder count and kind in one number: holders x KEY_INFO_HOLDER + the kind's
 * index in KINDS (released ids hold 0). For passes over the whole graph (template sets): one
 * typed-array read per key instead of reaching its postings. Read-only; valid until the graph
 * next changes.
 */
export function keyInfo(g: LinkGraph): Int32Array {
  return derived(g).info;
}

/** See `keyInfo`. */
export const KEY_INFO_HOLDER = HOLDER;

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
