/**
 * The enricher: what an IP address, a user agent and an email domain say about a client. One
 * per process is enough (the IP data loads lazily, once, on first use, then lookups are pure
 * and cached); `reload()` re-reads the operator's class lists without restarting.
 */
import { type FSWatcher, watch as watchFile } from 'node:fs';
import type { ClientInfo, EmailDomainClass, NetClass, NetInfo } from '../core/types.js';
import {
  BUILTIN_ASNS,
  CLASS_CODES,
  type ClassListSpec,
  type ClassLists,
  classFromOrg,
  defaultAsnClasses,
  emptyLists,
  loadClassLists,
} from './classes.js';
import { parseClient } from './client.js';
import { classifyEmailDomain, type EmailLists, packagedEmailLists } from './email.js';
import {
  type GeoAnswer,
  type GeoSource,
  type GeoTables,
  loadPackagedTables,
  mmdbSource,
  tableSource,
} from './geodb.js';
import { formatIpv4, formatIpv6, maskIpv4, maskIpv6, parseIp, parseIpv4, parseIpv6 } from './ip.js';
import { findRange4, findRange6 } from './ranges.js';

/** How to build an enricher; every field is optional. */
export interface EnricherOptions {
  /** MMDB files (MaxMind GeoIP2/GeoLite2 City/Country/ASN, IPinfo) consulted before the packaged data. */
  mmdb?: string[];
  /** Also use the packaged `@ip-location-db` data (default true; false with `mmdb` to rely on it alone). */
  packaged?: boolean;
  /** Range tables to use instead of the packaged data (tests, or data prepared elsewhere). */
  tables?: GeoTables;
  /** Operator class lists: CIDR/address/range/ASN files, one class each (hot-reloadable). */
  lists?: ClassListSpec[];
  /** ASN -> class overrides (beat the built-in ASNs and the organisation-name rules). */
  asnClasses?: Record<number, NetClass>;
  /** Prefix lengths of the linking key (default IPv4 /24, IPv6 /48). */
  prefixV4?: number;
  prefixV6?: number;
  /** Addresses cached (default 65,536; 0 disables the cache). */
  cacheSize?: number;
  /** Email domain lists (default: the packaged ones). */
  emailLists?: EmailLists;
}

/** Load time, memory and cache counters of one enricher. */
export interface EnricherStats {
  loaded: boolean;
  loadMs: number;
  /** Bytes held by the IP data (range tables, or MMDB buffers). */
  dataBytes: number;
  sources: string[];
  lists: ClassLists['files'];
  cacheHits: number;
  cacheMisses: number;
}

/** The enrichment functions other stages call. */
export interface Enricher {
  /**
   * Country, ASN, organisation, network class and prefix of an address (unknowns as null /
   * 'unknown'). Answers are cached and shared between callers: treat them as read-only.
   */
  ip(address: string | undefined): NetInfo;
  /** Browser, SDK or script, with name, version, OS and runtime. */
  client(userAgent?: string, sdk?: Record<string, string>): ClientInfo;
  /** Disposable, webmail, academic, corporate or unknown. */
  emailDomain(domain?: string): EmailDomainClass;
  /** The linking key of an address (`a.b.c.0/24`, `2001:db8:1::/48`), or null. */
  prefix(address: string): string | null;
  /** Loads the IP data now (otherwise it loads on the first `ip` call). */
  load(): void;
  /** Re-reads the class list files and clears the cache. */
  reload(): void;
  /** Reloads when a list file changes; returns a function that stops watching. */
  watch(): () => void;
  stats(): EnricherStats;
}

/** The answer for a missing or unparseable address. */
export const UNKNOWN_NET: NetInfo = Object.freeze({
  country: null,
  asn: null,
  asOrg: null,
  class: 'unknown',
  prefix: null,
});

let packagedTables: GeoTables | null = null;

/** The packaged IP tables, loaded once per process. */
export function packagedGeoTables(): GeoTables {
  if (packagedTables === null) packagedTables = loadPackagedTables();
  return packagedTables;
}

/** Whether an IPv4 address is private, loopback, link-local, CGNAT or otherwise not routed. */
function isSpecialV4(v4: number): boolean {
  const a = v4 >>> 24;
  const b = (v4 >>> 16) & 255;
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    a >= 224 ||
    (a === 100 && b >= 64 && b < 128) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b < 32) ||
    (a === 192 && b === 168)
  );
}

/** Whether an IPv6 address is outside global unicast (2000::/3). */
function isSpecialV6(words: Uint32Array): boolean {
  return words[0] >>> 29 !== 1;
}

/** Builds an enricher. Cheap: the IP data loads on first use (or on `load()`). */
export function createEnricher(options: EnricherOptions = {}): Enricher {
  const v4Bits = options.prefixV4 ?? 24;
  const v6Bits = options.prefixV6 ?? 48;
  const cacheSize = options.cacheSize ?? 65_536;
  const asnOverrides = new Map<number, NetClass>(
    Object.entries(options.asnClasses ?? {}).map(([asn, netClass]) => [Number(asn), netClass]),
  );
  // Two-generation cache: O(1), no per-entry eviction (deleting from a Map's head degrades its iteration).
  let cache = new Map<string, NetInfo>();
  let previous = new Map<string, NetInfo>();
  const half = Math.max(1, Math.floor(cacheSize / 2));
  let asnClasses = new Map<number, NetClass>();
  const asnClassCache = new Map<number, NetClass>();
  const clients = new Map<string, ClientInfo>();
  let sources: GeoSource[] | null = null;
  let lists: ClassLists = emptyLists();
  let loadMs = 0;
  let hits = 0;
  let misses = 0;
  const answer: GeoAnswer = { country: null, asn: null, asOrg: null, classCode: -1 };
  const partial: GeoAnswer = { country: null, asn: null, asOrg: null, classCode: -1 };

  const loadLists = () => {
    lists = options.lists && options.lists.length > 0 ? loadClassLists(options.lists) : emptyLists();
    cache = new Map();
    previous = new Map();
    asnClassCache.clear();
  };

  const load = () => {
    if (sources !== null) return;
    const started = performance.now();
    const list: GeoSource[] = [];
    if (options.mmdb && options.mmdb.length > 0) list.push(mmdbSource(options.mmdb));
    const tables = options.tables ?? (options.packaged !== false ? packagedGeoTables() : null);
    if (tables) {
      const describe = options.tables
        ? 'injected tables'
        : '@ip-location-db/asn + @ip-location-db/geo-whois-asn-country';
      asnClasses = defaultAsnClasses(tables.asOrgs);
      const defaults = asnClasses;
      list.push(tableSource(tables, describe, (asn) => CLASS_CODES.indexOf(defaults.get(asn) ?? 'unknown')));
    }
    loadLists();
    sources = list;
    loadMs = performance.now() - started;
  };

  const classOfAsn = (asn: number, org: string | null): NetClass => {
    const listed = lists.asns.get(asn) ?? asnOverrides.get(asn);
    if (listed) return listed;
    let netClass = asnClasses.get(asn) ?? asnClassCache.get(asn);
    if (netClass === undefined) {
      netClass = BUILTIN_ASNS[asn] ?? classFromOrg(org);
      asnClassCache.set(asn, netClass);
    }
    return netClass;
  };

  const words = new Uint32Array(4);
  /** Parses into `words` (scratch): 4 for IPv4 (words[0]), 6 for IPv6, 0 for neither. */
  const parse = (address: string): 0 | 4 | 6 => {
    const v4 = parseIpv4(address);
    if (v4 >= 0) {
      words[0] = v4;
      return 4;
    }
    const bare = address.charCodeAt(0) === 91 && address.endsWith(']') ? address.slice(1, -1) : address;
    if (!parseIpv6(bare, words)) return 0;
    if (words[0] === 0 && words[1] === 0 && words[2] === 0xffff) {
      words[0] = words[3];
      return 4;
    }
    return 6;
  };

  const masked = new Uint32Array(4);
  const v6Prefix = () => {
    for (let w = 0; w < 4; w++) {
      const keep = Math.min(32, Math.max(0, v6Bits - 32 * w));
      masked[w] = keep === 0 ? 0 : keep === 32 ? words[w] : (words[w] & (0xffffffff << (32 - keep))) >>> 0;
    }
    return `${formatIpv6(masked)}/${v6Bits}`;
  };

  /** Looks one address up (no cache). Answers are shared with the cache: treat them as read-only. */
  const lookup = (address: string): NetInfo => {
    const family = parse(address);
    if (family === 0) return UNKNOWN_NET;
    load();
    const geo = sources as GeoSource[];
    answer.country = null;
    answer.asn = null;
    answer.asOrg = null;
    answer.classCode = -1;
    let listed = -1;
    let prefix: string;
    if (family === 4) {
      const v4 = words[0];
      prefix = `${formatIpv4(maskIpv4(v4, v4Bits))}/${v4Bits}`;
      if (isSpecialV4(v4)) return { ...UNKNOWN_NET, prefix };
      const text =
        geo.length > 1 || options.mmdb ? (address.includes(':') ? formatIpv4(v4) : address) : address;
      for (const source of geo) {
        source.v4(v4, text, partial);
        merge(answer, partial);
      }
      const i = findRange4(lists.v4, v4);
      if (i >= 0) listed = lists.v4.values[i];
    } else {
      prefix = v6Prefix();
      if (isSpecialV6(words)) return { ...UNKNOWN_NET, prefix };
      for (const source of geo) {
        source.v6(words, address, partial);
        merge(answer, partial);
      }
      const i = findRange6(lists.v6, words[0], words[1]);
      if (i >= 0) listed = lists.v6.values[i];
    }
    const netClass: NetClass =
      listed >= 0
        ? CLASS_CODES[listed]
        : answer.asn === null
          ? 'unknown'
          : answer.classCode >= 0 && lists.asns.size === 0 && asnOverrides.size === 0
            ? CLASS_CODES[answer.classCode]
            : classOfAsn(answer.asn, answer.asOrg);
    return { country: answer.country, asn: answer.asn, asOrg: answer.asOrg, class: netClass, prefix };
  };

  const remember = (address: string, info: NetInfo) => {
    if (cache.size >= half) {
      previous = cache;
      cache = new Map();
    }
    cache.set(address, info);
  };

  const enricher: Enricher = {
    ip(address) {
      if (address === undefined || address === '') return UNKNOWN_NET;
      if (cacheSize > 0) {
        let cached = cache.get(address);
        if (cached === undefined) {
          cached = previous.get(address);
          if (cached !== undefined) remember(address, cached);
        }
        if (cached !== undefined) {
          hits++;
          return cached;
        }
      }
      misses++;
      const info = lookup(address);
      if (cacheSize > 0) remember(address, info);
      return info;
    },
    client(userAgent, sdk) {
      // Clients repeat far more than addresses: cache by user agent and header values.
      let key = userAgent ?? '';
      if (sdk) for (const name in sdk) key += `\u0000${name}=${sdk[name]}`;
      let info = clients.get(key);
      if (info === undefined) {
        info = parseClient(userAgent, sdk);
        if (clients.size >= 4096) clients.clear();
        clients.set(key, info);
      }
      return info;
    },
    emailDomain(domain) {
      return classifyEmailDomain(domain, options.emailLists ?? packagedEmailLists());
    },
    prefix(address) {
      const ip = parseIp(address);
      if (ip === null) return null;
      return ip.version === 4
        ? `${formatIpv4(maskIpv4(ip.v4, v4Bits))}/${v4Bits}`
        : `${formatIpv6(maskIpv6(ip.words, v6Bits))}/${v6Bits}`;
    },
    load,
    reload() {
      load();
      loadLists();
    },
    watch() {
      const watchers: FSWatcher[] = [];
      let timer: NodeJS.Timeout | null = null;
      const schedule = () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = null;
          try {
            enricher.reload();
          } catch (error) {
            process.emitWarning(
              `class list reload failed, keeping the previous lists: ${(error as Error).message}`,
            );
          }
        }, 200);
        timer.unref();
      };
      for (const spec of options.lists ?? []) {
        const watcher = watchFile(spec.path, schedule);
        watcher.unref();
        watchers.push(watcher);
      }
      return () => {
        for (const watcher of watchers) watcher.close();
        if (timer) clearTimeout(timer);
      };
    },
    stats() {
      return {
        loaded: sources !== null,
        loadMs,
        dataBytes: (sources ?? []).reduce((sum, s) => sum + s.bytes, 0),
        sources: (sources ?? []).map((s) => s.describe),
        lists: lists.files,
        cacheHits: hits,
        cacheMisses: misses,
      };
    },
  };
  return enricher;
}

/** Fills the fields of `into` that are still null from `from`. */
function merge(into: GeoAnswer, from: GeoAnswer): void {
  if (into.country === null) into.country = from.country;
  if (into.asn === null) {
    into.asn = from.asn;
    into.asOrg = from.asOrg;
    into.classCode = from.classCode;
  }
}
