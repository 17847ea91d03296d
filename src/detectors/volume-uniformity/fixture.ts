/** Fixture: load spread evenly over accounts versus a heavy-tailed cohort. */
import { makeMany } from '../fixture-kit.js';

export const suspicious = makeMany('op', 10, (i) => ({ exchanges: 1000 + (i % 3) * 30 }));
export const benignLookAlike = makeMany('user', 10, (i) => ({ exchanges: i === 0 ? 2000 : 5 + i * 3 }));
