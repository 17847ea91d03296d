import { describe, expect, it } from 'vitest';
import { classFromOrg, parseClassList } from './classes.js';

describe('classFromOrg', () => {
  it('reads the kind of network from the organisation name', () => {
    expect(classFromOrg('DigitalOcean, LLC')).toBe('hosting');
    expect(classFromOrg('Hetzner Online GmbH')).toBe('hosting');
    expect(classFromOrg('IDC, China Telecommunications Corporation')).toBe('hosting');
    expect(classFromOrg('Packethub S.A.')).toBe('vpn');
    expect(classFromOrg('Private Internet Access, Inc.')).toBe('vpn');
    expect(classFromOrg('Massachusetts Institute of Technology')).toBe('education');
    expect(classFromOrg('Universidad de Chile')).toBe('education');
    expect(classFromOrg('T-Mobile USA, Inc.')).toBe('mobile');
    expect(classFromOrg('Comcast Cable Communications, LLC')).toBe('isp');
    expect(classFromOrg('Deutsche Telekom AG')).toBe('isp');
    expect(classFromOrg('Google Fiber Inc.')).toBe('isp');
    expect(classFromOrg('Acme Widgets Corp')).toBe('unknown');
    expect(classFromOrg(null)).toBe('unknown');
  });
});

describe('parseClassList', () => {
  it('reads CIDRs, single addresses, ranges and ASNs (bare, AS-prefixed, quoted CSV), skipping headers and junk', () => {
    const text = [
      '# comment line',
      'ASN,Entity',
      '"20248","Take 2 Hosting, Inc."',
      '51447, "RootLayer Web Services Ltd., NL"',
      'AS13335 # Cloudflare',
      '198.51.100.0/24',
      '203.0.113.7',
      '192.0.2.10 - 192.0.2.20',
      '100.64.0.1,100.64.0.9,Some DC,https://example.com',
      '2001:db8::/32',
      'garbage here',
      '',
    ].join('\n');
    const parsed = parseClassList(text, 'hosting', 3);
    expect(parsed.asns).toEqual([20248, 51447, 13335]);
    expect(parsed.v4.map((i) => [i.start, i.end])).toEqual([
      [3325256704n, 3325256959n],
      [3405803783n, 3405803783n],
      [3221225994n, 3221226004n],
      [1681915905n, 1681915913n],
    ]);
    expect(parsed.v6).toHaveLength(1);
    expect(parsed.entries).toBe(8);
    expect(parsed.skipped).toBe(2);
  });
});
