import { describe, expect, it } from 'vitest';
import { HOLIDAYS_2026, holidayEffects, isWeekend } from './holidays.js';

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

  it("measures activity on a country's weekday holidays against ordinary weekdays", () => {
    const cn = new Set(HOLIDAYS_2026.CN);
    const daily = days('2026-09-14', 35, (d) => (isWeekend(d) ? 2 : cn.has(d) ? 0 : 20));
    const effects = holidayEffects(daily, ['CN', 'US']);
    const cnEffect = effects.find((e) => e.country === 'CN');
    expect(cnEffect?.ratio).toBe(0);
    expect(cnEffect?.days).toBeGreaterThanOrEqual(5);
    expect(effects.find((e) => e.country === 'US')).toBeUndefined(); // no US holiday in that window
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
