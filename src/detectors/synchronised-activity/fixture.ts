/** Fixture: accounts surging and stopping together versus users on their own days. */
import { makeMany } from '../fixture-kit.js';

const day = (d: number) => `2026-04-${String(d).padStart(2, '0')}`;
export const suspicious = makeMany('op', 8, (i) => ({
  daily: { [day(1)]: 10 + i, [day(2)]: 40 + i, [day(3)]: 80, [day(4)]: 5 },
}));
export const benignLookAlike = makeMany('user', 8, (i) => ({
  daily: { [day(1 + i)]: 10, [day(9 + ((i * 3) % 7))]: 5, [day(20 + (i % 4))]: 8 },
}));
