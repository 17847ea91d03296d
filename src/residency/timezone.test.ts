import { describe, expect, it } from 'vitest';
import { hourlyOf, rhythm, rng } from './test-support/synthetic.js';
import { EVENING_DIURNAL_PROFILE, inferTimezone } from './timezone.js';

describe('inferTimezone', () => {
  for (const offset of [-8, -5, 0, 1, 3, 5, 8, 9, 10, 12]) {
    it(`recovers UTC${offset >= 0 ? '+' : ''}${offset} from a month of office-hours activity`, () => {
      const times = rhythm({
        offsetHours: offset,
        start: '2026-03-02',
        days: 28,
        perWorkday: 12,
        seed: offset + 100,
      });
      const fit = inferTimezone(hourlyOf(times));
      expect(fit.offsetHours).not.toBeNull();
      const d = Math.abs((fit.offsetHours as number) - offset) % 24;
      expect(Math.min(d, 24 - d)).toBeLessThanOrEqual(1);
      expect(fit.confidence).toBeGreaterThan(0.7);
      expect(fit.total).toBe(times.length);
    });
  }

  it('recovers the offset of an evening person (students, hobbyists) as well as an office worker', () => {
    for (const offset of [-5, 1, 9]) {
      const times = rhythm({
        offsetHours: offset,
        start: '2026-03-02',
        days: 28,
        perWorkday: 10,
        seed: offset + 7,
        profile: EVENING_DIURNAL_PROFILE,
      });
      const fit = inferTimezone(hourlyOf(times));
      const d = Math.abs((fit.offsetHours as number) - offset) % 24;
      expect(Math.min(d, 24 - d)).toBeLessThanOrEqual(1);
    }
  });

  it('recovers the offset with 30% of activity at random hours (noisy)', () => {
    const times = rhythm({
      offsetHours: 8,
      start: '2026-03-02',
      days: 28,
      perWorkday: 15,
      seed: 7,
      noise: 0.3,
    });
    const fit = inferTimezone(hourlyOf(times));
    expect(Math.abs((fit.offsetHours as number) - 8)).toBeLessThanOrEqual(1);
    expect(fit.confidence).toBeGreaterThan(0.5);
  });

  it('mostly recovers the offset from sparse activity (20-60 events), with less confidence than dense', () => {
    let close = 0;
    let sparseConfidence = 0;
    let denseConfidence = 0;
    for (let seed = 0; seed < 48; seed++) {
      const offset = (seed % 24) - 11;
      const times = rhythm({ offsetHours: offset, start: '2026-03-02', days: 20, perWorkday: 2, seed });
      const fit = inferTimezone(hourlyOf(times));
      expect(fit.offsetHours).not.toBeNull();
      const d = Math.abs((fit.offsetHours as number) - offset) % 24;
      if (Math.min(d, 24 - d) <= 2) close++;
      sparseConfidence += fit.confidence;
      const dense = rhythm({ offsetHours: offset, start: '2026-03-02', days: 28, perWorkday: 30, seed });
      denseConfidence += inferTimezone(hourlyOf(dense)).confidence;
    }
    expect(close / 48).toBeGreaterThan(0.8);
    expect(sparseConfidence).toBeLessThan(denseConfidence);
  });

  it('says there is too little data below the minimum', () => {
    const times = rhythm({ offsetHours: 1, start: '2026-03-02', days: 3, perWorkday: 3, seed: 1 });
    const fit = inferTimezone(hourlyOf(times));
    expect(fit.offsetHours).toBeNull();
    expect(fit.reason).toMatch(/too little data/);
    expect(inferTimezone(new Array(24).fill(0)).offsetHours).toBeNull();
  });

  it('gives low confidence to round-the-clock automation', () => {
    const random = rng(9);
    const hourly = new Array(24).fill(0).map(() => 400 + Math.floor(random() * 40));
    const fit = inferTimezone(hourly);
    expect(fit.confidence).toBeLessThan(0.4);
    expect(fit.reason).toMatch(/no quiet night/);
  });

  it('does not let a huge bursty count claim certainty from one session', () => {
    const hourly = new Array(24).fill(0);
    hourly[14] = 5000;
    const fit = inferTimezone(hourly);
    expect(fit.confidence).toBeLessThan(0.4);
    expect(fit.reason).toMatch(/concentrated in 1 hour of the day/);
    // a nightly batch job: three busy hours
    const batch = new Array(24).fill(0);
    batch[13] = 214;
    batch[20] = 74;
    batch[21] = 17;
    expect(inferTimezone(batch).confidence).toBeLessThan(0.4);
  });

  it('rejects a histogram that is not 24 hours', () => {
    expect(inferTimezone([1, 2, 3]).offsetHours).toBeNull();
  });
});
