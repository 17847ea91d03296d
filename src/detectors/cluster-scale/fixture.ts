/** Fixture: a fleet of a thousand accounts versus one developer's three test keys. */
import { makeMany } from '../fixture-kit.js';

export const suspicious = makeMany('op', 1000, () => ({ exchanges: 10 }));
export const benignLookAlike = makeMany('dev', 3, () => ({ exchanges: 10 }));
