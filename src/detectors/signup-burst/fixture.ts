/** Fixture: accounts registered minutes apart versus a cohort signing up over weeks. */
import { makeMany } from '../fixture-kit.js';

const T = Date.UTC(2026, 3, 1);
export const suspicious = makeMany('op', 12, (i) => ({
  identity: { signupTs: T + Math.floor(i / 6) * 86_400_000 + i * 120_000 },
}));
export const benignLookAlike = makeMany('student', 12, (i) => ({
  identity: { signupTs: T + i * 2.5 * 86_400_000 },
}));
