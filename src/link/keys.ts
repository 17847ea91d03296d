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
