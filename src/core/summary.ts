/** Views of an AccountSummary that several stages read. */
import type { AccountSummary, NetClass, ResidencyInput } from './types.js';

/** The residency facts of an account summary (what `residencyVerdict` reads). */
export function residencyInputOf(summary: AccountSummary): ResidencyInput {
  return {
    account: summary.account,
    declaredCountry: summary.identity.declaredCountry,
    cardCountry: summary.identity.cardCountry,
    phoneCountry: summary.identity.phoneCountry,
    signupCountry: summary.identity.signupNet?.country ?? null,
    ipCountries: summary.ipCountries,
    directIpCountries: summary.directIpCountries,
    netClasses: summary.netClasses as Partial<Record<NetClass, number>>,
    hourly: summary.hourly,
    daily: summary.daily,
    languages: summary.languages,
  };
}
