/**
 * The linking keys of one account: every value it could share with another account (payment,
 * device, addresses, fingerprints, templates, LSH bands, sign-up hour, model pivots), as compact
 * strings `code|value` with the account's use count of each. Bounded: the most used values of
 * each multi-valued kind only, so an account's key set does not grow with its volume.
 */
import type { AccountSummary } from '../core/types.js';
import { KIND, type LinkKind } from './kinds.js';

const HOUR = 3_600_000;
/** A model first used this long after an account's first exchange is a pivot, not a starting choice. */
const PIVOT_MIN_AGE = 24 * HOUR;
const PIVOT_BUCKET = 6 * HOUR;

/** One account's keys, sorted, with how often the account used each (1 for identity facts). */
export interface AccountKeys {
  keys: string[];
  counts: number[];
}

/** The index key of a value of a kind. */
export function keyOf(kind: LinkKind, value: string): string {
  return `${KIND[kind].code}|${value}`;
}

/** Scratch of `topValues`: the values kept and their counts, best first. */
const TOP_VALUES: string[] = [];
const TOP_COUNTS: number[] = [];

/**
 * Puts the `top` most used values of a count record (non-empty values with a positive count;
 * most used first, ties by value) into TOP_VALUES / TOP_COUNTS and returns how many. The same
 * values in the same order as sorting all entries and keeping the first `top`, without building
 * entry arrays: an insertion into a list of at most `top`.
 */
function topValues(counts: Record<string, number>, top: number): number {
  let size = 0;
  for (const v in counts) {
    const n = counts[v];
    if (v === '' || !(n > 0)) continue;
    let at = size;
    if (size < top) size++;
    else if (n < TOP_COUNTS[top - 1] || (n === TOP_COUNTS[top - 1] && v > TOP_VALUES[top - 1])) continue;
    else at = top - 1;
    while (at > 0 && (n > TOP_COUNTS[at - 1] || (n === TOP_COUNTS[at - 1] && v < TOP_VALUES[at - 1]))) {
      TOP_VALUES[at] = TOP_VALUES[at - 1];
      TOP_COUNTS[at] = TOP_COUNTS[at - 1];
      at--;
    }
    TOP_VALUES[at] = v;
    TOP_COUNTS[at] = n;
  }
  return size;
}

/** The linking keys of an account summary (pure; the same summary always gives the same keys). */
export function linkKeys(s: AccountSummary): AccountKeys {
  const found = new Map<string, number>();
  const one = (kind: LinkKind, value: string | number | null | undefined) => {
    if (value === null || value === undefined || value === '') return;
    found.set(keyOf(kind, String(value)), 1);
  };
  const id = s.identity;
  one('payment', id.paymentFingerprint);
  one('device', id.deviceId);
  if (id.cardBin) one('card', `${id.cardBin}/${id.cardCountry ?? '?'}`);
  one('signup-ip', id.signupIp);
  one('signup-prefix', id.signupNet?.prefix);
  one('email-domain', id.emailDomain?.toLowerCase());
  one('email-shape', id.emailLocalShape);
  one('org', s.org);
  if (id.signupTs !== null) one('signup-burst', Math.floor(id.signupTs / HOUR));
  const many = (kind: LinkKind, counts: Record<string, number>, extra?: string | null) => {
    const n = topValues(counts, KIND[kind].top);
    for (let i = 0; i < n; i++) found.set(keyOf(kind, TOP_VALUES[i]), TOP_COUNTS[i]);
    if (extra && !found.has(keyOf(kind, extra))) found.set(keyOf(kind, extra), 1);
  };
  many('ip', s.ips);
  many('prefix', s.prefixes);
  many('asn', s.asns, id.signupNet?.asn != null ? String(id.signupNet.asn) : null);
  many('ja4', s.ja4s, id.ja4);
  many('user-agent', s.userAgents);
  many('sdk', s.sdkSets);
  many('template', s.templates);
  many('band', s.bands);
  if (s.firstSeen !== null) {
    const pivots = Object.entries(s.modelFirstUse)
      .filter(([, t]) => t - (s.firstSeen as number) >= PIVOT_MIN_AGE)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, KIND['model-pivot'].top);
    for (const [model, t] of pivots)
      found.set(keyOf('model-pivot', `${model}@${Math.floor(t / PIVOT_BUCKET)}`), 1);
  }
  const keys = [...found.keys()].sort();
  return { keys, counts: keys.map((k) => found.get(k) as number) };
}

/** `keys` with one more key (use count 1), kept sorted; the same keys when it is already there. */
export function withKey(keys: AccountKeys, key: string): AccountKeys {
  let at = 0;
  while (at < keys.keys.length && keys.keys[at] < key) at++;
  if (keys.keys[at] === key) return keys;
  return {
    keys: [...keys.keys.slice(0, at), key, ...keys.keys.slice(at)],
    counts: [...keys.counts.slice(0, at), 1, ...keys.counts.slice(at)],
  };
}

/**
 * Networks whose addresses unrelated people share by design, with how much of an address
 * agreement that explains: campus NAT, privacy relays and mobile CGNAT fully, residential ISP
 * /24s (hundreds of households, reused by residential proxies) by half.
 */
const DESIGN_CLASSES: Record<string, number> = { education: 1, relay: 1, mobile: 1, isp: 0.5 };

/** Share of an account's traffic from networks shared by design, weighted as above. */
function designShare(s: AccountSummary): number {
  let all = 0;
  let shared = 0;
  for (const [c, n] of Object.entries(s.netClasses)) {
    all += n;
    shared += n * (DESIGN_CLASSES[c] ?? 0);
  }
  if (all === 0) return s.identity.signupNet ? (DESIGN_CLASSES[s.identity.signupNet.class] ?? 0) : 0;
  return shared / all;
}

/**
 * All the link graph reads of a changed summary when it arrives: its identity (a change re-links
 * the account), its volume, its shared-by-design share and its keys. Computed where the summary
 * is made (a partition's worker thread, `digestToWire`), so the engine's thread, the scan's
 * bottleneck at scale, decodes a summary only when something reads it.
 */
export interface LinkDigest {
  /** The account's identity facts as one comparable string. */
  stamp: string;
  exchanges: number;
  design: number;
  keys: AccountKeys;
}

/** The link digest of a summary (pure). */
export function linkDigest(s: AccountSummary): LinkDigest {
  return {
    stamp: JSON.stringify([s.org, s.identity]),
    exchanges: s.exchanges,
    design: designShare(s),
    keys: linkKeys(s),
  };
}

/** A link digest as one JSON string (`[stamp, exchanges, design, keys, counts]`: arrays parse fast). */
export function digestToWire(d: LinkDigest): string {
  return JSON.stringify([d.stamp, d.exchanges, d.design, d.keys.keys, d.keys.counts]);
}

/** The link digest of `digestToWire`'s string. */
export function digestFromWire(wire: string): LinkDigest {
  const [stamp, exchanges, design, keys, counts] = JSON.parse(wire) as [
    string,
    number,
    number,
    string[],
    number[],
  ];
  return { stamp, exchanges, design, keys: { keys, counts } };
}
