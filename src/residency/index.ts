/** Residency verification (DESIGN.md section 2.4): the public surface of src/residency. */
export {
  accumulateAccountEvent,
  accumulateExchange,
  createResidencyBook,
  DEFAULT_MAX_DAYS,
  emptyResidencyInput,
  type LanguageOf,
  type ResidencyBook,
} from './accumulate.js';
export {
  COUNTRY_FACTS,
  type CountryFacts,
  countriesAtOffset,
  distanceToCountry,
  offsetDistance,
} from './countries.js';
export { HOLIDAYS_2026, type HolidayEffect, holidayEffects } from './holidays.js';
export { guessLanguage } from './language.js';
export { HUMAN_DIURNAL_PROFILE, inferTimezone, type TimezoneFit, type TimezoneOptions } from './timezone.js';
export {
  DEFAULT_RESTRICTED,
  type ResidencyPolicy,
  type ResidencySummaryRow,
  residencyVerdict,
  summariseVerdicts,
} from './verdict.js';
