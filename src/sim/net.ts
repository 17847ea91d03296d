/**
 * Real IP address ranges for the simulated world, from the npm-packaged @ip-location-db CSVs
 * (ASN ranges and whois country). Only the ASNs the world needs are kept: the ASN CSVs are
 * streamed once per process and cached, so later residency and hosting checks run on real
 * addresses whose owner and country fit each persona.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Rng } from './rng.js';

/** One IPv4 range of an ASN, with its whois country. */
export interface V4Range {
  first: number;
  size: number;
  country: string;
}

/** One IPv6 range of an ASN. */
export interface V6Range {
  first: bigint;
  size: bigint;
}

/** Every range of one ASN the world may draw from. */
export interface AsnPool {
  asn: number;
  org: string;
  v4: V4Range[];
  v6: V6Range[];
  /** Country code -> ranges in that country. */
  byCountry: Map<string, V4Range[]>;
}

/** The loaded address database: the pools of the wanted ASNs. */
export interface NetDb {
  pools: Map<number, AsnPool>;
  /** Sorted starts/ends/asn of every loaded IPv4 range, for reverse lookups. */
  starts: Float64Array;
  ends: Float64Array;
  asns: Uint32Array;
}

const require = createRequire(import.meta.url);
const cache = new Map<string, NetDb>();

function dataFile(pkg: string, file: string): string {
  return require.resolve(`${pkg}/${file}`);
}

/** Country code array of the whois country table, as sorted typed arrays. */
function loadCountries(): { starts: Float64Array; ends: Float64Array; codes: string[] } {
  const text = readFileSync(
    dataFile('@ip-location-db/geo-whois-asn-country', 'geo-whois-asn-country-ipv4-num.csv'),
    'latin1',
  );
  const starts: number[] = [];
  const ends: number[] = [];
  const codes: string[] = [];
  let pos = 0;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const c1 = text.indexOf(',', pos);
    const c2 = text.indexOf(',', c1 + 1);
    if (c1 > 0 && c2 > 0 && c2 < eol) {
      starts.push(Number(text.slice(pos, c1)));
      ends.push(Number(text.slice(c1 + 1, c2)));
      codes.push(text.slice(c2 + 1, c2 + 3));
    }
    pos = eol + 1;
  }
  return { starts: Float64Array.from(starts), ends: Float64Array.from(ends), codes };
}

function countryAt(table: { starts: Float64Array; ends: Float64Array; codes: string[] }, ip: number): string {
  let lo = 0;
  let hi = table.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (table.starts[mid] <= ip) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 && ip <= table.ends[hi] ? table.codes[hi] : 'ZZ';
}

function parseOrg(raw: string): string {
  const trimmed = raw.trim();
  return trimmed.startsWith('"') ? trimmed.slice(1, -1).replace(/""/g, '"') : trimmed;
}

/** Loads (once per process) the ranges of the wanted ASNs, IPv4 with countries and IPv6. */
export function loadNetDb(wanted: Iterable<number>): NetDb {
  const want = new Set(wanted);
  const key = [...want].sort((a, b) => a - b).join(',');
  const hit = cache.get(key);
  if (hit) return hit;
  const countries = loadCountries();
  const pools = new Map<number, AsnPool>();
  const pool = (asn: number, org: string): AsnPool => {
    let p = pools.get(asn);
    if (!p) {
      p = { asn, org, v4: [], v6: [], byCountry: new Map() };
      pools.set(asn, p);
    }
    return p;
  };
  const all: [number, number, number][] = [];
  scanCsv(dataFile('@ip-location-db/asn', 'asn-ipv4-num.csv'), want, (first, last, asn, org) => {
    const f = Number(first);
    const l = Number(last);
    const country = countryAt(countries, f);
    const range: V4Range = { first: f, size: l - f + 1, country };
    const p = pool(asn, org);
    p.v4.push(range);
    let list = p.byCountry.get(country);
    if (!list) {
      list = [];
      p.byCountry.set(country, list);
    }
    list.push(range);
    all.push([f, l, asn]);
  });
  scanCsv(dataFile('@ip-location-db/asn', 'asn-ipv6-num.csv'), want, (first, last, asn, org) => {
    const f = BigInt(first);
    pool(asn, org).v6.push({ first: f, size: BigInt(last) - f + 1n });
  });
  all.sort((a, b) => a[0] - b[0]);
  const db: NetDb = {
    pools,
    starts: Float64Array.from(all, (r) => r[0]),
    ends: Float64Array.from(all, (r) => r[1]),
    asns: Uint32Array.from(all, (r) => r[2]),
  };
  cache.set(key, db);
  return db;
}

function scanCsv(
  path: string,
  want: Set<number>,
  onRow: (first: string, last: string, asn: number, org: string) => void,
): void {
  const text = readFileSync(path, 'latin1');
  let pos = 0;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const c1 = text.indexOf(',', pos);
    const c2 = text.indexOf(',', c1 + 1);
    const c3 = text.indexOf(',', c2 + 1);
    if (c1 > 0 && c2 > 0 && c3 > 0 && c3 < eol) {
      const asn = Number(text.slice(c2 + 1, c3));
      if (want.has(asn))
        onRow(text.slice(pos, c1), text.slice(c1 + 1, c2), asn, parseOrg(text.slice(c3 + 1, eol)));
    }
    pos = eol + 1;
  }
}

/** Dotted-quad text of an IPv4 integer. */
export function formatV4(ip: number): string {
  return `${(ip >>> 24) & 255}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}

/** Integer of a dotted-quad IPv4 address (NaN when not one). */
export function parseV4(text: string): number {
  const parts = text.split('.');
  if (parts.length !== 4) return Number.NaN;
  let n = 0;
  for (const p of parts) {
    const v = Number(p);
    if (!Number.isInteger(v) || v < 0 || v > 255) return Number.NaN;
    n = n * 256 + v;
  }
  return n;
}

/** Compressed RFC 5952 text of an IPv6 integer. */
export function formatV6(ip: bigint): string {
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((ip >> BigInt(i * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

function pickRange<T extends { size: number | bigint }>(rng: Rng, ranges: readonly T[]): T {
  // Weight by log size so big blocks are likelier without drowning the small ones.
  const weights = ranges.map((r) => Math.log2(Number(r.size) + 2));
  return ranges[rng.weighted(weights)];
}

/** Chooses an IPv4 address of one of the ASNs, in `country` when given and possible. */
export function pickV4(db: NetDb, rng: Rng, asns: readonly number[], country?: string): string {
  const candidates: V4Range[] = [];
  for (const asn of asns) {
    const p = db.pools.get(asn);
    if (!p) continue;
    const list = country ? p.byCountry.get(country) : p.v4;
    if (list) for (const r of list) candidates.push(r);
  }
  if (candidates.length === 0) {
    if (country) return pickV4(db, rng, asns);
    throw new Error(`no IPv4 ranges loaded for ASNs ${asns.join(',')}`);
  }
  const r = pickRange(rng, candidates);
  const offset = r.size > 2 ? 1 + Math.floor(rng.next() * (r.size - 2)) : 0;
  return formatV4(r.first + offset);
}

/** Chooses an IPv6 address of one of the ASNs (falls back to IPv4 when it has none). */
export function pickV6(db: NetDb, rng: Rng, asns: readonly number[]): string {
  const candidates: V6Range[] = [];
  for (const asn of asns) for (const r of db.pools.get(asn)?.v6 ?? []) candidates.push(r);
  if (candidates.length === 0) return pickV4(db, rng, asns);
  const r = pickRange(rng, candidates);
  const draw =
    (BigInt(rng.u32()) << 96n) | (BigInt(rng.u32()) << 64n) | (BigInt(rng.u32()) << 32n) | BigInt(rng.u32());
  return formatV6(r.first + (draw % r.size));
}

/** A fast address picker over fixed ASNs (and country): prebuilt cumulative weights. */
export type IpPicker = (rng: Rng) => string;

const pickers = new WeakMap<NetDb, Map<string, IpPicker>>();

/** A cached picker of IPv4 addresses of `asns` (in `country` when it has ranges there). */
export function ipPicker(db: NetDb, asns: readonly number[], country?: string): IpPicker {
  let cacheOfDb = pickers.get(db);
  if (!cacheOfDb) {
    cacheOfDb = new Map();
    pickers.set(db, cacheOfDb);
  }
  const key = `${asns.join(',')}|${country ?? ''}`;
  const hit = cacheOfDb.get(key);
  if (hit) return hit;
  let ranges: V4Range[] = [];
  for (const asn of asns) {
    const p = db.pools.get(asn);
    if (!p) continue;
    const list = country ? p.byCountry.get(country) : p.v4;
    if (list) ranges.push(...list);
  }
  if (ranges.length === 0) for (const asn of asns) ranges.push(...(db.pools.get(asn)?.v4 ?? []));
  if (ranges.length === 0) throw new Error(`no IPv4 ranges loaded for ASNs ${asns.join(',')}`);
  ranges = ranges.filter((r) => r.size >= 4);
  const cumulative = new Float64Array(ranges.length);
  let total = 0;
  for (let i = 0; i < ranges.length; i++) {
    total += Math.log2(ranges[i].size + 2);
    cumulative[i] = total;
  }
  const picker: IpPicker = (rng) => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    const r = ranges[lo];
    return formatV4(r.first + 1 + Math.floor(rng.next() * (r.size - 2)));
  };
  cacheOfDb.set(key, picker);
  return picker;
}

/** The ASN, owner and whois country of a loaded IPv4 address, or null. */
export function lookupV4(db: NetDb, ip: string): { asn: number; org: string; country: string } | null {
  const n = parseV4(ip);
  if (Number.isNaN(n)) return null;
  let lo = 0;
  let hi = db.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (db.starts[mid] <= n) lo = mid + 1;
    else hi = mid - 1;
  }
  if (hi < 0 || n > db.ends[hi]) return null;
  const pool = db.pools.get(db.asns[hi])!;
  const range = pool.v4.find((r) => r.first <= n && n < r.first + r.size);
  return { asn: pool.asn, org: pool.org, country: range?.country ?? 'ZZ' };
}
