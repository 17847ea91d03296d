import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../core/types.js';
import { makeSummary, type SummaryPatch } from '../detectors/fixture-kit.js';
import {
  accountId,
  createLinkGraph,
  explainPair,
  isEdge,
  type LinkGraph,
  neighbourIds,
  neighbours,
  relinkAccount,
  scorePair,
  setAccountKeys,
  valueBits,
} from './graph.js';
import { linkKeys } from './keys.js';
import type { LinkKind } from './kinds.js';

const HOUR = 3_600_000;
const T = Date.UTC(2026, 3, 1);

/** A graph with `crowd` unrelated accounts plus the given ones, all keyed. */
function graphWith(
  summaries: AccountSummary[],
  crowd = 3000,
  design: Record<string, number> = {},
): LinkGraph {
  const g = createLinkGraph();
  const all = [
    ...Array.from({ length: crowd }, (_, i) =>
      makeSummary(`bg-${i}`, {
        identity: { emailDomain: 'gmail.com', paymentFingerprint: `bgpay-${i}`, ja4: `ja4-pop-${i % 3}` },
        userAgents: { [`browser-${i % 5}`]: 5 },
        templates: i % 10 === 0 ? { [`bg-tpl-${i}`]: 3, 'popular-tpl': 2 } : { [`bg-tpl-${i}`]: 3 },
        asns: { '16509': 4 },
        prefixes: { [`10.${i % 200}.${i % 50}.0/24`]: 5 },
      }),
    ),
    ...summaries,
  ];
  for (const s of all) setAccountKeys(g, accountId(g, s.account), linkKeys(s), design[s.account] ?? 0);
  return g;
}

function pair(kinds: SummaryPatch): [AccountSummary, AccountSummary] {
  return [makeSummary('a', kinds), makeSummary('b', kinds)];
}

function partOf(g: LinkGraph, kind: LinkKind): number {
  const s = scorePair(g, g.ids.get('a') as number, g.ids.get('b') as number);
  return s.parts.find((p) => p.kind === kind)?.bits ?? 0;
}

describe('rarity weighting (Fellegi-Sunter)', () => {
  it('weighs a rare value more than a common one, and a universal one at zero', () => {
    expect(valueBits(0.5, 2, 100_000, 20)).toBeGreaterThan(valueBits(0.5, 300, 100_000, 20));
    expect(valueBits(0.5, 300, 100_000, 20)).toBeGreaterThan(valueBits(0.5, 20_000, 100_000, 20));
    expect(valueBits(0.5, 100_000, 100_000, 20)).toBe(0);
    expect(valueBits(0.9, 1, 1e9, 14)).toBe(14);
  });

  it('a public webmail domain weighs little, a rare domain a lot', () => {
    const g = graphWith([
      ...pair({ identity: { emailDomain: 'gmail.com' } }),
      makeSummary('c', { identity: { emailDomain: 'tiny-corp.example' } }),
      makeSummary('d', { identity: { emailDomain: 'tiny-corp.example' } }),
    ]);
    const common = partOf(g, 'email-domain');
    const rare = scorePair(g, g.ids.get('c') as number, g.ids.get('d') as number).parts[0].bits;
    expect(common).toBeLessThan(1);
    expect(rare).toBeGreaterThanOrEqual(6);
  });

  it('addresses of networks shared by design (campus NAT) lose weight', () => {
    const patch = { ips: { '192.0.2.1': 10 }, prefixes: { '192.0.2.0/24': 10 } };
    const plain = graphWith(pair(patch));
    const nat = graphWith(pair(patch), 3000, { a: 1, b: 1 });
    expect(partOf(nat, 'ip')).toBeLessThan(partOf(plain, 'ip') - 3);
  });

  it('a household IP that a rotating proxy pool passed through once is no shared infrastructure', () => {
    const household = makeSummary('a', { ips: { '192.0.2.1': 300 }, prefixes: { '192.0.2.0/24': 300 } });
    const rotating = makeSummary('b', { ips: { '192.0.2.1': 2 }, prefixes: { '192.0.2.0/24': 2 } });
    const sharedProxy = makeSummary('c', { ips: { '192.0.2.1': 40 }, prefixes: { '192.0.2.0/24': 40 } });
    const g = graphWith([household, rotating, sharedProxy]);
    const [a, b, c] = ['a', 'b', 'c'].map((x) => g.ids.get(x) as number);
    setAccountKeys(g, a, linkKeys(household), 0, 600);
    setAccountKeys(g, b, linkKeys(rotating), 0, 600);
    setAccountKeys(g, c, linkKeys(sharedProxy), 0, 600);
    const bitsOf = (x: number, y: number) => scorePair(g, x, y).parts.find((p) => p.kind === 'ip')?.bits ?? 0;
    // 2 of 600 exchanges through the address: a small fraction of the full agreement.
    expect(bitsOf(a, b)).toBeLessThan(bitsOf(a, c) / 5);
    expect(bitsOf(a, c)).toBeGreaterThan(5);
  });

  it('two profiles made of what half the world sends are no shared programme', () => {
    // Half of all accounts send 'short-question' (the crowd of graphWith is the other half).
    const everyone = Array.from({ length: 3000 }, (_, i) =>
      makeSummary(`everyone-${i}`, { templates: { 'short-question': 5 } }),
    );
    const g = graphWith([
      ...everyone,
      makeSummary('a', { templates: { 'short-question': 20 } }),
      makeSummary('b', { templates: { 'short-question': 20 } }),
      makeSummary('c', { templates: { 'private-programme': 20 } }),
      makeSummary('d', { templates: { 'private-programme': 20 } }),
    ]);
    const templateBits = (x: string, y: string) =>
      scorePair(g, g.ids.get(x) as number, g.ids.get(y) as number).parts.find((p) => p.kind === 'template')
        ?.bits ?? 0;
    expect(templateBits('a', 'b')).toBeLessThan(14 / 2);
    expect(templateBits('c', 'd')).toBeGreaterThan(10);
  });

  it('prompts nobody else sends do not dilute a programme two accounts share', () => {
    // A paraphrasing operator: 20 accounts send the same two templates, and each also sends
    // reworded prompts that become templates of its own. Two developers share one template and
    // otherwise send templates other developers send too: their profiles really differ.
    const own = (x: string) =>
      Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`${x}-reworded-${i}`, 2]));
    const crew = Array.from({ length: 20 }, (_, i) =>
      makeSummary(i === 0 ? 'a' : i === 1 ? 'b' : `crew-${i}`, {
        templates: { 'programme-1': 2, 'programme-2': 2, ...own(`crew-${i}`) },
      }),
    );
    const developers = Array.from({ length: 40 }, (_, i) =>
      makeSummary(i === 0 ? 'c' : i === 1 ? 'd' : `dev-${i}`, {
        templates: { [`common-${i % 8}`]: 4, [`common-${(i + 3) % 8}`]: 4, 'shared-snippet': i < 2 ? 2 : 0 },
      }),
    );
    const g = graphWith([...crew, ...developers]);
    const templateBits = (x: string, y: string) =>
      scorePair(g, g.ids.get(x) as number, g.ids.get(y) as number).parts.find((p) => p.kind === 'template')
        ?.bits ?? 0;
    expect(templateBits('a', 'b')).toBeGreaterThan(10);
    expect(templateBits('c', 'd')).toBeLessThan(6);
  });

  it('a popular template weighs less than a private one, and one use less than many', () => {
    const g = graphWith([
      makeSummary('a', { templates: { 'popular-tpl': 20, 'private-tpl': 20 } }),
      makeSummary('b', { templates: { 'popular-tpl': 20, 'private-tpl': 20 } }),
      makeSummary('c', { templates: { 'private-2': 1 } }),
      makeSummary('d', { templates: { 'private-2': 1 } }),
    ]);
    const s = scorePair(g, g.ids.get('a') as number, g.ids.get('b') as number, true);
    const values = s.parts.find((p) => p.kind === 'template')?.values ?? [];
    expect(values.map((v) => v.value)).toEqual(['private-tpl', 'popular-tpl']);
    const bits = Object.fromEntries(values.map((v) => [v.value, v.holders]));
    expect(bits['popular-tpl']).toBe(302);
    const once = scorePair(g, g.ids.get('c') as number, g.ids.get('d') as number).weight;
    expect(once).toBeLessThan(s.weight / 2);
  });
});

describe('edge kinds', () => {
  const cases: [LinkKind, SummaryPatch][] = [
    ['payment', { identity: { paymentFingerprint: 'pf-1' } }],
    ['device', { identity: { deviceId: 'dev-1' } }],
    ['card', { identity: { cardBin: '414720', cardCountry: 'SG' } }],
    ['signup-ip', { identity: { signupIp: '203.0.113.9' } }],
    [
      'signup-prefix',
      {
        identity: {
          signupNet: { country: 'SG', asn: 1, asOrg: 'x', class: 'hosting', prefix: '203.0.113.0/24' },
        },
      },
    ],
    ['ip', { ips: { '198.51.100.7': 3 } }],
    ['prefix', { prefixes: { '198.51.100.0/24': 3 } }],
    ['asn', { asns: { '64512': 3 } }],
    ['ja4', { ja4s: { t13d_rare: 3 } }],
    ['user-agent', { userAgents: { 'harvester/1.0': 3 } }],
    ['sdk', { sdkSets: { 'sdk-rare': 3 } }],
    ['email-domain', { identity: { emailDomain: 'rare.example' } }],
    ['email-shape', { identity: { emailLocalShape: 'aaaaaa9999999' } }],
    ['org', { org: 'org-x' }],
    ['template', { templates: { 'tpl-rare': 10 } }],
    ['band', { bands: { 'band-rare': 10 } }],
  ];
  for (const [kind, patch] of cases) {
    it(`${kind}: a shared rare value is evidence`, () => {
      const g = graphWith(pair(patch));
      expect(partOf(g, kind)).toBeGreaterThan(0.5);
      const ev = explainPair(g, g.ids.get('a') as number, g.ids.get('b') as number);
      expect(ev[0].kind).toBe(`shared-${kind}`);
      expect(ev[0].summary).toMatch(/held by 2 accounts/);
    });
  }

  it('sign-up burst counts only on top of other agreement', () => {
    const alone = graphWith([
      makeSummary('a', { identity: { signupTs: T } }),
      makeSummary('b', { identity: { signupTs: T + 60_000 } }),
    ]);
    expect(partOf(alone, 'signup-burst')).toBe(0);
    const withInfra = { ja4s: { 'ja4-x': 5 }, sdkSets: { 'sdk-x': 5 }, userAgents: { 'ua-x': 5 } };
    const together = graphWith([
      makeSummary('a', { identity: { signupTs: T }, ...withInfra }),
      makeSummary('b', { identity: { signupTs: T + 60_000 }, ...withInfra }),
    ]);
    expect(partOf(together, 'signup-burst')).toBeGreaterThan(1);
  });

  it('model pivot: first use of the same model in the same hours, long after the account started', () => {
    const base = {
      firstSeen: T,
      lastSeen: T + 100 * HOUR,
      ja4s: { 'ja4-x': 5 },
      sdkSets: { 'sdk-x': 5 },
      userAgents: { 'ua-x': 5 },
    };
    const g = graphWith([
      makeSummary('a', { ...base, modelFirstUse: { m1: T, m2: T + 50 * HOUR } }),
      makeSummary('b', { ...base, modelFirstUse: { m1: T, m2: T + 51 * HOUR } }),
    ]);
    expect(partOf(g, 'model-pivot')).toBeGreaterThan(1);
  });

  it('unrelated accounts sharing only popular software are not an edge', () => {
    const g = graphWith([
      makeSummary('a', {
        identity: { emailDomain: 'gmail.com', ja4: 'ja4-pop-1' },
        userAgents: { 'browser-1': 5 },
        asns: { '16509': 3 },
      }),
      makeSummary('b', {
        identity: { emailDomain: 'gmail.com', ja4: 'ja4-pop-1' },
        userAgents: { 'browser-1': 5 },
        asns: { '16509': 3 },
      }),
    ]);
    expect(isEdge(g, scorePair(g, g.ids.get('a') as number, g.ids.get('b') as number))).toBe(false);
  });
});

describe('incremental index and edges', () => {
  const ring = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      makeSummary(`op-${i}`, {
        identity: { paymentFingerprint: `pay-${Math.floor(i / 5)}`, ja4: 'ja4-op' },
        templates: { 'op-tpl': 20 },
        prefixes: { [`198.51.${i % 4}.0/24`]: 10 },
      }),
    );

  it('each account keeps at most maxNeighbours + spreadNeighbours chosen links; the graph is their union', () => {
    const g = graphWith(ring(80));
    for (let i = 0; i < 80; i++) relinkAccount(g, g.ids.get(`op-${i}`) as number);
    const a = g.ids.get('op-0') as number;
    expect(g.outN[a].length).toBeLessThanOrEqual(g.config.maxNeighbours + g.config.spreadNeighbours);
    expect(neighbours(g, a).size).toBeGreaterThanOrEqual(g.outN[a].length);
    for (const b of neighbours(g, a).keys()) expect(g.names[b].startsWith('op-')).toBe(true);
    // The id list lists the same neighbours in the same order (clustering walks it).
    for (let i = 0; i < 80; i++) {
      const id = g.ids.get(`op-${i}`) as number;
      expect(neighbourIds(g, id)).toEqual([...neighbours(g, id).keys()]);
    }
  });

  it('removing a value updates its postings and drops edges that relied on it', () => {
    const g = graphWith([
      makeSummary('a', { identity: { paymentFingerprint: 'pf-9', deviceId: 'dv-9' } }),
      makeSummary('b', { identity: { paymentFingerprint: 'pf-9', deviceId: 'dv-9' } }),
    ]);
    const a = g.ids.get('a') as number;
    const b = g.ids.get('b') as number;
    relinkAccount(g, a);
    expect(neighbours(g, b).has(a)).toBe(true);
    const changed = setAccountKeys(g, a, linkKeys(makeSummary('a')), 0);
    expect(changed).toBeGreaterThan(0);
    relinkAccount(g, a);
    expect(neighbours(g, b).has(a)).toBe(false);
    expect(setAccountKeys(g, a, linkKeys(makeSummary('a')), 0)).toBe(0);
  });
});
