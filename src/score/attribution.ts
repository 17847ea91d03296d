/**
 * Attribution: a campaign is linked to an earlier confirmed one when they share infrastructure
 * (IP prefixes, payment instruments, devices, TLS fingerprints) or prompt templates — "same
 * operator as C-12, via 31 shared IP prefixes and 4 templates". A footprint is the bounded set of
 * such values a campaign's accounts use.
 */
import type { AccountSummary } from '../core/types.js';

/** The values a campaign's accounts use, by kind (bounded). */
export interface Footprint {
  prefixes: string[];
  templates: string[];
  payments: string[];
  devices: string[];
  ja4s: string[];
}

const LIMIT = 500;

/** Each kind's points per shared value, and the words for it. */
const KINDS: { key: keyof Footprint; points: number; one: string; many: string }[] = [
  { key: 'payments', points: 4, one: 'payment instrument', many: 'payment instruments' },
  { key: 'devices', points: 4, one: 'device', many: 'devices' },
  { key: 'prefixes', points: 1, one: 'IP prefix', many: 'IP prefixes' },
  { key: 'templates', points: 2, one: 'template', many: 'templates' },
  { key: 'ja4s', points: 0.5, one: 'TLS fingerprint', many: 'TLS fingerprints' },
];

/** Points needed to attribute. */
export const ATTRIBUTION_MIN_POINTS = 6;

function topValues(lists: Iterable<string>, limit: number): string[] {
  const counts = new Map<string, number>();
  for (const v of lists) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([v]) => v)
    .sort();
}

/** The footprint of a set of accounts. */
export function footprintOf(members: readonly AccountSummary[]): Footprint {
  const collect = (f: (s: AccountSummary) => Iterable<string | null>) => {
    const out: string[] = [];
    for (const s of members) for (const v of f(s)) if (v) out.push(v);
    return topValues(out, LIMIT);
  };
  return {
    prefixes: collect((s) => [...Object.keys(s.prefixes), s.identity.signupNet?.prefix ?? null]),
    templates: collect((s) => Object.keys(s.templates)),
    payments: collect((s) => [s.identity.paymentFingerprint]),
    devices: collect((s) => [s.identity.deviceId]),
    ja4s: collect((s) => [...Object.keys(s.ja4s), s.identity.ja4]),
  };
}

/** The best earlier campaign sharing enough of the footprint, with the sentence saying why. */
export function attribute(
  footprint: Footprint,
  earlier: readonly { id: string; footprint: Footprint }[],
): { campaign: string; summary: string; points: number } | null {
  let best: { campaign: string; summary: string; points: number } | null = null;
  for (const e of earlier) {
    let points = 0;
    const parts: string[] = [];
    for (const k of KINDS) {
      const theirs = new Set(e.footprint[k.key]);
      const shared = footprint[k.key].filter((v) => theirs.has(v)).length;
      if (shared === 0) continue;
      points += shared * k.points;
      parts.push(`${shared} shared ${shared === 1 ? k.one : k.many}`);
    }
    if (points < ATTRIBUTION_MIN_POINTS || (best && best.points >= points)) continue;
    const via =
      parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
    best = { campaign: e.id, summary: `same operator as ${e.id}, via ${via}`, points };
  }
  return best;
}
