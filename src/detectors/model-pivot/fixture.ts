/** Fixture: a fleet re-pointed at a new model on one day versus users adopting it over weeks. */
import { makeMany } from '../fixture-kit.js';

const DAY = 86_400_000;
const T = Date.UTC(2026, 3, 1);
export const suspicious = makeMany('op', 6, (i) => ({
  exchanges: 100,
  firstSeen: T,
  lastSeen: T + 10 * DAY,
  models: { old: 50, fresh: 50 },
  modelFirstUse: { old: T, fresh: T + 5 * DAY + i * 600_000 },
}));
export const benignLookAlike = makeMany('user', 6, (i) => ({
  exchanges: 100,
  firstSeen: T,
  lastSeen: T + 30 * DAY,
  models: { old: 60, fresh: 40 },
  modelFirstUse: { old: T, fresh: T + (3 + i * 4) * DAY },
}));
