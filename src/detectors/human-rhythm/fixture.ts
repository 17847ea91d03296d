/**
 * Fixture: people with a night versus a fleet running round the clock, and a fleet that started
 * twelve hours ago (its unlived hours are no night).
 */
import { makeMany } from '../fixture-kit.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 3, 1);
const day = [0, 0, 0, 0, 0, 0, 1, 3, 6, 8, 9, 9, 8, 8, 9, 9, 8, 6, 5, 4, 3, 2, 1, 0];
const fiveDays = { firstSeen: T0, lastSeen: T0 + 5 * 24 * HOUR - 1 };
export const people = makeMany('user', 5, () => ({ hourly: day.map((x) => x * 2), ...fiveDays }));
export const roundTheClock = makeMany('op', 5, () => ({ hourly: new Array(24).fill(10), ...fiveDays }));
/** Round the clock since 08:00 UTC, seen until 19:59: twelve hours of traffic, none at night. */
export const startedToday = makeMany('fresh', 5, () => ({
  hourly: Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 20 ? 10 : 0)),
  firstSeen: T0 + 8 * HOUR,
  lastSeen: T0 + 20 * HOUR - 1,
}));
/**
 * The same fleet 30 hours in (08:00 to 13:59 the next day): the six hours from 08:00 were lived
 * twice and carry twice the traffic, which is no rhythm either.
 */
export const startedYesterday = makeMany('fresh', 5, () => ({
  hourly: Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 14 ? 20 : 10)),
  firstSeen: T0 + 8 * HOUR,
  lastSeen: T0 + 38 * HOUR - 1,
}));
