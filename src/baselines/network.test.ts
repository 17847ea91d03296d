import { describe, expect, it } from 'vitest';
import type { AccountEvent, Exchange, NetClass } from '../core/types.js';
import { createNetworkDetector, type NetworkClassifier } from './network.js';

const T0 = Date.parse('2026-04-22T00:00:00Z');
const H = 3_600_000;
let n = 0;
const ex = (account: string, hours: number, ip?: string): Exchange => ({
  id: `e${n++}`,
  ts: T0 + hours * H,
  account,
  ...(ip ? { ip } : {}),
});
const signup = (account: string, hours: number, emailDomain: string): AccountEvent => ({
  ts: T0 + hours * H,
  account,
  kind: 'signup',
  emailDomain,
});

/** A fixed classifier: the test is about the rule, the enricher has its own tests. */
const classes: Record<string, NetClass> = {
  '198.51.100.7': 'isp',
  '203.0.113.9': 'hosting',
  '192.0.2.44': 'vpn',
  '192.0.2.99': 'mobile',
  '192.0.2.172': 'relay',
  '192.0.2.200': 'education',
};
let lookups = 0;
const classifier: NetworkClassifier = {
  ip(address) {
    lookups++;
    return { class: classes[address] ?? 'unknown' };
  },
  emailDomain: (domain) =>
    domain === 'mailinator.com' ? 'disposable' : domain === 'gmail.com' ? 'webmail' : 'corporate',
};

describe('network baseline', () => {
  it('flags at the first exchange from a hosting/VPN/Tor/relay address, or at a disposable sign-up', () => {
    const detector = createNetworkDetector(classifier);
    detector.addAccounts([
      signup('home', 0, 'gmail.com'),
      signup('throwaway', 1, 'MAILINATOR.com'),
      signup('cloud', 0, 'acme.com'),
    ]);
    detector.add([
      ex('cloud', 2, '198.51.100.7'),
      ex('cloud', 3, '203.0.113.9'),
      ex('cloud', 4, '203.0.113.9'),
      ex('cloud', 5, '198.51.100.7'),
      ex('vpn', 6, '192.0.2.44'),
      ex('throwaway', 7, '198.51.100.7'),
    ]);
    const { campaigns, verdicts } = detector.finish();
    const byAccount = Object.fromEntries(verdicts.map((v) => [v.account, v]));
    expect(byAccount.cloud).toEqual({
      account: 'cloud',
      risk: 0.5,
      campaign: 'network',
      flaggedAt: '2026-04-22T03:00:00.000Z',
    });
    expect(byAccount.vpn).toMatchObject({ risk: 1, flaggedAt: '2026-04-22T06:00:00.000Z' });
    expect(byAccount.throwaway).toMatchObject({ risk: 1, flaggedAt: '2026-04-22T01:00:00.000Z' });
    expect(byAccount.home).toEqual({ account: 'home', risk: 0, campaign: null, flaggedAt: null });
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0]).toMatchObject({
      id: 'network',
      accounts: ['cloud', 'throwaway', 'vpn'],
      exchanges: 6,
      detectedAt: '2026-04-22T01:00:00.000Z',
    });
    expect(campaigns[0].evidence[0].facts).toMatchObject({
      byFirstReason: { 'hosting-ip': 1, 'vpn-ip': 1, 'disposable-email': 1 },
    });
  });

  it('does not fire on residential, mobile, campus or address-less traffic with real email (benign look-alikes)', () => {
    const detector = createNetworkDetector(classifier);
    detector.addAccounts([signup('student', 0, 'mit.edu')]);
    detector.add([
      ex('home', 1, '198.51.100.7'),
      ex('phone', 1, '192.0.2.99'),
      ex('student', 2, '192.0.2.200'),
      ex('nolog', 3),
      ex('odd', 3, 'not-an-ip'),
    ]);
    const { campaigns, verdicts } = detector.finish();
    expect(campaigns).toEqual([]);
    expect(verdicts.every((v) => v.flaggedAt === null && v.risk === 0)).toBe(true);
    expect(verdicts.map((v) => v.account)).toEqual(['home', 'nolog', 'odd', 'phone', 'student']);
  });

  it('does fire on an honest Private Relay user: the rule cannot tell (that is the point of the baseline)', () => {
    const detector = createNetworkDetector(classifier);
    detector.add([ex('iphone', 1, '192.0.2.172')]);
    expect(detector.finish().verdicts[0].flaggedAt).toBe('2026-04-22T01:00:00.000Z');
  });

  it('looks an address up once per change of address, not once per exchange', () => {
    const detector = createNetworkDetector(classifier);
    const before = lookups;
    detector.add(Array.from({ length: 100 }, (_, i) => ex('busy', i / 10, '198.51.100.7')));
    expect(lookups - before).toBe(1);
  });

  it('takes the earlier of a disposable sign-up read after the exchanges', () => {
    const detector = createNetworkDetector(classifier);
    detector.add([ex('late', 5, '203.0.113.9')]);
    detector.addAccounts([signup('late', 1, 'mailinator.com')]);
    const { campaigns, verdicts } = detector.finish();
    expect(verdicts[0]).toMatchObject({ flaggedAt: '2026-04-22T01:00:00.000Z', risk: 1 });
    expect(campaigns[0].evidence[0].facts).toMatchObject({ byFirstReason: { 'disposable-email': 1 } });
  });
});
