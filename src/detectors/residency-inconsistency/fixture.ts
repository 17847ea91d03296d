/** Fixture: accounts with inconsistent residency verdicts versus VPN users judged consistent. */
import { makeMany } from '../fixture-kit.js';

export const suspicious = makeMany('op', 6, () => ({ identity: { declaredCountry: 'US' } }));
export const benignLookAlike = makeMany('vpn', 6, () => ({
  identity: { declaredCountry: 'DE' },
  netClasses: { vpn: 50 },
}));
export const verdicts: Record<string, 'consistent' | 'inconsistent' | 'unknown'> = {
  ...Object.fromEntries(suspicious.map((s, i) => [s.account, i < 5 ? 'inconsistent' : 'unknown'])),
  ...Object.fromEntries(benignLookAlike.map((s) => [s.account, 'consistent'])),
};
