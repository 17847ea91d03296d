/** Residency facts for the campaign engine: the ResidencyInput of an account summary (what src/residency reads). */
import type { AccountSummary, NetClass, ResidencyInput } from '../core/types.js';

/** The residency facts of an account summary. */
export function residencyInputOf(s: AccountSummary): ResidencyInput {
  return {
    account: s.account,
    declaredCountry: s.identity.declaredCountry,
    cardCountry: s.identity.cardCountry,
    phoneCountry: s.identity.phoneCountry,
    signupCountry: s.identity.signupNet?.country ?? null,
    ipCountries: s.ipCountries,
    netClasses: s.netClasses as Partial<Record<NetClass, number>>,
    hourly: s.hourly,
    daily: s.daily,
    languages: s.languages,
  };
}
