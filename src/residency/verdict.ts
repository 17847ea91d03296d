/**
 * The residency verdict: does what an account declares (its country, and its card and phone
 * countries) agree with where it is observed to operate from? Evidence comes in independent
 * lines, each a weighted, checkable fact:
 *   network  - countries of its direct addresses; share behind hosting, VPN, Tor and relays;
 *   clock    - the time zone its activity fits (see timezone.ts);
 *   language - prompts in a language foreign to the declared country (English is neutral);
 *   calendar - quiet on one country's public holidays, busy through the declared country's;
 *   identity - card, phone and sign-up countries.
 * `inconsistent` needs a high score from at least two lines, one of them observed (network or
 * clock): the clock alone is what night-shift workers look like, a VPN alone is what privacy
 * users look like, a foreign card alone is what students and expatriates look like.
 * An account whose direct addresses and clock agree on one supported country other than the
 * declared one (a student abroad, a long trip, an expatriate) is a benign mismatch: reported,
 * capped below `inconsistent`, unless that country is restricted.
 */
import { PROXY_NET_CLASSES } from '../core/net.js';
import type { Evidence, ResidencyInput, ResidencyVerdict } from '../core/types.js';
import { COUNTRY_FACTS, countriesAtOffset, distanceToCountry, NEUTRAL_LANGUAGES } from './countries.js';
import { HOLIDAYS_2026, holidayEffects } from './holidays.js';
import { inferTimezone, type TimezoneFit } from './timezone.js';

/** The operator's residency policy; every field has a default. */
export interface ResidencyPolicy {
  /** Unsupported regions (ISO 3166-1 alpha-2). Default: CN, RU, IR, KP, SY, CU. */
  restricted?: string[];
  /** Score at or above which the verdict is `inconsistent` (default 0.65). */
  inconsistentAt?: number;
  /** Score below which, with enough evidence, the verdict is `consistent` (default 0.35). */
  consistentBelow?: number;
  /** Exchanges needed before the clock is read (default 20). */
  minEvents?: number;
  /** Share of direct traffic from restricted countries that flags an account (default 0.2). */
  restrictedShare?: number;
  /** Holiday table (country -> dates), default the 2026 table. */
  holidays?: Record<string, string[]>;
}

/** Regions where frontier-model APIs are commonly not offered; replace with your own terms of service. */
export const DEFAULT_RESTRICTED = ['CN', 'RU', 'IR', 'KP', 'SY', 'CU'];

type Line = 'network' | 'clock' | 'language' | 'calendar' | 'identity';

function sum(record: Record<string, number> | undefined): number {
  let total = 0;
  for (const key in record) total += record[key];
  return total;
}

function top(record: Record<string, number> | undefined, exclude?: string | null): [string, number] | null {
  let best: [string, number] | null = null;
  for (const key in record)
    if (key !== exclude && (best === null || record[key] > best[1])) best = [key, record[key]];
  return best;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/** How much a count of exchanges is worth as evidence: grows to 1 at 20. */
const volume = (n: number) => Math.min(1, n / 20);

/** Computes an account's residency verdict from its accumulated facts (pure). */
export function residencyVerdict(input: ResidencyInput, policy: ResidencyPolicy = {}): ResidencyVerdict {
  const restrictedList = new Set((policy.restricted ?? DEFAULT_RESTRICTED).map((c) => c.toUpperCase()));
  const inconsistentAt = policy.inconsistentAt ?? 0.65;
  const consistentBelow = policy.consistentBelow ?? 0.35;
  const holidayTable = policy.holidays ?? HOLIDAYS_2026;
  const declared = input.declaredCountry ? input.declaredCountry.toUpperCase() : null;
  const evidence: (Evidence & { line: Line })[] = [];
  const add = (line: Line, kind: string, weight: number, summary: string, facts: Record<string, unknown>) => {
    evidence.push({ line, kind, weight: r2(weight), summary, facts });
  };

  // --- network ---
  const classTotal = sum(input.netClasses as Record<string, number>);
  const proxied = PROXY_NET_CLASSES.reduce((s, c) => s + (input.netClasses[c] ?? 0), 0);
  const proxyShare = classTotal > 0 ? proxied / classTotal : 0;
  const direct = input.directIpCountries ?? (proxyShare < 0.2 ? input.ipCountries : {});
  const directTotal = sum(direct);
  // Direct addresses locate the client only when they are a real part of its traffic
  // (a few unclassified exits among a VPN user's traffic locate nothing).
  const directCounts = directTotal >= Math.max(5, 0.25 * classTotal);
  const homeShare = declared && directTotal > 0 ? (direct[declared] ?? 0) / directTotal : 0;
  const foreign = top(direct, declared);
  const foreignShare = foreign && directTotal > 0 ? foreign[1] / directTotal : 0;
  let restrictedDirect = 0;
  for (const country in direct) if (restrictedList.has(country)) restrictedDirect += direct[country];
  const restrictedDirectShare = directCounts ? restrictedDirect / directTotal : 0;
  // Hosting in the declared country is a company's own servers more often than a disguise.
  const proxiedHome =
    declared && input.directIpCountries
      ? Math.max(0, (input.ipCountries[declared] ?? 0) - (direct[declared] ?? 0))
      : 0;
  const proxiedHomeShare = proxied > 0 ? Math.min(1, proxiedHome / proxied) : 0;
  // VPN, Tor and relay exits exist to hide a location; hosting is as often a company's servers.
  const hiding =
    (input.netClasses.vpn ?? 0) +
    (input.netClasses.tor ?? 0) +
    (input.netClasses.relay ?? 0) +
    0.6 * (input.netClasses.hosting ?? 0);
  const concealedShare = classTotal > 0 ? (hiding / classTotal) * (1 - 0.7 * proxiedHomeShare) : 0;

  // --- clock ---
  const fit: TimezoneFit = inferTimezone(input.hourly, { minEvents: policy.minEvents ?? 20 });
  const clockKnown = fit.offsetHours !== null && fit.confidence >= 0.4;
  const clockOffset = clockKnown ? (fit.offsetHours as number) : null;
  const clockDistance = (country: string | null) =>
    clockOffset === null || country === null ? null : distanceToCountry(clockOffset, country);
  const declaredDistance = clockDistance(declared);
  const clockFitsDeclared = declaredDistance !== null && declaredDistance <= 1.5;
  const clockAgainstDeclared = declaredDistance !== null && declaredDistance >= 3;
  // A fit at confidence 0.4 says little; from about 0.9 it says all it can.
  const clockStrength = Math.min(1, Math.max(0, (fit.confidence - 0.35) / 0.55));

  // --- language ---
  const languageTotal = sum(input.languages);
  const declaredLanguages = new Set(declared ? (COUNTRY_FACTS[declared]?.languages ?? []) : []);
  let foreignLanguageCount = 0;
  const foreignLanguages: Record<string, number> = {};
  for (const lang in input.languages) {
    if (NEUTRAL_LANGUAGES.includes(lang) || declaredLanguages.has(lang)) continue;
    foreignLanguageCount += input.languages[lang];
    foreignLanguages[lang] = input.languages[lang];
  }
  const foreignLanguageShare = languageTotal > 0 ? foreignLanguageCount / languageTotal : 0;
  const topForeignLanguage = top(foreignLanguages)?.[0] ?? null;

  // --- where the evidence points: a region from the clock, corroborated to a country when possible ---
  const candidates = clockOffset !== null ? countriesAtOffset(clockOffset, 1) : [];
  let inferredCountry: string | null = null;
  let corroboration = 0;
  const candidateScore = (country: string) => {
    const facts = COUNTRY_FACTS[country];
    let score = 0;
    if (directCounts) score += (2 * (direct[country] ?? 0)) / directTotal;
    if (topForeignLanguage && facts.languages.includes(topForeignLanguage)) score += foreignLanguageShare;
    if (input.cardCountry === country) score += 0.3;
    if (input.phoneCountry === country) score += 0.3;
    return score;
  };
  const calendarCountries = Object.keys(holidayTable);
  const effects = holidayEffects(input.daily, calendarCountries, holidayTable);
  // Quiet: well under an ordinary weekday, and unlikely to be chance for this account's volume
  // (p < 0.001: about 0.01 shared across the fifteen calendars compared).
  const isQuiet = (e: { ratio: number; pQuiet: number }) => e.ratio < 0.35 && e.pQuiet < 0.001;
  const quiet = new Set(effects.filter(isQuiet).map((e) => e.country));
  for (const country of candidates) {
    const score = candidateScore(country) + (quiet.has(country) ? 0.5 : 0);
    if (
      score > corroboration ||
      (score === corroboration &&
        score > 0 &&
        inferredCountry !== null &&
        COUNTRY_FACTS[country].prior > COUNTRY_FACTS[inferredCountry].prior)
    ) {
      corroboration = score;
      inferredCountry = country;
    }
  }
  if (corroboration < 0.3) inferredCountry = null;
  if (clockOffset === null && foreign && foreignShare >= 0.6 && directTotal >= 5)
    inferredCountry = foreign[0];
  if (clockOffset === null && declared && homeShare >= 0.6 && directTotal >= 5) inferredCountry = declared;
  if (
    clockFitsDeclared &&
    declared &&
    (inferredCountry === null || candidateScore(declared) >= candidateScore(inferredCountry))
  ) {
    inferredCountry = declared;
  }
  // A few direct connections from a restricted region among concealed traffic: the operator's
  // own address showing through when the proxy was off.
  let leak: [string, number] | null = null;
  if (declared && !restrictedList.has(declared) && proxyShare >= 0.5) {
    for (const country in direct) {
      if (restrictedList.has(country) && direct[country] >= 3 && (leak === null || direct[country] > leak[1]))
        leak = [country, direct[country]];
    }
  }
  if (leak && (inferredCountry === null || !restrictedList.has(inferredCountry))) inferredCountry = leak[0];
  const zoneLabel =
    clockOffset !== null ? `UTC${clockOffset >= 0 ? '+' : '-'}${Math.abs(clockOffset)}` : null;
  const inferredRegion = inferredCountry ?? zoneLabel;
  const regionConfidence = inferredCountry
    ? r2(
        Math.min(
          1,
          (clockKnown ? fit.confidence : 0.5) *
            (0.6 + Math.min(0.4, corroboration / 3 + (inferredCountry === declared ? 0.4 : 0))),
        ),
      )
    : clockKnown
      ? r2(fit.confidence * 0.5)
      : 0;

  // --- evidence lines ---
  if (directCounts && declared) {
    if (homeShare >= 0.5) {
      add(
        'network',
        'residency-ip-home',
        -0.5 * homeShare * volume(directTotal),
        `${Math.round(homeShare * 100)}% of direct traffic comes from addresses in ${declared}, the declared country`,
        {
          declared,
          share: r2(homeShare),
          directIpCountries: direct,
        },
      );
    } else if (foreign && foreignShare >= 0.3) {
      add(
        'network',
        'residency-ip-abroad',
        0.8 * foreignShare * volume(directTotal),
        `${Math.round(foreignShare * 100)}% of direct traffic comes from ${foreign[0]}, not the declared ${declared}`,
        {
          declared,
          country: foreign[0],
          share: r2(foreignShare),
          directIpCountries: direct,
        },
      );
    }
  }
  if (classTotal > 0 && concealedShare >= 0.3) {
    const byClass = Object.fromEntries(
      PROXY_NET_CLASSES.filter((c) => input.netClasses[c]).map((c) => [c, input.netClasses[c]]),
    );
    add(
      'network',
      'residency-proxy',
      0.6 * concealedShare * volume(classTotal),
      `${Math.round(proxyShare * 100)}% of traffic comes through hosting, VPN, Tor or relay exits that hide the client's location`,
      {
        share: r2(proxyShare),
        outsideDeclared: r2(1 - proxiedHomeShare),
        classes: byClass,
        ipCountries: input.ipCountries,
      },
    );
  }
  if (clockKnown && declared && declaredDistance !== null) {
    if (clockAgainstDeclared) {
      add(
        'clock',
        'residency-clock',
        1.2 * clockStrength,
        `activity fits ${zoneLabel} (confidence ${fit.confidence}), ${declaredDistance} h from any time zone of ${declared}`,
        {
          offsetHours: clockOffset,
          confidence: fit.confidence,
          declared,
          hoursFromDeclared: declaredDistance,
          hourlyUtc: input.hourly,
        },
      );
    } else if (clockFitsDeclared) {
      add(
        'clock',
        'residency-clock-home',
        -1.0 * clockStrength,
        `activity fits ${zoneLabel}, a time zone of ${declared} (confidence ${fit.confidence})`,
        {
          offsetHours: clockOffset,
          confidence: fit.confidence,
          declared,
        },
      );
    }
  }
  if (fit.offsetHours !== null && !clockKnown) {
    add('clock', 'residency-clock-unclear', 0, `no clear time zone: ${fit.reason ?? 'low confidence'}`, {
      offsetHours: fit.offsetHours,
      confidence: fit.confidence,
      hourlyUtc: input.hourly,
    });
  }
  if (languageTotal >= 5 && declared) {
    if (foreignLanguageShare >= 0.3) {
      const matchesRegion =
        inferredCountry !== null &&
        inferredCountry !== declared &&
        COUNTRY_FACTS[inferredCountry]?.languages.includes(topForeignLanguage ?? '');
      add(
        'language',
        'residency-language',
        0.5 * foreignLanguageShare + (matchesRegion ? 0.2 : 0),
        `${Math.round(foreignLanguageShare * 100)}% of prompts are in ${Object.keys(foreignLanguages).join(', ')}, not a language of ${declared}`,
        {
          declared,
          share: r2(foreignLanguageShare),
          languages: input.languages,
        },
      );
    } else if (
      languageTotal > 0 &&
      [...declaredLanguages].some(
        (l) => !NEUTRAL_LANGUAGES.includes(l) && (input.languages[l] ?? 0) / languageTotal >= 0.5,
      )
    ) {
      add('language', 'residency-language-home', -0.2, `most prompts are in a language of ${declared}`, {
        declared,
        languages: input.languages,
      });
    }
  }
  const declaredEffect = effects.find((e) => e.country === declared);
  if (declaredEffect && isQuiet(declaredEffect)) {
    add(
      'calendar',
      'residency-holidays-home',
      -0.6,
      `quiet on ${declared}'s public holidays (${r2(declaredEffect.ratio)}x an ordinary weekday)`,
      {
        country: declared,
        ratio: r2(declaredEffect.ratio),
        pQuiet: Number(declaredEffect.pQuiet.toPrecision(2)),
        holidays: declaredEffect.holidays,
      },
    );
  } else {
    const elsewhere = effects.filter((e) => e.country !== declared && isQuiet(e));
    const declaredActive = declaredEffect ? declaredEffect.ratio >= 0.65 : true;
    if (elsewhere.length > 0 && declaredActive) {
      const e = elsewhere.sort((a, b) => a.pQuiet - b.pQuiet || a.ratio - b.ratio)[0];
      add(
        'calendar',
        'residency-holidays',
        0.8,
        `quiet on ${e.country}'s public holidays (${r2(e.ratio)}x an ordinary weekday)${declaredEffect ? `, active on ${declared}'s (${r2(declaredEffect.ratio)}x)` : ''}`,
        {
          country: e.country,
          ratio: r2(e.ratio),
          pQuiet: Number(e.pQuiet.toPrecision(2)),
          holidays: e.holidays,
          declared,
          declaredRatio: declaredEffect ? r2(declaredEffect.ratio) : null,
        },
      );
    }
  }
  for (const [field, value] of [
    ['card', input.cardCountry],
    ['phone', input.phoneCountry],
    ['sign-up address', input.signupCountry],
  ] as const) {
    if (!value || !declared) continue;
    if (value !== declared) {
      const towardInferred =
        inferredCountry !== null && inferredCountry !== declared && value === inferredCountry;
      add(
        'identity',
        'residency-identity',
        0.25 + (towardInferred ? 0.15 : 0),
        `${field} country ${value} differs from the declared ${declared}`,
        { field, country: value, declared },
      );
    } else {
      add('identity', 'residency-identity-home', -0.1, `${field} country matches the declared ${declared}`, {
        field,
        country: value,
      });
    }
  }

  if (
    !leak &&
    declared &&
    !restrictedList.has(declared) &&
    restrictedDirect >= 2 &&
    restrictedDirectShare < 0.5
  ) {
    add(
      'network',
      'residency-restricted-contact',
      0.4,
      `${restrictedDirect} exchanges came directly from restricted regions`,
      {
        exchanges: restrictedDirect,
        directIpCountries: direct,
        declared,
      },
    );
  }
  if (leak) {
    add(
      'network',
      'residency-restricted-leak',
      1.0,
      `${leak[1]} exchanges came directly from ${leak[0]}, a restricted region, while ${Math.round(proxyShare * 100)}% of traffic went through proxies`,
      {
        country: leak[0],
        exchanges: leak[1],
        proxyShare: r2(proxyShare),
        declared,
      },
    );
  }

  // --- score and verdict ---
  const raw = evidence.reduce((s, e) => s + e.weight, 0);
  let score = 1 / (1 + Math.exp(-2 * (raw - 0.9)));
  const positiveLines = new Set(evidence.filter((e) => e.weight > 0).map((e) => e.line));
  const observed = positiveLines.has('network') || positiveLines.has('clock');
  // A supported country other than the declared one that the evidence agrees on: the account is
  // used from there (study, work, a move, a long trip), and nothing is hidden.
  const clockNear = (country: string, hours: number) =>
    clockOffset === null || (distanceToCountry(clockOffset, country) ?? 99) <= hours;
  let elsewhere: { country: string; because: string } | null = null;
  if (
    declared &&
    foreign &&
    directCounts &&
    foreignShare >= 0.5 &&
    concealedShare < 0.3 &&
    clockNear(foreign[0], 3)
  ) {
    elsewhere = { country: foreign[0], because: 'its direct addresses and clock' };
  } else if (
    declared &&
    clockOffset !== null &&
    input.cardCountry &&
    input.cardCountry !== declared &&
    input.cardCountry === input.phoneCountry &&
    clockNear(input.cardCountry, 2)
  ) {
    elsewhere = { country: input.cardCountry, because: 'its clock, card and phone' };
  }
  if (elsewhere && !restrictedList.has(elsewhere.country)) {
    score = Math.min(score, inconsistentAt - 0.2);
    add(
      'network',
      'residency-lives-abroad',
      0,
      `${elsewhere.because} agree on ${elsewhere.country}, a supported country: an account used away from the declared ${declared} (study, work, travel), not concealment`,
      {
        country: elsewhere.country,
        declared,
      },
    );
  }
  if (positiveLines.size < 2 || !observed) score = Math.min(score, inconsistentAt - 0.05);

  // --- restricted regions ---
  const restrictedReasons: string[] = [];
  if (declared && restrictedList.has(declared))
    restrictedReasons.push(`declared country ${declared} is restricted`);
  if (restrictedDirectShare >= (policy.restrictedShare ?? 0.2)) {
    restrictedReasons.push(
      `${Math.round(restrictedDirectShare * 100)}% of direct traffic comes from restricted regions`,
    );
  }
  if (
    inferredCountry &&
    inferredCountry !== declared &&
    restrictedList.has(inferredCountry) &&
    regionConfidence >= 0.5
  ) {
    restrictedReasons.push(`the evidence points to ${inferredCountry}, a restricted region`);
  }
  if (leak) restrictedReasons.push(`direct connections from ${leak[0]} leak through the proxies`);
  const restricted = restrictedReasons.length > 0;
  if (restricted) {
    add('network', 'residency-restricted', 0, restrictedReasons.join('; '), {
      restricted: [...restrictedList],
      reasons: restrictedReasons,
    });
    // Operating from a restricted region while declaring a supported one is the case this verdict exists for.
    if ((restrictedDirectShare >= 0.5 || leak) && declared && !restrictedList.has(declared))
      score = Math.max(score, inconsistentAt);
  }

  const enough = fit.offsetHours !== null || directTotal >= 5 || classTotal >= 5;
  let verdict: ResidencyVerdict['verdict'];
  if (!declared) verdict = 'unknown';
  else if (score >= inconsistentAt) verdict = 'inconsistent';
  else if (score < consistentBelow && enough) verdict = 'consistent';
  else verdict = 'unknown';
  if (!declared) {
    add('identity', 'residency-undeclared', 0, 'no declared country to verify', {});
  } else if (!enough) {
    add('clock', 'residency-too-little-data', 0, fit.reason ?? 'too little activity to verify residency', {
      exchanges: fit.total,
    });
  }
  return {
    account: input.account,
    declaredCountry: declared,
    verdict,
    score: r2(score),
    inferredRegion,
    confidence: regionConfidence,
    restricted,
    evidence: evidence.map(({ line: _line, ...rest }) => ({
      ...rest,
      facts: { ...rest.facts, line: _line },
    })),
  };
}

/** One row of the summary by declared country: verdict counts and restricted flags. */
export interface ResidencySummaryRow {
  declaredCountry: string;
  consistent: number;
  inconsistent: number;
  unknown: number;
  restricted: number;
  total: number;
}

/** Counts verdicts by declared country ('-' for none), largest countries first. */
export function summariseVerdicts(verdicts: Iterable<ResidencyVerdict>): ResidencySummaryRow[] {
  const rows = new Map<string, ResidencySummaryRow>();
  for (const v of verdicts) {
    const key = v.declaredCountry ?? '-';
    let row = rows.get(key);
    if (!row) {
      row = { declaredCountry: key, consistent: 0, inconsistent: 0, unknown: 0, restricted: 0, total: 0 };
      rows.set(key, row);
    }
    row[v.verdict]++;
    if (v.restricted) row.restricted++;
    row.total++;
  }
  return [...rows.values()].sort(
    (a, b) => b.total - a.total || a.declaredCountry.localeCompare(b.declaredCountry),
  );
}
