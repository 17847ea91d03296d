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
 * `toJSON()` / `fingerprintIndexFromJSON()` round-trip the whole state.
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

interface Entry {
  /** The key with its kind prefix ('t:' or 'b:'), as serialised and kept in account lists. */
  id: string;
  exchanges: number;
  first: number;
  last: number;
  /**
   * The accounts kept exactly, in the order they came in (space-saving once full): account
   * indices and their exchanges, two small integer arrays of at most `accountsPerKey` (no map,
   * no per-account objects: most keys have two or three accounts).
   */
  ids: number[];
  counts: number[];
  hll: Uint8Array | null;
}

/** An entry's account list from (account, exchanges) pairs. */
function accountList(pairs: [number, number][]): Pick<Entry, 'ids' | 'counts'> {
  return { ids: pairs.map((p) => p[0]), counts: pairs.map((p) => p[1]) };
}

/** The (account, exchanges) pairs of an entry, in insertion order. */
function accountPairs(entry: Entry): [number, number][] {
  return entry.ids.map((account, i) => [account, entry.counts[i]]);
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
  const accountKeys: Map<string, number>[] = [];
  /** Promoted keys by kind, keyed by the bare key (no prefix to concatenate on the hot path). */
  const templateEntries = new Map<string, Entry>();
  const bandEntries = new Map<string, Entry>();
  const entriesOf = (kind: string) => (kind === 't:' ? templateEntries : bandEntries);
  const entryOf = (internal: string) => entriesOf(internal.slice(0, 2)).get(internal.slice(2));
  const allEntries = () => [...templateEntries.values(), ...bandEntries.values()];
  const keyCount = () => templateEntries.size + bandEntries.size;
  /**
   * The doorkeeper, one 16-byte record per slot so a lookup touches one cache line: key hash
   * (0 = empty), account, event time as two 32-bit halves; bit 30 of the high half is set when a
   * promoted key may hash to the slot (never cleared: a stale bit only costs a map lookup).
   */
  let door = new Int32Array(slots * 4);
  /** Key hashes of the exchange being added (scratch). */
  let keyHashes = new Int32Array(32);
  /** Where the touched slots are folded, so the compiler keeps the loads (read by nothing else). */
  // biome-ignore lint/correctness/noUnusedVariables: written only to keep the prefetching loads
  let touchedSink = 0;

  if (json !== null) {
    json.accounts.forEach((name, i) => {
      accountNames.push(name);
      accountHashes.push(hashString(name));
      accountIds.set(name, i);
      accountKeys.push(new Map());
    });
    for (const [key, exchanges, first, last, accounts, hll] of json.keys) {
      entriesOf(key.slice(0, 2)).set(key.slice(2), {
        id: key,
        exchanges,
        first,
        last,
        ...accountList(accounts),
        hll: hll === null ? null : fromBase64(hll, (b) => new Uint8Array(b)),
      });
    }
    for (const [account, list] of json.accountKeys) accountKeys[account] = new Map(list);
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
      accountKeys.push(new Map());
    }
    return id;
  }

  function remember(account: number, key: string, count: number): void {
    const list = accountKeys[account];
    const had = list.get(key);
    if (had !== undefined) {
      list.set(key, had + count);
      return;
    }
    if (list.size >= opts.keysPerAccount) {
      // replace the weakest of the oldest few (bounded work per key; heavy keys stay)
      let weakest = '';
      let weakestCount = Number.POSITIVE_INFINITY;
      let seen = 0;
      for (const [k, c] of list) {
        if (c < weakestCount) {
          weakest = k;
          weakestCount = c;
        }
        if (++seen === EVICTION_SAMPLE) break;
      }
      if (weakestCount > count) return;
      list.delete(weakest);
    }
    list.set(key, count);
  }

  function addAccount(entry: Entry, account: number): void {
    const { ids, counts } = entry;
    const size = ids.length;
    let at = 0;
    while (at < size && ids[at] !== account) at++;
    if (entry.hll !== null) hllAdd(entry.hll, accountHashes[account]);
    if (at < size) {
      counts[at]++;
      return;
    }
    if (size < opts.accountsPerKey) {
      ids.push(account);
      counts.push(1);
      return;
    }
    if (entry.hll === null) {
      entry.hll = createHll(opts.hllPrecision);
      for (let i = 0; i < size; i++) hllAdd(entry.hll, accountHashes[ids[i]]);
      hllAdd(entry.hll, accountHashes[account]);
    }
    // space-saving: the first of the weakest makes room, and its count goes to the newcomer
    let weakest = 0;
    for (let i = 1; i < size; i++) if (counts[i] < counts[weakest]) weakest = i;
    const weakestCount = counts[weakest];
    for (let i = weakest; i < size - 1; i++) {
      ids[i] = ids[i + 1];
      counts[i] = counts[i + 1];
    }
    ids[size - 1] = account;
    counts[size - 1] = weakestCount + 1;
  }

  function prune(): void {
    const ranked = allEntries().sort(
      (a, b) => distinct(a) - distinct(b) || a.exchanges - b.exchanges || a.last - b.last,
    );
    const drop = Math.max(1, Math.floor(opts.maxKeys / 10));
    for (let i = 0; i < drop; i++) entriesOf(ranked[i].id.slice(0, 2)).delete(ranked[i].id.slice(2));
  }

  /** Records one sighting of a key whose hash (`keyHash`) is h. */
  function see(kind: string, key: string, h: number, account: number, ts: number): void {
    const r = (h & (slots - 1)) * 4;
    if ((door[r + 3] & PROMOTED) !== 0) {
      const entry = entriesOf(kind).get(key);
      if (entry !== undefined) {
        entry.exchanges++;
        if (ts < entry.first) entry.first = ts;
        if (ts > entry.last) entry.last = ts;
        addAccount(entry, account);
        remember(account, entry.id, 1);
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
    const internal = kind + key;
    const firstAccount = door[r + 1];
    const firstTs = (door[r + 3] & ~PROMOTED) * TWO_32 + (door[r + 2] >>> 0);
    door[r] = 0;
    // the two sightings' accounts, as `addAccount` would list them, in arrays of that length (an
    // array grown by `push` reserves 17 slots, and most keys have two or three accounts)
    const two = account !== firstAccount && opts.accountsPerKey >= 2;
    const promoted: Entry = {
      id: internal,
      exchanges: 2,
      first: Math.min(firstTs, ts),
      last: Math.max(firstTs, ts),
      ids: two ? [firstAccount, account] : [firstAccount],
      counts: two ? [1, 1] : [1],
      hll: null,
    };
    if (!two) addAccount(promoted, account);
    entriesOf(kind).set(key, promoted);
    door[r + 3] |= PROMOTED;
    remember(firstAccount, internal, 1);
    remember(account, internal, 1);
    if (keyCount() > opts.maxKeys) prune();
  }

  function distinct(entry: Entry): number {
    return entry.hll === null ? entry.ids.length : Math.max(entry.ids.length, hllCount(entry.hll));
  }

  function statsOf(internal: string): KeyStats | null {
    const entry = entryOf(internal);
    if (entry === undefined) return null;
    return {
      key: internal.slice(2),
      kind: kindOf(internal),
      exchanges: entry.exchanges,
      accounts: distinct(entry),
      exact: entry.hll === null,
      firstSeen: entry.first,
      lastSeen: entry.last,
      topAccounts: accountPairs(entry)
        .sort((a, b) => b[1] - a[1] || (accountNames[a[0]] < accountNames[b[0]] ? -1 : 1))
        .map(([a, c]) => ({ account: accountNames[a], exchanges: c })),
    };
  }

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
      if (template !== 0) see('t:', fp.template, template, id, ts);
      for (let k = 0; k < bands.length; k++) see('b:', bands[k], keyHashes[k], id, ts);
    },
    template: (id) => statsOf(`t:${id}`),
    bucket: (bandKey) => statsOf(`b:${bandKey}`),
    account(account) {
      const result: AccountSharing = { account, templates: [], buckets: [] };
      const id = accountIds.get(account);
      if (id === undefined) return result;
      for (const [internal, count] of accountKeys[id]) {
        const entry = entryOf(internal);
        if (entry === undefined) continue;
        const others = Math.max(0, distinct(entry) - 1);
        if (others === 0) continue;
        const shared: SharedKey = {
          key: internal.slice(2),
          kind: kindOf(internal),
          exchanges: count,
          otherAccounts: others,
          totalExchanges: entry.exchanges,
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
        if (kind !== undefined && kindOf(entry.id) !== kind) continue;
        if (distinct(entry) >= minAccounts) out.push(statsOf(entry.id)!);
      }
      return out.sort(
        (a, b) => b.accounts - a.accounts || b.exchanges - a.exchanges || (a.key < b.key ? -1 : 1),
      );
    },
    stats() {
      let used = 0;
      for (let i = 0; i < slots; i++) if (door[i * 4] !== 0) used++;
      return {
        keys: keyCount(),
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
        keys: allEntries().map((e) => [
          e.id,
          e.exchanges,
          e.first,
          e.last,
          accountPairs(e),
          e.hll === null ? null : toBase64(e.hll),
        ]),
        accountKeys: accountKeys
          .map((list, i) => [i, [...list]] as [number, [string, number][]])
          .filter(([, list]) => list.length > 0),
        doorkeeper: {
          records: toBase64(door),
        },
      };
    },
  };
}
