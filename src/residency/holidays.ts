/**
 * Public holidays of 2026 for the countries whose calendars tell most about where an account
 * works (the long national breaks: China's Spring Festival and Golden Week, Japan's Golden Week,
 * Korea's Seollal and Chuseok, US Thanksgiving...). A team that stops on another country's
 * holidays, and works through its declared country's, most likely lives by that other calendar.
 * Dates are the official 2026 schedules as announced (some Asian dates follow the lunar calendar;
 * substitute days included). Extend or replace the table through `ResidencyPolicy.holidays`.
 */

/** Country -> 'YYYY-MM-DD' public holidays (days off for most office workers). */
export const HOLIDAYS_2026: Record<string, string[]> = {
  CN: [
    '2026-01-01',
    '2026-01-02',
    '2026-01-03',
    ...range('2026-02-15', 9), // Spring Festival
    '2026-04-04',
    '2026-04-05',
    '2026-04-06', // Qingming
    ...range('2026-05-01', 5), // Labour Day
    '2026-06-19',
    '2026-06-20',
    '2026-06-21', // Dragon Boat
    '2026-09-25',
    '2026-09-26',
    '2026-09-27', // Mid-Autumn
    ...range('2026-10-01', 7), // National Day (Golden Week)
  ],
  TW: [
    ...range('2026-02-14', 9),
    '2026-02-27',
    '2026-04-03',
    '2026-04-06',
    '2026-06-19',
    '2026-09-25',
    '2026-10-09',
  ],
  HK: [
    '2026-01-01',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-04-03',
    '2026-04-06',
    '2026-05-01',
    '2026-06-19',
    '2026-07-01',
    '2026-09-26',
    '2026-10-01',
    '2026-12-25',
  ],
  JP: [
    '2026-01-01',
    '2026-01-02',
    '2026-01-12',
    '2026-02-11',
    '2026-02-23',
    '2026-03-20',
    '2026-04-29',
    '2026-05-04',
    '2026-05-05',
    '2026-05-06',
    '2026-07-20',
    '2026-08-11',
    '2026-09-21',
    '2026-09-22',
    '2026-09-23',
    '2026-10-12',
    '2026-11-03',
    '2026-11-23',
    '2026-12-29',
    '2026-12-30',
    '2026-12-31',
  ],
  KR: [
    '2026-01-01',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-03-02',
    '2026-05-05',
    '2026-05-25',
    '2026-08-17',
    '2026-09-24',
    '2026-09-25',
    '2026-10-05',
    '2026-10-09',
    '2026-12-25',
  ],
  RU: [
    ...range('2026-01-01', 8),
    '2026-02-23',
    '2026-03-09',
    '2026-05-01',
    '2026-05-11',
    '2026-06-12',
    '2026-11-04',
    '2026-12-31',
  ],
  IR: [...range('2026-03-20', 5), '2026-04-01', '2026-04-02'],
  IN: ['2026-01-26', '2026-03-04', '2026-10-02', '2026-10-20', '2026-11-09'],
  US: [
    '2026-01-01',
    '2026-01-19',
    '2026-02-16',
    '2026-05-25',
    '2026-06-19',
    '2026-07-03',
    '2026-09-07',
    '2026-11-26',
    '2026-11-27',
    '2026-12-24',
    '2026-12-25',
    '2026-12-31',
  ],
  CA: [
    '2026-01-01',
    '2026-04-03',
    '2026-05-18',
    '2026-07-01',
    '2026-09-07',
    '2026-10-12',
    '2026-11-11',
    '2026-12-25',
    '2026-12-28',
  ],
  GB: [
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-05-04',
    '2026-05-25',
    '2026-08-31',
    '2026-12-25',
    '2026-12-28',
  ],
  DE: [
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-05-01',
    '2026-05-14',
    '2026-05-25',
    '2026-12-24',
    '2026-12-25',
    '2026-12-31',
  ],
  FR: [
    '2026-01-01',
    '2026-04-06',
    '2026-05-01',
    '2026-05-08',
    '2026-05-14',
    '2026-05-25',
    '2026-07-14',
    '2026-11-11',
    '2026-12-25',
  ],
  BR: [
    '2026-01-01',
    '2026-02-16',
    '2026-02-17',
    '2026-04-03',
    '2026-04-21',
    '2026-05-01',
    '2026-06-04',
    '2026-09-07',
    '2026-10-12',
    '2026-11-02',
    '2026-11-20',
    '2026-12-25',
  ],
};

/** `count` consecutive dates from `start` ('YYYY-MM-DD'). */
function range(start: string, count: number): string[] {
  const first = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(first + i * 86_400_000).toISOString().slice(0, 10));
}

const DAY = 86_400_000;

/** The 'YYYY-MM-DD' dates of the holiday tables parsed once (they are read at every verdict). */
const parsedDates = new Map<string, number>();

/** Epoch ms of a 'YYYY-MM-DD' date at 00:00 UTC. */
function dayStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** `dayStart` of a holiday table's date, parsed once. */
function tableDay(date: string): number {
  let t = parsedDates.get(date);
  if (t === undefined) {
    t = dayStart(date);
    parsedDates.set(date, t);
  }
  return t;
}

/** Whether the UTC day starting at `t` is a Saturday or Sunday (the epoch's first day was a Thursday). */
function weekendAt(t: number): boolean {
  const day = (((Math.floor(t / DAY) + 4) % 7) + 7) % 7;
  return day === 0 || day === 6;
}

/** Whether a 'YYYY-MM-DD' date is a Saturday or Sunday. */
export function isWeekend(date: string): boolean {
  return weekendAt(dayStart(date));
}

/** How an account's activity on one country's weekday holidays compares with its ordinary weekdays. */
export interface HolidayEffect {
  country: string;
  /** Weekday holidays of that country inside the observed window. */
  days: number;
  /** Mean activity on those days divided by the mean on ordinary weekdays (0 = silent, 1 = as usual). */
  ratio: number;
  /**
   * Chance of a day count this low or lower if the holidays were ordinary weekdays (quasi-Poisson:
   * day-to-day overdispersion is measured on the ordinary weekdays). Small = the quiet is real.
   */
  pQuiet: number;
  holidays: string[];
}

/** P(X <= k) for X ~ Poisson(lambda), computed in log space (k and lambda may be fractional). */
export function poissonCdf(k: number, lambda: number): number {
  if (lambda <= 0) return 1;
  const top = Math.floor(k);
  if (top < 0) return 0;
  let logTerm = -lambda; // log P(X = 0)
  let sum = Math.exp(logTerm);
  for (let i = 1; i <= top; i++) {
    logTerm += Math.log(lambda) - Math.log(i);
    sum += Math.exp(logTerm);
    if (sum >= 1) return 1;
  }
  return Math.min(1, sum);
}

/**
 * Activity on each country's weekday holidays relative to ordinary weekdays, for the countries
 * with at least `minDays` such holidays inside the observed window of `daily` (UTC dates).
 * Ordinary weekdays are those that are no holiday of any country compared.
 */
export function holidayEffects(
  daily: Record<string, number>,
  countries: string[],
  table: Record<string, string[]> = HOLIDAYS_2026,
  minDays = 2,
  minBaselineDays = 10,
): HolidayEffect[] {
  const dates = Object.keys(daily).sort();
  if (dates.length === 0) return [];
  const first = dayStart(dates[0]);
  const last = dayStart(dates[dates.length - 1]);
  const anyHoliday = new Set<number>();
  for (const country of countries) for (const d of table[country] ?? []) anyHoliday.add(tableDay(d));
  // Ordinary weekdays of the window: counted by day, summed over the active ones only (counts
  // are integers, so the order of the sums does not matter).
  let baselineDays = 0;
  for (let t = first; t <= last; t += DAY) if (!weekendAt(t) && !anyHoliday.has(t)) baselineDays++;
  let baselineSum = 0;
  let baselineSquares = 0;
  for (const date of dates) {
    const t = dayStart(date);
    if (weekendAt(t) || anyHoliday.has(t)) continue;
    const n = daily[date];
    baselineSum += n;
    baselineSquares += n * n;
  }
  if (baselineDays < minBaselineDays || baselineSum === 0) return [];
  const baseline = baselineSum / baselineDays;
  const variance = baselineSquares / baselineDays - baseline * baseline;
  const dispersion = Math.max(1, variance / baseline);
  const effects: HolidayEffect[] = [];
  for (const country of countries) {
    const inWindow = (table[country] ?? []).filter((d) => {
      const t = tableDay(d);
      return t >= first && t <= last && !weekendAt(t);
    });
    if (inWindow.length < minDays) continue;
    const observed = inWindow.reduce((sum, d) => sum + (daily[d] ?? 0), 0);
    const expected = baseline * inWindow.length;
    const pQuiet = poissonCdf(observed / dispersion, expected / dispersion);
    effects.push({ country, days: inWindow.length, ratio: observed / expected, pQuiet, holidays: inWindow });
  }
  return effects;
}
