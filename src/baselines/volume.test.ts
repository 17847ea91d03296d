import { describe, expect, it } from 'vitest';
import type { Exchange } from '../core/types.js';
import { createVolumeDetector } from './volume.js';

const T0 = Date.parse('2026-04-22T00:00:00Z');
const MIN = 60_000;
let n = 0;
const ex = (account: string, minutes: number): Exchange => ({
  id: `e${n++}`,
  ts: T0 + minutes * MIN,
  account,
});

describe('volume baseline', () => {
  // threshold 5 exchanges within 1 h
  const options = { threshold: 5, windowHours: 1 };

  it('flags an account at the exchange that brings its window count to the threshold', () => {
    const detector = createVolumeDetector(options);
    detector.add([ex('burst', 0), ex('burst', 10), ex('burst', 20), ex('burst', 30)]);
    detector.add([ex('burst', 40), ex('burst', 50), ex('burst', 300)]);
    const { campaigns, verdicts } = detector.finish();
    expect(verdicts).toEqual([
      { account: 'burst', risk: 1, campaign: 'volume', flaggedAt: '2026-04-22T00:40:00.000Z' },
    ]);
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0]).toMatchObject({
      id: 'volume',
      accounts: ['burst'],
      exchanges: 7,
      callsPerAccount: 7,
      firstSeen: '2026-04-22T00:00:00.000Z',
      lastSeen: '2026-04-22T05:00:00.000Z',
      detectedAt: '2026-04-22T00:40:00.000Z',
    });
    expect(campaigns[0].evidence[0]).toMatchObject({
      kind: 'volume-threshold',
      facts: { threshold: 5, windowHours: 1, accounts: 1 },
    });
  });

  it('does not fire on a steady moderate account just under the rate (benign look-alike)', () => {
    // every 15 minutes for 10 hours: 40 exchanges, but the window (t - 1 h, t] never holds more than 4
    const detector = createVolumeDetector(options);
    detector.add(Array.from({ length: 40 }, (_, i) => ex('steady', i * 15)));
    detector.add([ex('light', 0), ex('light', 600)]);
    const { campaigns, verdicts } = detector.finish();
    expect(campaigns).toEqual([]);
    expect(verdicts).toEqual([
      { account: 'light', risk: 0.2, campaign: null, flaggedAt: null },
      { account: 'steady', risk: 0.8, campaign: null, flaggedAt: null },
    ]);
  });

  it('fires once the same steady account speeds up a little', () => {
    const detector = createVolumeDetector(options);
    detector.add(Array.from({ length: 40 }, (_, i) => ex('steady', i * 15)));
    detector.add([ex('steady', 39 * 15 + 5)]);
    // 39*15 = 585 min; window (525, 590]: 540, 555, 570, 585, 590 -> 5
    expect(detector.finish().verdicts[0].flaggedAt).toBe(new Date(T0 + 590 * MIN).toISOString());
  });

  it('keeps many accounts apart and lists flagged ones sorted in one catch-all campaign', () => {
    const detector = createVolumeDetector(options);
    const batch: Exchange[] = [];
    for (let i = 0; i < 5; i++)
      for (const account of ['zed', 'amy', 'mid']) if (account !== 'mid' || i < 4) batch.push(ex(account, i));
    detector.add(batch);
    const { campaigns, verdicts } = detector.finish();
    expect(campaigns[0].accounts).toEqual(['amy', 'zed']);
    expect(verdicts.map((v) => [v.account, v.campaign])).toEqual([
      ['amy', 'volume'],
      ['mid', null],
      ['zed', 'volume'],
    ]);
  });

  it("counts an out-of-order exchange at its account's latest time", () => {
    const detector = createVolumeDetector(options);
    detector.add([ex('a', 100), ex('a', 0), ex('a', 101), ex('a', 102), ex('a', 103)]);
    expect(detector.outOfOrder).toBe(1);
    expect(detector.finish().verdicts[0].flaggedAt).toBe(new Date(T0 + 103 * MIN).toISOString());
  });

  it('gives a verdict to accounts of the account log that sent nothing', () => {
    const detector = createVolumeDetector(options);
    detector.addAccounts([{ ts: T0, account: 'quiet', kind: 'signup' }]);
    detector.add([ex('loud', 0)]);
    expect(detector.finish().verdicts.map((v) => [v.account, v.risk])).toEqual([
      ['loud', 0.2],
      ['quiet', 0],
    ]);
  });

  it('uses 1000 exchanges in 24 h by default, and rejects nonsense parameters', () => {
    const detector = createVolumeDetector();
    const day = Array.from({ length: 999 }, (_, i) => ex('heavy', i));
    detector.add(day);
    expect(detector.finish().verdicts[0]).toMatchObject({ flaggedAt: null, risk: 0.999 });
    detector.add([ex('heavy', 24 * 60 - 1)]);
    expect(detector.finish().verdicts[0].flaggedAt).not.toBeNull();
    expect(() => createVolumeDetector({ threshold: 0 })).toThrow(/threshold/);
    expect(() => createVolumeDetector({ windowHours: -1 })).toThrow(/windowHours/);
  });
});
