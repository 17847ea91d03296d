/**
 * Time-zone inference from when an account is active. People work by their local clock: quiet
 * at night, busy in office hours. Shifting a reference human diurnal profile across the 24
 * possible UTC offsets and scoring each shift by the likelihood of the account's UTC-hour
 * histogram finds its most likely offset. Counts are bursty (sessions, retries), so the
 * likelihood is tempered to a bounded number of effective observations before it becomes a
 * posterior; the confidence is the posterior mass within an hour of the best offset. A 24/7
 * automated account matches every offset alike and gets a low confidence, as it should.
 * Benign look-alike: night-shift workers fit the wrong offset; verdicts never rest on the clock alone.
 */

/** Relative activity of an office-hours person by local hour 0..23 (busy 9-17, a lunch dip, an evening tail). */
export const HUMAN_DIURNAL_PROFILE: readonly number[] = [
  0.03, 0.018, 0.01, 0.007, 0.006, 0.008, 0.015, 0.03, 0.05, 0.065, 0.072, 0.072, 0.058, 0.065, 0.072, 0.072,
  0.068, 0.058, 0.045, 0.042, 0.045, 0.045, 0.04, 0.035,
];

/** Relative activity of an evening person (students, hobbyists) by local hour: busiest 19-23, asleep 2-7. */
export const EVENING_DIURNAL_PROFILE: readonly number[] = [
  0.05, 0.03, 0.015, 0.008, 0.005, 0.005, 0.008, 0.02, 0.03, 0.04, 0.045, 0.048, 0.045, 0.048, 0.052, 0.055,
  0.055, 0.055, 0.058, 0.065, 0.075, 0.078, 0.07, 0.06,
];

/**
 * The reference rhythms an account is compared with; the likelihood of each offset is averaged
 * over them, so an evening person is not mistaken for an office worker three zones west.
 * What they share is the night: the fit is anchored on when people sleep.
 */
export const REFERENCE_PROFILES: readonly (readonly number[])[] = [
  HUMAN_DIURNAL_PROFILE,
  EVENING_DIURNAL_PROFILE,
];

/** What the fit found. `offsetHours` is local time minus UTC, in -11..+12 (null with a reason when too little data). */
export interface TimezoneFit {
  offsetHours: number | null;
  confidence: number;
  total: number;
  reason?: string;
  /** Log-likelihood margin of the best offset over the best one at least 3 hours away (tempered). */
  margin?: number;
}

/** Parameters of the fit. */
export interface TimezoneOptions {
  /** Fewer events than this: no offset (default 20). */
  minEvents?: number;
  /** Independent observations a histogram is worth at most, however many events it counts (default 40). */
  effectiveEvents?: number;
  /** Share of activity assumed to be clock-independent (automation, retries; default 0.15). */
  floor?: number;
  /** Reference local-time profiles (default REFERENCE_PROFILES). */
  profiles?: readonly (readonly number[])[];
}

const LOG_CACHE = new Map<string, Float64Array[]>();

/** log q_o(h) for each offset o in -11..12 (index o + 11) and UTC hour h. */
function logProfiles(profile: readonly number[], floor: number): Float64Array[] {
  const key = `${floor}|${profile.join(',')}`;
  const cached = LOG_CACHE.get(key);
  if (cached) return cached;
  const sum = profile.reduce((a, b) => a + b, 0);
  const out: Float64Array[] = [];
  for (let offset = -11; offset <= 12; offset++) {
    const row = new Float64Array(24);
    for (let h = 0; h < 24; h++) {
      const local = (((h + offset) % 24) + 24) % 24;
      row[h] = Math.log((1 - floor) * (profile[local] / sum) + floor / 24);
    }
    out.push(row);
  }
  LOG_CACHE.set(key, out);
  return out;
}

/** Fits a 24-entry UTC-hour activity histogram to a UTC offset, with a confidence and the count behind it. */
export function inferTimezone(hourlyUtc: number[], options: TimezoneOptions = {}): TimezoneFit {
  const minEvents = options.minEvents ?? 20;
  const effective = options.effectiveEvents ?? 40;
  const floor = options.floor ?? 0.15;
  if (hourlyUtc.length !== 24)
    return { offsetHours: null, confidence: 0, total: 0, reason: 'the histogram must have 24 hours' };
  let total = 0;
  for (const count of hourlyUtc) total += Number.isFinite(count) && count > 0 ? count : 0;
  if (total < minEvents) {
    return {
      offsetHours: null,
      confidence: 0,
      total,
      reason: `too little data: ${total} events, ${minEvents} needed`,
    };
  }
  const temper = Math.min(1, effective / total);
  const perProfile = (options.profiles ?? REFERENCE_PROFILES).map((profile) =>
    logProfiles(profile, floor).map((row) => {
      let ll = 0;
      for (let h = 0; h < 24; h++) if (hourlyUtc[h] > 0) ll += hourlyUtc[h] * row[h];
      return ll * temper;
    }),
  );
  // log of the mean likelihood over the reference profiles, per offset
  const scores = perProfile[0].map((_, i) => {
    const top = Math.max(...perProfile.map((p) => p[i]));
    return top + Math.log(perProfile.reduce((sum, p) => sum + Math.exp(p[i] - top), 0) / perProfile.length);
  });
  let best = 0;
  for (let i = 1; i < 24; i++) if (scores[i] > scores[best]) best = i;
  const max = scores[best];
  const weights = scores.map((s) => Math.exp(s - max));
  const norm = weights.reduce((a, b) => a + b, 0);
  let near = 0;
  let farBest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < 24; i++) {
    const d = Math.min(Math.abs(i - best), 24 - Math.abs(i - best));
    if (d <= 1) near += weights[i];
    if (d >= 3) farBest = Math.max(farBest, scores[i]);
  }
  const offsetHours = best - 11;
  const margin = max - farBest;
  // A person's day has a quiet night and activity spread over many hours. Scheduled jobs (a few
  // busy hours) and automation (no night) fit some offset too, but say nothing about a clock.
  const shape = dayShape(hourlyUtc, total);
  const nightFactor = Math.min(1, Math.max(0, (0.2 - shape.quietest6) / 0.1));
  const spreadFactor = Math.min(1, Math.max(0, (shape.hoursFor80 - 3) / 3));
  const humanLike = Math.max(0.2, Math.min(nightFactor, spreadFactor));
  const confidence = (near / norm) * humanLike;
  const fit: TimezoneFit = { offsetHours, confidence: round(confidence), total, margin: round(margin) };
  if (spreadFactor < 1 && spreadFactor <= nightFactor) {
    fit.reason = `activity is concentrated in ${shape.hoursFor80} hour${shape.hoursFor80 === 1 ? '' : 's'} of the day (scheduled jobs?): not a person's day`;
  } else if (nightFactor < 1) {
    fit.reason = `activity has no quiet night (${Math.round(shape.quietest6 * 100)}% in the quietest 6 hours): automation or a shared account, no clear time zone`;
  } else if (confidence < 0.5) {
    fit.reason = 'the activity pattern fits several time zones about equally';
  }
  return fit;
}

/** The share of activity in the quietest 6 consecutive hours, and how many hours hold 80% of it. */
export function dayShape(hourly: number[], total: number): { quietest6: number; hoursFor80: number } {
  let quietest = Number.POSITIVE_INFINITY;
  for (let start = 0; start < 24; start++) {
    let sum = 0;
    for (let k = 0; k < 6; k++) sum += Math.max(0, hourly[(start + k) % 24] || 0);
    quietest = Math.min(quietest, sum);
  }
  const sorted = hourly.map((x) => Math.max(0, x || 0)).sort((a, b) => b - a);
  let covered = 0;
  let hours = 0;
  while (hours < 24 && covered < 0.8 * total) covered += sorted[hours++];
  return { quietest6: total > 0 ? quietest / total : 0, hoursFor80: hours };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
