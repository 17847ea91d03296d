/**
 * Per-country facts residency verification needs: the UTC offsets a country's clocks use
 * (standard and daylight time, all its zones), the languages its people write in, and a prior
 * used only to break ties between countries that share a time zone. Approximate on purpose:
 * the diurnal fit resolves about an hour, so minutes and DST dates do not matter here.
 */

/** What residency needs to know of one country. */
export interface CountryFacts {
  /** UTC offsets in hours in use somewhere in the country during the year. */
  offsets: number[];
  /** ISO 639-1 languages commonly written there. */
  languages: string[];
  /** Relative weight among countries sharing a time zone (API user population, rough). */
  prior: number;
}

const c = (offsets: number[], languages: string[], prior = 1): CountryFacts => ({
  offsets,
  languages,
  prior,
});

/** Country facts by ISO 3166-1 alpha-2 code. */
export const COUNTRY_FACTS: Record<string, CountryFacts> = {
  US: c([-10, -9, -8, -7, -6, -5, -4], ['en', 'es'], 10),
  CA: c([-8, -7, -6, -5, -4, -3.5, -3], ['en', 'fr'], 3),
  MX: c([-8, -7, -6, -5], ['es'], 2),
  BR: c([-5, -4, -3, -2], ['pt'], 3),
  AR: c([-3], ['es'], 1.5),
  CL: c([-4, -3], ['es'], 1),
  CO: c([-5], ['es'], 1.5),
  PE: c([-5], ['es'], 1),
  CU: c([-5, -4], ['es'], 0.2),
  GB: c([0, 1], ['en'], 5),
  IE: c([0, 1], ['en', 'ga'], 1),
  PT: c([0, 1], ['pt'], 1),
  ES: c([0, 1, 2], ['es', 'ca', 'eu', 'gl'], 3),
  FR: c([1, 2], ['fr'], 4),
  DE: c([1, 2], ['de'], 5),
  IT: c([1, 2], ['it'], 3),
  NL: c([1, 2], ['nl'], 2),
  BE: c([1, 2], ['nl', 'fr', 'de'], 1),
  CH: c([1, 2], ['de', 'fr', 'it'], 1.5),
  AT: c([1, 2], ['de'], 1),
  PL: c([1, 2], ['pl'], 2),
  CZ: c([1, 2], ['cs'], 1),
  SE: c([1, 2], ['sv'], 1),
  NO: c([1, 2], ['no', 'nb', 'nn'], 1),
  DK: c([1, 2], ['da'], 1),
  HU: c([1, 2], ['hu'], 1),
  FI: c([2, 3], ['fi', 'sv'], 1),
  EE: c([2, 3], ['et'], 0.5),
  LV: c([2, 3], ['lv'], 0.5),
  LT: c([2, 3], ['lt'], 0.5),
  GR: c([2, 3], ['el'], 1),
  RO: c([2, 3], ['ro'], 1),
  BG: c([2, 3], ['bg'], 0.5),
  UA: c([2, 3], ['uk', 'ru'], 1.5),
  IL: c([2, 3], ['he', 'ar'], 2),
  EG: c([2, 3], ['ar'], 1),
  ZA: c([2], ['en', 'af', 'zu'], 1),
  NG: c([1], ['en'], 1.5),
  KE: c([3], ['en', 'sw'], 1),
  TR: c([3], ['tr'], 2),
  SA: c([3], ['ar'], 1),
  BY: c([3], ['be', 'ru'], 0.3),
  SY: c([3], ['ar'], 0.2),
  RU: c([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], ['ru'], 3),
  IR: c([3.5], ['fa'], 1),
  AE: c([4], ['ar', 'en'], 1.5),
  PK: c([5], ['ur', 'en'], 1.5),
  KZ: c([5, 6], ['kk', 'ru'], 0.5),
  IN: c([5.5], ['hi', 'en', 'bn', 'ta', 'te', 'mr'], 6),
  BD: c([6], ['bn'], 1),
  TH: c([7], ['th'], 1),
  VN: c([7], ['vi'], 2),
  ID: c([7, 8, 9], ['id'], 2),
  MY: c([8], ['ms', 'en', 'zh'], 1),
  SG: c([8], ['en', 'zh', 'ms', 'ta'], 2),
  PH: c([8], ['en', 'tl'], 1.5),
  CN: c([8], ['zh'], 8),
  HK: c([8], ['zh', 'en'], 1.5),
  MO: c([8], ['zh', 'pt'], 0.2),
  TW: c([8], ['zh'], 2),
  KR: c([9], ['ko'], 3),
  KP: c([9], ['ko'], 0.05),
  JP: c([9], ['ja'], 4),
  AU: c([8, 9.5, 10, 10.5, 11], ['en'], 2),
  NZ: c([12, 13], ['en', 'mi'], 1),
};

/** Circular distance in hours between two UTC offsets (offsets are only known modulo 24 h). */
export function offsetDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % 24;
  return Math.min(d, 24 - d);
}

/** Distance in hours from an offset to the nearest offset a country uses, or null when the country is unknown. */
export function distanceToCountry(offset: number, country: string): number | null {
  const facts = COUNTRY_FACTS[country];
  if (!facts) return null;
  return Math.min(...facts.offsets.map((o) => offsetDistance(o, offset)));
}

/** Countries whose clocks use an offset within `tolerance` hours of `offset`. */
export function countriesAtOffset(offset: number, tolerance = 1): string[] {
  return Object.keys(COUNTRY_FACTS).filter((code) => (distanceToCountry(offset, code) ?? 99) <= tolerance);
}

/** Languages that do not tell a region (lingua francas and undetermined text). */
export const NEUTRAL_LANGUAGES = ['en', 'und'];
