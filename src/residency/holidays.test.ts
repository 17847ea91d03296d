import { describe, expect, it } from 'vitest';
import { HOLIDAYS_2026, holidayEffects, isWeekend, poissonCdf } from './holidays.js';

function days(from: string, count: number, perDay: (date: string) => number): Record<string, number> {
  const out: Record<string, number> = {};
  const start = Date.parse(`${from}T00:00:00Z`);
  for (let i = 0; i < count; i++) {
    const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    out[date] = perDay(date);
  }
  return out;
}

describe('holidays', () => {
  it('has the 2026 anchors right', () => {
    expect(HOLIDAYS_2026.CN).toContain('2026-10-01');
    expect(HOLIDAYS_2026.CN).toContain('2026-02-17');
    expect(HOLIDAYS_2026.US).toContain('2026-11-26');
    expect(isWeekend('2026-11-28')).toBe(true);
    expect(isWeekend('2026-11-26')).toBe(false);
  });

  it('tells weekends from the day number as the calendar does, before and after the epoch', () => {
    for (let t = Date.UTC(1969, 11, 1); t < Date.UTC(2028, 0, 1); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      const day = new Date(t).getUTCDay();
      expect(isWeekend(date), date).toBe(day === 0 || day === 6);
    }
  });

  it("measures activity on a country's weekday holidays against ordinary weekdays", () => {
    const cn = new Set(HOLIDAYS_2026.CN);
    const daily = days('2026-09-14', 35, (d) => (isWeekend(d) ? 2 : cn.has(d) ? 0 : 20));
    const effects = holidayEffects(daily, ['CN', 'US']);
    const cnEffect = effects.find((e) => e.country === 'CN');
    expect(cnEffect?.ratio).toBe(0);
    expect(cnEffect?.pQuiet).toBeLessThan(1e-6);
    expect(cnEffect?.days).toBeGreaterThanOrEqual(5);
    expect(effects.find((e) => e.country === 'US')).toBeUndefined(); // no US holiday in that window
  });

  it('does not call a light user quiet on holidays because of a few empty days', () => {
    // About one exchange a day, many empty days: zeros on holidays are what chance gives.
    let seed = 3;
    const random = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const daily = days('2026-09-14', 35, (d) => (isWeekend(d) ? 0 : random() < 0.5 ? 0 : 2));
    for (const d of HOLIDAYS_2026.CN) if (d in daily) daily[d] = 0;
    const cn = holidayEffects(daily, ['CN']).find((e) => e.country === 'CN');
    expect(cn?.ratio).toBe(0);
    expect(cn?.pQuiet).toBeGreaterThan(0.001); // Golden Week of silence from a light user is weak evidence
  });

  it('computes Poisson tails', () => {
    expect(poissonCdf(0, 2)).toBeCloseTo(Math.exp(-2), 10);
    expect(poissonCdf(2, 2)).toBeCloseTo(Math.exp(-2) * (1 + 2 + 2), 10);
    expect(poissonCdf(-1, 2)).toBe(0);
    expect(poissonCdf(5, 0)).toBe(1);
    expect(poissonCdf(0, 100)).toBeLessThan(1e-40);
  });

  it('says nothing without enough ordinary weekdays', () => {
    expect(
      holidayEffects(
        days('2026-10-01', 5, () => 10),
        ['CN'],
      ),
    ).toEqual([]);
    expect(holidayEffects({}, ['CN'])).toEqual([]);
  });
});
