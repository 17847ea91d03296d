/** Fixture: a hydra (banned accounts replaced by fresh ones) versus a cohort that stops without replacement. */
import { makeMany } from '../fixture-kit.js';

const DAY = 86_400_000;
const T = Date.UTC(2026, 3, 1);
export const now = T + 20 * DAY;
export const suspicious = [
  ...makeMany('old', 6, () => ({ firstSeen: T, lastSeen: T + 5 * DAY, identity: { bannedAt: T + 5 * DAY } })),
  ...makeMany('new', 6, () => ({ firstSeen: T + 6 * DAY, lastSeen: now - 3_600_000 })),
];
export const benignLookAlike = [
  ...makeMany('left', 4, () => ({ firstSeen: T, lastSeen: T + 5 * DAY })),
  ...makeMany('stayed', 8, () => ({ firstSeen: T, lastSeen: now - 3_600_000 })),
];
export const batchJob = makeMany('job', 8, (i) => ({
  firstSeen: T + (i % 3) * DAY,
  lastSeen: T + (i % 3) * DAY + 2 * DAY,
}));
