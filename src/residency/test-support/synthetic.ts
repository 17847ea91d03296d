/**
 * Synthetic activity for residency tests: a seeded generator of exchange times that follow a
 * person's local working rhythm at a given UTC offset, with optional noise, holidays and gaps.
 * Test-only helper (not exported from the package).
 */
import { HUMAN_DIURNAL_PROFILE } from '../timezone.js';

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RhythmOptions {
  offsetHours: number;
  /** Days from `start` (UTC date 'YYYY-MM-DD'). */
  start: string;
  days: number;
  perWorkday: number;
  seed: number;
  /** Share of events at uniformly random hours (automation, insomnia). */
  noise?: number;
  /** Activity factor on weekends (default 0.3). */
  weekend?: number;
  /** Local dates with no activity (holidays taken). */
  off?: string[];
  /** A different local profile (e.g. a night shift). */
  profile?: readonly number[];
}

/** Event times (epoch ms) following a local diurnal rhythm. */
export function rhythm(options: RhythmOptions): number[] {
  const random = rng(options.seed);
  const profile = options.profile ?? HUMAN_DIURNAL_PROFILE;
  const total = profile.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const p of profile) {
    acc += p / total;
    cumulative.push(acc);
  }
  const off = new Set(options.off ?? []);
  const startMs = Date.parse(`${options.start}T00:00:00Z`);
  const out: number[] = [];
  for (let d = 0; d < options.days; d++) {
    const localMidnight = startMs + d * 86_400_000;
    const localDate = new Date(localMidnight).toISOString().slice(0, 10);
    if (off.has(localDate)) continue;
    const dow = new Date(localMidnight).getUTCDay();
    const factor = dow === 0 || dow === 6 ? (options.weekend ?? 0.3) : 1;
    const n = Math.round(options.perWorkday * factor * (0.6 + 0.8 * random()));
    for (let i = 0; i < n; i++) {
      let localHour: number;
      if (random() < (options.noise ?? 0)) localHour = random() * 24;
      else {
        const u = random();
        let h = 0;
        while (h < 23 && cumulative[h] < u) h++;
        localHour = h + random();
      }
      out.push(localMidnight + localHour * 3_600_000 - options.offsetHours * 3_600_000);
    }
  }
  return out.sort((a, b) => a - b);
}

/** A 24-hour UTC histogram of event times. */
export function hourlyOf(times: number[]): number[] {
  const hourly = new Array<number>(24).fill(0);
  for (const t of times) hourly[new Date(t).getUTCHours()]++;
  return hourly;
}

/** Shifts a local profile by `hours` (a night shift that starts `hours` later). */
export function shiftedProfile(hours: number): number[] {
  return HUMAN_DIURNAL_PROFILE.map((_, h) => HUMAN_DIURNAL_PROFILE[(((h - hours) % 24) + 24) % 24]);
}
