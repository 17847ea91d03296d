/** Fixture: people with a night versus a fleet running round the clock. */
import { makeMany } from '../fixture-kit.js';

const day = [0, 0, 0, 0, 0, 0, 1, 3, 6, 8, 9, 9, 8, 8, 9, 9, 8, 6, 5, 4, 3, 2, 1, 0];
export const people = makeMany('user', 5, () => ({ hourly: day.map((x) => x * 2) }));
export const roundTheClock = makeMany('op', 5, () => ({ hourly: new Array(24).fill(10) }));
