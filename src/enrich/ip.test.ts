import { describe, expect, it } from 'vitest';
import { formatIpv6, maskIpv6, parseIp, parseIpv4, prefixOf } from './ip.js';

describe('IP parsing', () => {
  it('parses IPv4 and rejects what is not', () => {
    expect(parseIpv4('0.0.0.0')).toBe(0);
    expect(parseIpv4('255.255.255.255')).toBe(0xffffffff);
    expect(parseIpv4('203.0.113.7')).toBe(((203 * 256 + 0) * 256 + 113) * 256 + 7);
    for (const bad of ['256.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1..2.3', 'a.b.c.d', '1.2.3.4 ', '']) {
      expect(parseIpv4(bad)).toBe(-1);
    }
  });

  it('parses IPv6 forms: full, compressed, embedded IPv4, zone, brackets', () => {
    const words = (text: string) => {
      const ip = parseIp(text);
      return ip?.version === 6 ? Array.from(ip.words) : ip;
    };
    expect(words('2001:db8::1')).toEqual([0x20010db8, 0, 0, 1]);
    expect(words('2001:0db8:0000:0000:0000:0000:0000:0001')).toEqual([0x20010db8, 0, 0, 1]);
    expect(words('::1')).toEqual([0, 0, 0, 1]);
    expect(words('fe80::1%eth0')).toEqual([0xfe800000, 0, 0, 1]);
    expect(words('[2001:db8::1]')).toEqual([0x20010db8, 0, 0, 1]);
    expect(words('64:ff9b::192.0.2.33')).toEqual([0x0064ff9b, 0, 0, 0xc0000221]);
    expect(parseIp('::ffff:192.0.2.1')).toEqual({ version: 4, v4: 0xc0000201 });
    for (const bad of [
      '2001:db8:::1',
      '2001:db8::1::2',
      '12345::',
      '1:2:3:4:5:6:7',
      ':1',
      '1:',
      'g::1',
      'hello',
    ]) {
      expect(parseIp(bad)).toBeNull();
    }
  });

  it('formats IPv6 canonically', () => {
    expect(formatIpv6([0x20010db8, 0, 0, 1])).toBe('2001:db8::1');
    expect(formatIpv6([0, 0, 0, 0])).toBe('::');
    expect(formatIpv6([0x20010db8, 0x00010000, 0, 0])).toBe('2001:db8:1::');
    expect(formatIpv6(maskIpv6([0x20010db8, 0x12345678, 9, 9], 48))).toBe('2001:db8:1234::');
  });

  it('makes prefix keys: IPv4 /24 and IPv6 /48 by default, configurable', () => {
    expect(prefixOf('203.0.113.77')).toBe('203.0.113.0/24');
    expect(prefixOf('203.0.113.77', 16)).toBe('203.0.0.0/16');
    expect(prefixOf('2001:db8:abcd:12::5')).toBe('2001:db8:abcd::/48');
    expect(prefixOf('2001:db8:abcd:12::5', 24, 64)).toBe('2001:db8:abcd:12::/64');
    expect(prefixOf('::ffff:10.1.2.3')).toBe('10.1.2.0/24');
    expect(prefixOf('nonsense')).toBeNull();
  });
});
