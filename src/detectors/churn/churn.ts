/**
 * churn
 * Catches: a hydra — accounts abandoned (banned, or silent for three days after being active)
 * while fresh members of the same cluster, started after the first abandonment and still active,
 * carry the traffic on.
 * Why suspicious: an operator replaces banned and burnt accounts with new sign-ups on the same
 * infrastructure; an organisation's people leave without being replaced in step.
 * Benign look-alikes: a cohort where some members stop at the end of a term and nobody replaces
 * them, or a batch job whose accounts all finished (does not fire).
 */
import { defineDetector } from '../detector.js';
import { pct, ratio, unit } from '../stats.js';

const SILENT = 72 * 3_600_000;

interface Obs {
  firstSeen: number | null;
  lastSeen: number | null;
  bannedAt: number | null;
}

export const churn = defineDetector<Obs>({
  id: 'churn',
  title: 'accounts abandoned and replaced by later members',
  check: (s) => ({ firstSeen: s.firstSeen, lastSeen: s.lastSeen, bannedAt: s.identity.bannedAt }),
  finalise(obs, ctx) {
    const seen = obs.filter((o) => o.firstSeen !== null && o.lastSeen !== null);
    const ended = seen
      .filter(
        (o) => (o.bannedAt !== null && o.bannedAt <= ctx.now) || ctx.now - (o.lastSeen as number) >= SILENT,
      )
      .map((o) => Math.min(o.bannedAt ?? Number.POSITIVE_INFINITY, o.lastSeen as number));
    if (seen.length < 4 || ended.length === 0) {
      return {
        value: 0,
        summary: 'no abandoned accounts',
        facts: { accounts: seen.length, abandoned: ended.length },
      };
    }
    const firstEnd = Math.min(...ended);
    const replacements = seen.filter(
      (o) =>
        (o.firstSeen as number) > firstEnd &&
        !(o.bannedAt !== null && o.bannedAt <= ctx.now) &&
        ctx.now - (o.lastSeen as number) < SILENT,
    ).length;
    const abandonedShare = ratio(ended.length, seen.length);
    const replacementShare = ratio(replacements, seen.length);
    const value = unit(2 * Math.min(abandonedShare, replacementShare));
    return {
      value,
      summary: `${pct(abandonedShare)} of the accounts were abandoned or banned and ${pct(replacementShare)} started after the first one ended`,
      facts: { accounts: seen.length, abandoned: ended.length, replacements },
    };
  },
});
