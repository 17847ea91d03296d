/** The simulator's address ranges: every ASN it names exists in @ip-location-db with fitting ranges. */
import { describe, expect, it } from 'vitest';
import { allWorldAsns, COUNTRIES, HOSTING_ASNS, UNIVERSITIES, VPN_ASNS } from './geo.js';
import { formatV6, ipPicker, loadNetDb, lookupV4, parseV4, pickV6 } from './net.js';
import { createRng } from './rng.js';

describe('net', () => {
  const db = loadNetDb(allWorldAsns());

  it('finds IPv4 ranges for every ASN the world uses', () => {
    for (const asn of allWorldAsns())
      expect(db.pools.get(asn)?.v4.length ?? 0, `AS${asn}`).toBeGreaterThan(0);
  });

  it('has residential ranges inside each country for its ISPs', () => {
    for (const c of Object.values(COUNTRIES)) {
      const inCountry = c.isps.some((asn) => (db.pools.get(asn)?.byCountry.get(c.code)?.length ?? 0) > 0);
      expect(inCountry, c.code).toBe(true);
    }
  });

  it('picks addresses that map back to the chosen ASN and country', () => {
    const rng = createRng(1);
    const pick = ipPicker(db, COUNTRIES.DE.isps, 'DE');
    for (let i = 0; i < 200; i++) {
      const ip = pick(rng);
      const net = lookupV4(db, ip);
      expect(COUNTRIES.DE.isps).toContain(net?.asn);
      expect(net?.country).toBe('DE');
    }
    const hosting = ipPicker(db, HOSTING_ASNS, 'SG');
    expect(lookupV4(db, hosting(rng))?.country).toBe('SG');
    const uni = ipPicker(db, [UNIVERSITIES[0].asn]);
    expect(lookupV4(db, uni(rng))?.asn).toBe(UNIVERSITIES[0].asn);
    expect(lookupV4(db, ipPicker(db, VPN_ASNS)(rng))?.org).toBeTruthy();
  });

  it('formats and parses addresses', () => {
    expect(parseV4('1.2.3.4')).toBe(16909060);
    expect(Number.isNaN(parseV4('1.2.3'))).toBe(true);
    expect(formatV6(0x20010db8000000000000000000000001n)).toBe('2001:db8::1');
    expect(formatV6(0n)).toBe('::');
    const v6 = pickV6(db, createRng(2), COUNTRIES.US.isps);
    expect(v6).toContain(':');
  });
});
