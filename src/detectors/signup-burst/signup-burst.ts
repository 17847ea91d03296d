/**
 * signup-burst
 * Catches: accounts of a cluster created close together — the share whose sign-up lies within two
 * hours of at least two other members' sign-ups.
 * Why suspicious: an operator registers accounts in batches (and replaces banned ones in batches);
 * people who end up sharing a network or an employer sign up on their own schedule.
 * Benign look-alikes: a university cohort that signs up over the weeks of a term (does not fire).
 */
import { defineDetector } from '../detector.js';
import { pct, ratio } from '../stats.js';

const WINDOW = 2 * 3_600_000;

interface Obs {
  signup: number | null;
}

export const signupBurst = defineDetector<Obs>({
  id: 'signup-burst',
  title: 'share of accounts signed up within two hours of two other members',
  check: (s) => ({ signup: s.identity.signupTs }),
  finalise(obs) {
    const times = obs
      .map((o) => o.signup)
      .filter((t): t is number => t !== null)
      .sort((a, b) => a - b);
    let bursty = 0;
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < times.length; i++) {
      while (times[i] - times[lo] > WINDOW) lo++;
      if (hi < i) hi = i;
      while (hi + 1 < times.length && times[hi + 1] - times[i] <= WINDOW) hi++;
      if (hi - lo >= 2) bursty++;
    }
    const value = times.length >= 3 ? ratio(bursty, times.length) : 0;
    return {
      value,
      summary: `${pct(value)} of ${times.length} accounts with a known sign-up time were created within two hours of two other members`,
      facts: { known: times.length, bursty },
    };
  },
});
