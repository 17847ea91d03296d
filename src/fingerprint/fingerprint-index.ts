/**
 * In-memory index of who uses which template and LSH bucket: the input of identity correlation.
 *
 * For a template id or a band key it answers how many distinct accounts and exchanges used it and
 * over what time; for an account, which of its templates and buckets are shared with how many
 * other accounts. It stays compact whatever the traffic:
 * - Most keys are seen once (every prompt brings ~15 new band keys). A key's first sighting only
 *   goes to a fixed-size "doorkeeper" table (typed arrays, direct-mapped, a newer key overwrites
 *   an older one in its slot); a key gets a full entry when it is seen a second time while still
 *   there. So one-off keys cost nothing, and a key recurring within roughly
 *   `doorkeeperSlots / 15` exchanges is never missed.
 * - A key's entry keeps its accounts exactly up to `accountsPerKey` (space-saving heavy hitters:
 *   the heaviest accounts stay exact) and counts the distinct tail with a HyperLogLog.
 * - At most `maxKeys` entries (the least shared, least used ones are dropped first) and at most
 *   `keysPerAccount` shared keys remembered per account.
 * - Entries live in flat arrays (typed arrays for the numbers) behind an open-addressing table
 *   keyed by the key hash the doorkeeper already uses, and an account's shared keys in three
 *   parallel arrays: a sighting touches a few array slots instead of `Map`s and an object per key,
 *   and the garbage collector has far fewer long-lived objects to trace.
 * `toJSON()` / `fingerprintIndexFromJSON()` round-trip the whole state (format version 1, the same
 * as before the flat layout: snapshots written by either read in the other).
 */
import type { EpochMs, Fingerprint } from '../core/types.js';
import { hashString } from './hash.js';
import { createHll, hllAdd, hllCount } from './sketch.js';

/** Bounds of the index (defaults in parentheses). */
export interface FingerprintIndexOptions {
  /** Accounts kept exactly per key (32). */
  accountsPerKey?: number;
  /** Shared keys remembered per account (256). */
  keysPerAccount?: number;
  /** Keys with a full entry (200,000). */
  maxKeys?: number;
  /** First-sighting table size, a power of two (2^20). */
  doorkeeperSlots?: number;
  /** HyperLogLog precision for the account tail (8: 256 registers, ~6.5% error). */
  hllPrecision?: number;
}

export type KeyKind = 'template' | 'band';

/** Usage of one template or band key. */
export interface KeyStats {
  key: string;
  kind: KeyKind;
  exchanges: number;
  /** Distinct accounts (exact when `exact`, else a HyperLogLog estimate). */
  accounts: number;
  exact: boolean;
  firstSeen: EpochMs;
  lastSeen: EpochMs;
  /** The heaviest accounts with their exchange counts (overestimates once `exact` is false). */
  topAccounts: { account: string; exchanges: number }[];
}

/** One key an account shares with others. */
export interface SharedKey {
  key: string;
  kind: KeyKind;
  /** This account's exchanges on the key (counted from the key's promotion on). */
  exchanges: number;
  /** Other accounts using the key. */
  otherAccounts: number;
  /** Exchanges of all accounts on the key. */
  totalExchanges: number;
}

/** What an account shares. */
export interface AccountSharing {
  account: string;
  templates: SharedKey[];
  buckets: SharedKey[];
}

/** The index. */
export interface FingerprintIndex {
  /** Records one exchange's fingerprint for an account at event time ts. */
  add(account: string, ts: EpochMs, fp: Pick<Fingerprint, 'template' | 'bands'>): void;
  template(id: string): KeyStats | null;
  bucket(bandKey: string): KeyStats | null;
  account(account: string): AccountSharing;
  /** Keys used by at least `minAccounts` distinct accounts, most shared first. */
  shared(minAccounts?: number, kind?: KeyKind): KeyStats[];
  stats(): { keys: number; accounts: number; doorkeeperSlots: number; doorkeeperUsed: number };
  toJSON(): FingerprintIndexJSON;
}

/** The serialised form of an index. */
export interface FingerprintIndexJSON {
  version: 1;
  options: Required<FingerprintIndexOptions>;
  accounts: string[];
  keys: [string, number, number, number, [number, number][], string | null][];
  accountKeys: [number, [string, number][]][];
  /** The doorkeeper's records (base64 of 4 little-endian int32 per slot). */
  doorkeeper: { records: string };
}

const DEFAULTS: Required<FingerprintIndexOptions> = {
  accountsPerKey: 32,
  keysPerAccount: 256,
  maxKeys: 200_000,
  doorkeeperSlots: 1 << 20,
  hllPrecision: 8,
};

/** Hash of a key within its kind ('t:' or 'b:'), never 0 (0 marks an empty doorkeeper slot). */
function keyHash(kind: string, key: string): number {
  return hashString(key, kind === 't:' ? 0x74656d70 : 0x62616e64) | 1;
}

const TWO_32 = 4294967296;
/** When an account's list of shared keys is full, a new key replaces the weakest of this many oldest. */
const EVICTION_SAMPLE = 16;
const PROMOTED = 1 << 30;
/** Kind bit of an entry (and of its table slot): set for a band key, clear for a template. */
const KIND_BAND = 1 << 30;
/**
 * An entry's numeric record, eight numbers (64 bytes, one cache line): exchanges, first and last
 * event time, serial (a number no other entry had or will have: account lists recognise their
 * entry by it), key hash (`keyHash`), kind (KIND_BAND or 0).
 */
const RECORD = 8;
const D_EXCHANGES = 0;
const D_FIRST = 1;
const D_LAST = 2;
const D_SERIAL = 3;
const D_HASH = 4;
const D_KIND = 5;
/**
 * An entry's references, four in a row: the bare key as the caller passes it; the key with its
 * kind prefix ('t:' or 'b:'), as serialised and kept in account lists; the accounts kept exactly,
 * in the order they came in (space-saving once full), account index and exchanges interleaved, at
 * most `accountsPerKey` pairs (most keys have two or three); the HyperLogLog of all the key's
 * accounts once more than `accountsPerKey` came, else null.
 */
const REFS = 4;
const R_KEY = 0;
const R_ID = 1;
const R_ACCOUNTS = 2;
const R_HLL = 3;

function kindOf(internal: string): KeyKind {
  return internal.charCodeAt(0) === 116 ? 'template' : 'band';
}

function toBase64(a: ArrayBufferView): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

function fromBase64<T>(text: string, make: (buffer: ArrayBuffer) => T): T {
  const bytes = Buffer.from(text, 'base64');
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return make(copy);
}

/** Creates an empty index. */
export function createFingerprintIndex(options: FingerprintIndexOptions = {}): FingerprintIndex {
  return build({ ...DEFAULTS, ...options }, null);
}

/** Restores an index from its `toJSON()` form. */
export function fingerprintIndexFromJSON(json: FingerprintIndexJSON): FingerprintIndex {
  if (json?.version !== 1) throw new TypeError('not a serialised fingerprint index (version 1)');
  return build(json.options, json);
}

function build(opts: Required<FingerprintIndexOptions>, json: FingerprintIndexJSON | null): FingerprintIndex {
  const slots = opts.doorkeeperSlots;
  if ((slots & (slots - 1)) !== 0 || slots < 16)
    throw new RangeError('doorkeeperSlots must be a power of two >= 16');
  if (!(opts.accountsPerKey >= 1)) throw new RangeError('accountsPerKey must be at least 1');
  const accountNames: string[] = [];
  /** Hash of each account id, for the HyperLogLogs. */
  const accountHashes: number[] = [];
  const accountIds = new Map<string, number>();
  // Per account, the promoted keys it used, in the order they came (the eviction sample is the
  // oldest): three numbers a key in one array (key hash, serial of the entry last matched, this
  // account's exchanges) and the key ids beside it. A lookup scans the account's numbers (at most
  // `keysPerAccount` keys, usually a few dozen); hash and serial equal is the same entry, so the ids
  // are read only when a key was promoted again after pruning (or on a hash collision).
  const accountItems: number[][] = [];
  const accountKeyIds: string[][] = [];

  // Promoted keys ("entries"), numbered densely in promotion order (pruning compacts them and
  // keeps the order), in two flat arrays: no object per key, no `Map` lookup per sighting, little
  // for the garbage collector to trace. A sighting reads one 64-byte numeric record and one run of
  // four references, not a cache line per field.
  let entryCount = 0;
  let entryRoom = 1024;
  /** Numeric record of each entry, `RECORD` numbers: see the `D_` offsets. */
  let entryData = new Float64Array(entryRoom * RECORD);
  /** References of each entry, `REFS` a entry: see the `R_` offsets. */
  const entryRefs: (string | number[] | Uint8Array | null)[] = [];
  let serials = 0;
  const keyOf = (entry: number) => entryRefs[entry * REFS + R_KEY] as string;
  const idOf = (entry: number) => entryRefs[entry * REFS + R_ID] as string;
  const accountsOf = (entry: number) => entryRefs[entry * REFS + R_ACCOUNTS] as number[];
  const hllOf = (entry: number) => entryRefs[entry * REFS + R_HLL] as Uint8Array | null;
  /**
   * Open-addressing table (linear probing) from key hash to entry: two int32 a slot, the key hash
   * and `entry + 1` with the kind bit (0 = empty), so a probe reads one cache line.
   */
  let table = new Int32Array(2048 * 2);
  let tableMask = 2047;

  /**
   * The doorkeeper, one 16-byte record per slot so a lookup touches one cache line: key hash
   * (0 = empty), account, event time as two 32-bit halves; bit 30 of the high half is set when a
   * promoted key may hash to the slot (never cleared: a stale bit only costs a table lookup).
   */
  let door = new Int32Array(slots * 4);
  /** Key hashes of the exchange being added (scratch). */
  let keyHashes = new Int32Array(32);
  /** Where the touched slots are folded, so the compiler keeps the loads (read by nothing else). */
  // biome-ignore lint/correctness/noUnusedVariables: written only to keep the prefetching loads
  let touchedSink = 0;

  /** The entry of a key, or -1. */
  function lookup(kind: number, key: string, h: number): number {
    for (let at = (h & tableMask) * 2; ; at = (at + 2) & (tableMask * 2 + 1)) {
      const tag = table[at + 1];
      if (tag === 0) return -1;
      if (table[at] === h && (tag & KIND_BAND) === kind) {
        const entry = (tag & ~KIND_BAND) - 1;
        if (keyOf(entry) === key) return entry;
      }
    }
  }

  function place(entry: number): void {
    const h = entryData[entry * RECORD + D_HASH];
    let at = (h & tableMask) * 2;
    while (table[at + 1] !== 0) at = (at + 2) & (tableMask * 2 + 1);
    table[at] = h;
    table[at + 1] = (entry + 1) | entryData[entry * RECORD + D_KIND];
  }

  /** Rebuilds the table for the current entries, at most a quarter full. */
  function rebuildTable(): void {
    let size = 2048;
    while (size < entryCount * 4) size *= 2;
    table = new Int32Array(size * 2);
    tableMask = size - 1;
    for (let e = 0; e < entryCount; e++) place(e);
  }

  /** Appends an entry and returns its number (the caller fills its account list). */
  function addEntry(
    kind: number,
    key: string,
    id: string,
    h: number,
    exchanges: number,
    first: number,
    last: number,
    accounts: number[],
  ): number {
    if (entryCount === entryRoom) {
      entryRoom *= 2;
      const data = new Float64Array(entryRoom * RECORD);
      data.set(entryData);
      entryData = data;
    }
    const entry = entryCount++;
    const d = entry * RECORD;
    entryData[d + D_EXCHANGES] = exchanges;
    entryData[d + D_FIRST] = first;
    entryData[d + D_LAST] = last;
    entryData[d + D_SERIAL] = serials++;
    entryData[d + D_HASH] = h;
    entryData[d + D_KIND] = kind;
    entryRefs.push(key, id, accounts, null);
    if (entryCount * 2 > tableMask + 1) rebuildTable();
    else place(entry);
    return entry;
  }

  /** The entry of a key with its kind prefix, or -1. */
  function entryOf(internal: string): number {
    const prefix = internal.slice(0, 2);
    const key = internal.slice(2);
    return lookup(prefix === 't:' ? 0 : KIND_BAND, key, keyHash(prefix, key));
  }

  /** Entry numbers, templates first, each kind in promotion order (the order `toJSON` lists). */
  function allEntries(): number[] {
    const order: number[] = [];
    for (let e = 0; e < entryCount; e++) if (entryData[e * RECORD + D_KIND] === 0) order.push(e);
    for (let e = 0; e < entryCount; e++) if (entryData[e * RECORD + D_KIND] !== 0) order.push(e);
    return order;
  }

  if (json !== null) {
    json.accounts.forEach((name, i) => {
      accountNames.push(name);
      accountHashes.push(hashString(name));
      accountIds.set(name, i);
      accountItems.push([]);
      accountKeyIds.push([]);
    });
    for (const [id, exchanges, first, last, accounts, hll] of json.keys) {
      const prefix = id.slice(0, 2);
      const key = id.slice(2);
      const kind = prefix === 't:' ? 0 : KIND_BAND;
      const h = keyHash(prefix, key);
      const entry = lookup(kind, key, h);
      if (entry >= 0) throw new TypeError(`key ${id} is listed twice`);
      addEntry(kind, key, id, h, exchanges, first, last, accounts.flat());
      entryRefs[(entryCount - 1) * REFS + R_HLL] =
        hll === null ? null : fromBase64(hll, (b) => new Uint8Array(b));
    }
    for (const [account, list] of json.accountKeys) {
      // serial -1 matches no entry: the first sighting compares ids and adopts the entry's serial
      accountItems[account] = list.flatMap(([id, count]) => [
        keyHash(id.slice(0, 2), id.slice(2)),
        -1,
        count,
      ]);
      accountKeyIds[account] = list.map((pair) => pair[0]);
    }
    door = fromBase64(json.doorkeeper.records, (b) => new Int32Array(b));
    if (door.length !== slots * 4) throw new TypeError('doorkeeper size does not match doorkeeperSlots');
  }

  function intern(account: string): number {
    let id = accountIds.get(account);
    if (id === undefined) {
      id = accountNames.length;
      accountNames.push(account);
      accountHashes.push(hashString(account));
      accountIds.set(account, id);
      accountItems.push([]);
      accountKeyIds.push([]);
    }
    return id;
  }

  /** Counts `count` exchanges of an account on an entry in the account's list of shared keys. */
  function remember(account: number, entry: number, h: number, count: number): void {
    const items = accountItems[account];
    const serial = entryData[entry * RECORD + D_SERIAL];
    const size = items.length;
    for (let i = 0; i < size; i += 3) {
      if (items[i] === h && (items[i + 1] === serial || accountKeyIds[account][i / 3] === idOf(entry))) {
        items[i + 1] = serial;
        items[i + 2] += count;
        return;
      }
    }
    const ids = accountKeyIds[account];
    if (ids.length >= opts.keysPerAccount) {
      // replace the weakest of the oldest few (bounded work per key; heavy keys stay)
      let weakest = -1;
      let weakestCount = Number.POSITIVE_INFINITY;
      const sample = Math.min(ids.length, EVICTION_SAMPLE);
      for (let k = 0; k < sample; k++) {
        if (items[k * 3 + 2] < weakestCount) {
          weakest = k;
          weakestCount = items[k * 3 + 2];
        }
      }
      if (weakestCount > count) return;
      items.splice(weakest * 3, 3);
      ids.splice(weakest, 1);
    }
    items.push(h, serial, count);
    ids.push(idOf(entry));
  }

  function addAccount(entry: number, account: number): void {
    const list = accountsOf(entry);
    const size = list.length;
    let at = 0;
    while (at < size && list[at] !== account) at += 2;
    let hll = hllOf(entry);
    if (hll !== null) hllAdd(hll, accountHashes[account]);
    if (at < size) {
      list[at + 1]++;
      return;
    }
    if (size < opts.accountsPerKey * 2) {
      list.push(account, 1);
      return;
    }
    if (hll === null) {
      hll = createHll(opts.hllPrecision);
      entryRefs[entry * REFS + R_HLL] = hll;
      for (let i = 0; i < size; i += 2) hllAdd(hll, accountHashes[list[i]]);
      hllAdd(hll, accountHashes[account]);
    }
    // space-saving: the first of the weakest makes room, and its count goes to the newcomer
    let weakest = 0;
    for (let i = 2; i < size; i += 2) if (list[i + 1] < list[weakest + 1]) weakest = i;
    const weakestCount = list[weakest + 1];
    for (let i = weakest; i < size - 2; i++) list[i] = list[i + 2];
    list[size - 2] = account;
    list[size - 1] = weakestCount + 1;
  }

  /** Drops the least shared, least used tenth of the entries (ties: the earlier promoted). */
  function prune(): void {
    const ranked = allEntries().sort(
      (a, b) =>
        distinct(a) - distinct(b) ||
        entryData[a * RECORD + D_EXCHANGES] - entryData[b * RECORD + D_EXCHANGES] ||
        entryData[a * RECORD + D_LAST] - entryData[b * RECORD + D_LAST],
    );
    const drop = Math.max(1, Math.floor(opts.maxKeys / 10));
    const dropped = new Uint8Array(entryCount);
    for (let i = 0; i < drop; i++) dropped[ranked[i]] = 1;
    let kept = 0;
    for (let e = 0; e < entryCount; e++) {
      if (dropped[e] === 1) continue;
      entryData.copyWithin(kept * RECORD, e * RECORD, (e + 1) * RECORD);
      for (let k = 0; k < REFS; k++) entryRefs[kept * REFS + k] = entryRefs[e * REFS + k];
      kept++;
    }
    entryCount = kept;
    entryRefs.length = kept * REFS;
    rebuildTable();
  }

  /** Records one sighting of a key whose hash (`keyHash`) is h. */
  function see(kind: number, key: string, h: number, account: number, ts: number): void {
    const r = (h & (slots - 1)) * 4;
    if ((door[r + 3] & PROMOTED) !== 0) {
      const entry = lookup(kind, key, h);
      if (entry >= 0) {
        const d = entry * RECORD;
        entryData[d + D_EXCHANGES]++;
        if (ts < entryData[d + D_FIRST]) entryData[d + D_FIRST] = ts;
        if (ts > entryData[d + D_LAST]) entryData[d + D_LAST] = ts;
        addAccount(entry, account);
        remember(account, entry, h, 1);
        return;
      }
    }
    if (door[r] !== h) {
      door[r] = h;
      door[r + 1] = account;
      door[r + 2] = ts % TWO_32;
      door[r + 3] = (door[r + 3] & PROMOTED) | Math.floor(ts / TWO_32);
      return;
    }
    const internal = (kind === 0 ? 't:' : 'b:') + key;
    const firstAccount = door[r + 1];
    const firstTs = (door[r + 3] & ~PROMOTED) * TWO_32 + (door[r + 2] >>> 0);
    door[r] = 0;
    // the two sightings' accounts, as `addAccount` would list them, in an array of that length (an
    // array grown by `push` reserves 17 slots, and most keys have two or three accounts)
    const two = account !== firstAccount && opts.accountsPerKey >= 2;
    const accounts = two ? [firstAccount, 1, account, 1] : [firstAccount, 1];
    const entry = addEntry(kind, key, internal, h, 2, Math.min(firstTs, ts), Math.max(firstTs, ts), accounts);
    if (!two) addAccount(entry, account);
    door[r + 3] |= PROMOTED;
    remember(firstAccount, entry, h, 1);
    remember(account, entry, h, 1);
    if (entryCount > opts.maxKeys) prune();
  }

  /** Distinct accounts of an entry (exact, or the HyperLogLog's estimate once it has one). */
  function distinct(entry: number): number {
    const hll = hllOf(entry);
    const exact = accountsOf(entry).length / 2;
    return hll === null ? exact : Math.max(exact, hllCount(hll));
  }

  /** The (account, exchanges) pairs of an entry, in insertion order. */
  function accountPairs(entry: number): [number, number][] {
    const list = accountsOf(entry);
    const pairs: [number, number][] = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    return pairs;
  }

  function statsOf(entry: number): KeyStats {
    const internal = idOf(entry);
    const d = entry * RECORD;
    return {
      key: internal.slice(2),
      kind: kindOf(internal),
      exchanges: entryData[d + D_EXCHANGES],
      accounts: distinct(entry),
      exact: hllOf(entry) === null,
      firstSeen: entryData[d + D_FIRST],
      lastSeen: entryData[d + D_LAST],
      topAccounts: accountPairs(entry)
        .sort((a, b) => b[1] - a[1] || (accountNames[a[0]] < accountNames[b[0]] ? -1 : 1))
        .map(([a, c]) => ({ account: accountNames[a], exchanges: c })),
    };
  }

  const statsOfKey = (internal: string) => {
    const entry = entryOf(internal);
    return entry < 0 ? null : statsOf(entry);
  };

  return {
    add(account, ts, fp) {
      const id = intern(account);
      const bands = fp.bands;
      if (keyHashes.length <= bands.length) keyHashes = new Int32Array(bands.length * 2 + 2);
      const template = fp.template ? keyHash('t:', fp.template) : 0;
      for (let k = 0; k < bands.length; k++) keyHashes[k] = keyHash('b:', bands[k]);
      // Touch every doorkeeper slot of the exchange first: the loads are independent, so their
      // cache misses overlap instead of being paid one after another inside `see`.
      let touched = template === 0 ? 0 : door[(template & (slots - 1)) * 4 + 3];
      for (let k = 0; k < bands.length; k++) touched |= door[(keyHashes[k] & (slots - 1)) * 4 + 3];
      touchedSink ^= touched;
      if (template !== 0) see(0, fp.template, template, id, ts);
      for (let k = 0; k < bands.length; k++) see(KIND_BAND, bands[k], keyHashes[k], id, ts);
    },
    template: (id) => statsOfKey(`t:${id}`),
    bucket: (bandKey) => statsOfKey(`b:${bandKey}`),
    account(account) {
      const result: AccountSharing = { account, templates: [], buckets: [] };
      const id = accountIds.get(account);
      if (id === undefined) return result;
      const ids = accountKeyIds[id];
      for (let i = 0; i < ids.length; i++) {
        const internal = ids[i];
        const count = accountItems[id][i * 3 + 2];
        const entry = lookup(
          internal.charCodeAt(0) === 116 ? 0 : KIND_BAND,
          internal.slice(2),
          accountItems[id][i * 3],
        );
        if (entry < 0) continue;
        const others = Math.max(0, distinct(entry) - 1);
        if (others === 0) continue;
        const shared: SharedKey = {
          key: internal.slice(2),
          kind: kindOf(internal),
          exchanges: count,
          otherAccounts: others,
          totalExchanges: entryData[entry * RECORD + D_EXCHANGES],
        };
        (shared.kind === 'template' ? result.templates : result.buckets).push(shared);
      }
      const order = (a: SharedKey, b: SharedKey) =>
        b.otherAccounts - a.otherAccounts || b.exchanges - a.exchanges || (a.key < b.key ? -1 : 1);
      result.templates.sort(order);
      result.buckets.sort(order);
      return result;
    },
    shared(minAccounts = 2, kind) {
      const out: KeyStats[] = [];
      for (const entry of allEntries()) {
        if (kind !== undefined && kindOf(idOf(entry)) !== kind) continue;
        if (distinct(entry) >= minAccounts) out.push(statsOf(entry));
      }
      return out.sort(
        (a, b) => b.accounts - a.accounts || b.exchanges - a.exchanges || (a.key < b.key ? -1 : 1),
      );
    },
    stats() {
      let used = 0;
      for (let i = 0; i < slots; i++) if (door[i * 4] !== 0) used++;
      return {
        keys: entryCount,
        accounts: accountNames.length,
        doorkeeperSlots: slots,
        doorkeeperUsed: used,
      };
    },
    toJSON() {
      return {
        version: 1,
        options: opts,
        accounts: accountNames.slice(),
        keys: allEntries().map((e) => {
          const hll = hllOf(e);
          const d = e * RECORD;
          return [
            idOf(e),
            entryData[d + D_EXCHANGES],
            entryData[d + D_FIRST],
            entryData[d + D_LAST],
            accountPairs(e),
            hll === null ? null : toBase64(hll),
          ];
        }),
        accountKeys: accountKeyIds
          .map(
            (ids, i) =>
              [i, ids.map((id, k) => [id, accountItems[i][k * 3 + 2]])] as [number, [string, number][]],
          )
          .filter(([, list]) => list.length > 0),
        doorkeeper: {
          records: toBase64(door),
        },
      };
    },
  };
}
