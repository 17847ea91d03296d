import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../core/random.js';
import { parseSummary, summaryToWire } from '../core/summary-wire.js';
import type { AccountSummary } from '../core/types.js';
import { makeSummary } from '../detectors/fixture-kit.js';
import { digestFromWire, digestToWire, keyOf, linkDigest, linkKeys } from './keys.js';
import { KIND, type LinkKind } from './kinds.js';

const HOUR = 3_600_000;

/** The most used values of a count record by the plain definition: sort every entry, keep the first `top`. */
function referenceTop(counts: Record<string, number>, top: number): [string, number][] {
  return Object.entries(counts)
    .filter(([v, n]) => v !== '' && n > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, top);
}

/** A count record with ties, empty values, non-positive counts and integer-like values. */
function randomCounts(random: () => number, size: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < size; i++) {
    const r = random();
    const value =
      r < 0.05 ? '' : r < 0.25 ? String(Math.floor(random() * 500)) : `v-${Math.floor(random() * 60)}`;
    const c = random();
    out[value] = c < 0.05 ? 0 : c < 0.08 ? -3 : 1 + Math.floor(random() * 6);
  }
  return out;
}

describe('linkKeys', () => {
  it('keeps the most used values of each multi-valued kind, ties by value, as sorting all would', () => {
    const random = mulberry32(3);
    const fields: [keyof AccountSummary, LinkKind][] = [
      ['ips', 'ip'],
      ['prefixes', 'prefix'],
      ['userAgents', 'user-agent'],
      ['sdkSets', 'sdk'],
      ['templates', 'template'],
      ['bands', 'band'],
    ];
    for (let round = 0; round < 300; round++) {
      const patch: Record<string, Record<string, number>> = {};
      for (const [field] of fields) patch[field] = randomCounts(random, Math.floor(random() * 40));
      const s = makeSummary('a', patch);
      const keys = linkKeys(s);
      const expected = new Map<string, number>();
      for (const [field, kind] of fields)
        for (const [v, n] of referenceTop(s[field] as Record<string, number>, KIND[kind].top))
          expected.set(keyOf(kind, v), n);
      const got = new Map(keys.keys.map((k, i) => [k, keys.counts[i]]));
      expect(got).toEqual(expected);
      expect(keys.keys).toEqual([...keys.keys].sort());
    }
  });

  it('adds the sign-up ASN and JA4 once, and model pivots long after the first exchange', () => {
    const t = Date.UTC(2026, 3, 1);
    const s = makeSummary('a', {
      identity: {
        ja4: 'ja4-x',
        signupNet: { country: 'SG', asn: 64512, asOrg: 'x', class: 'hosting', prefix: '203.0.113.0/24' },
      },
      asns: { '64512': 7, '64513': 2 },
      ja4s: { 'ja4-y': 3 },
      firstSeen: t,
      modelFirstUse: { m1: t, m2: t + 30 * HOUR },
    });
    const keys = linkKeys(s);
    const count = (k: string) => keys.counts[keys.keys.indexOf(k)];
    expect(count(keyOf('asn', '64512'))).toBe(7);
    expect(count(keyOf('ja4', 'ja4-x'))).toBe(1);
    expect(count(keyOf('ja4', 'ja4-y'))).toBe(3);
    expect(keys.keys.filter((k) => k.startsWith('v|'))).toEqual([
      keyOf('model-pivot', `m2@${Math.floor((t + 30 * HOUR) / (6 * HOUR))}`),
    ]);
  });
});

describe('linkDigest', () => {
  it('crosses as a string unchanged, and equals the digest of the summary decoded from its wire form', () => {
    const t = Date.UTC(2026, 3, 1);
    const s = makeSummary('a', {
      org: 'org-1',
      identity: {
        paymentFingerprint: 'pay-1',
        signupNet: { country: 'SG', asn: 64512, asOrg: 'x', class: 'isp', prefix: '203.0.113.0/24' },
      },
      ips: { '203.0.113.9': 5, '198.51.100.1': 2 },
      netClasses: { isp: 5, hosting: 2, mobile: 1 },
      templates: { 't-1': 4, 't-2': 1 },
      exchanges: 8,
      firstSeen: t,
    });
    const d = linkDigest(s);
    expect(d.exchanges).toBe(8);
    expect(d.design).toBeCloseTo((5 * 0.5 + 1) / 8, 12);
    expect(d.keys).toEqual(linkKeys(s));
    expect(digestFromWire(digestToWire(d))).toEqual(d);
    expect(linkDigest(parseSummary(summaryToWire(s)))).toEqual(d);
    // The stamp changes with the identity, not with traffic.
    expect(linkDigest({ ...s, exchanges: 9 }).stamp).toBe(d.stamp);
    expect(linkDigest({ ...s, identity: { ...s.identity, deviceId: 'dev-2' } }).stamp).not.toBe(d.stamp);
  });

  it('reads a shared-by-design share from the sign-up network before any traffic', () => {
    const s = makeSummary('b', {
      identity: {
        signupNet: { country: 'US', asn: 1, asOrg: 'campus', class: 'education', prefix: '10.0.0.0/24' },
      },
    });
    expect(linkDigest(s).design).toBe(1);
    expect(linkDigest(makeSummary('c')).design).toBe(0);
  });
});
