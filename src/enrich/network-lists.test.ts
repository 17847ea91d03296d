/**
 * Classification against public network lists in ../shared/network (X4BNet, ipranges, Tor):
 * the packaged defaults on their own, and the same lists loaded as operator lists.
 * Skipped, with a message, when ../shared is absent (the product does not need it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { NetClass } from '../core/types.js';
import { createEnricher } from './enricher.js';
import { formatIpv4, parseIp } from './ip.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const network = join(resolve(repoRoot, '../shared'), 'network');
const present = existsSync(network);
if (!present)
  console.warn(`network-lists.test: ${network} not found, skipping list-based classification tests`);

/** Up to `n` addresses from a CIDR list (of evenly spaced entries: the address, + 1 inside wider blocks). */
function sample(file: string, n: number): string[] {
  const lines = readFileSync(join(network, file), 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter((l) => l !== '');
  const step = Math.max(1, Math.floor(lines.length / n));
  const out: string[] = [];
  for (let i = 0; i < lines.length && out.length < n; i += step) {
    const ip = parseIp(lines[i].split('/')[0]);
    const bits = lines[i].includes('/') ? Number(lines[i].split('/')[1]) : 32;
    if (ip?.version === 4) out.push(formatIpv4(ip.v4 + (bits < 32 ? 1 : 0)));
    else if (ip) out.push(lines[i].split('/')[0].replace(/::$/, '::1'));
  }
  return out;
}

function share(addresses: string[], classify: (a: string) => NetClass, wanted: NetClass[]): number {
  return addresses.filter((a) => wanted.includes(classify(a))).length / addresses.length;
}

describe.skipIf(!present)('classification on ../shared/network lists', () => {
  const defaults = createEnricher();

  it('the default rules class published cloud ranges as hosting (AWS, Google Cloud, Azure, DigitalOcean, Linode)', () => {
    // Only announced addresses: some published cloud blocks are not in the routing data at all.
    const announced = (addresses: string[]) => addresses.filter((a) => defaults.ip(a).asn !== null);
    for (const provider of ['amazon', 'google', 'microsoft', 'digitalocean', 'linode']) {
      const addresses = announced(sample(`ipranges/${provider}/ipv4_merged.txt`, 80));
      expect(addresses.length, provider).toBeGreaterThan(20);
      expect(
        share(addresses, (a) => defaults.ip(a).class, ['hosting']),
        provider,
      ).toBeGreaterThan(0.9);
    }
    const v6 = announced(sample('ipranges/amazon/ipv6_merged.txt', 80));
    expect(share(v6, (a) => defaults.ip(a).class, ['hosting'])).toBeGreaterThan(0.9);
  });

  it('the default rules do not call datacenter addresses residential ISPs, mostly', () => {
    const addresses = sample('x4bnet-lists_vpn/datacenter-ipv4.txt', 300);
    expect(share(addresses, (a) => defaults.ip(a).class, ['isp', 'mobile'])).toBeLessThan(0.25);
  });

  it('operator lists class Tor exits, VPN exits and iCloud Private Relay egress, overriding the ASN rules', () => {
    const e = createEnricher({
      lists: [
        { class: 'tor', path: join(network, 'tor/tor-exit-nodes.lst') },
        { class: 'relay', path: join(network, 'ipranges/apple-proxy/ipv4_merged.txt') },
        { class: 'relay', path: join(network, 'ipranges/apple-proxy/ipv6_merged.txt') },
        { class: 'vpn', path: join(network, 'x4bnet-lists_vpn/vpn-ipv4.txt') },
        { class: 'vpn', path: join(network, 'ipranges/protonvpn/ipv4.txt') },
        { class: 'hosting', path: join(network, 'x4bnet-lists_vpn/datacenter-ipv4.txt') },
        { class: 'hosting', path: join(network, 'x4bnet-lists_vpn/datacenter-ASN.txt') },
        { class: 'hosting', path: join(network, 'bad-asn-list/bad-asn-list.csv') },
        { class: 'hosting', path: join(network, 'ipcat/datacenters.csv') },
      ],
    });
    e.load();
    const tor = sample('tor/tor-exit-nodes.lst', 100);
    expect(
      share(tor, (a) => e.ip(a).class, ['tor']),
      'tor',
    ).toBe(1);
    const relay = sample('ipranges/apple-proxy/ipv4_merged.txt', 100);
    expect(
      share(relay, (a) => e.ip(a).class, ['relay', 'tor']),
      'relay',
    ).toBe(1);
    const relay6 = sample('ipranges/apple-proxy/ipv6_merged.txt', 100);
    expect(share(relay6, (a) => e.ip(a).class, ['relay'])).toBeGreaterThan(0.95);
    const proton = sample('ipranges/protonvpn/ipv4.txt', 100);
    expect(
      share(proton, (a) => e.ip(a).class, ['vpn', 'tor', 'relay']),
      'protonvpn',
    ).toBe(1);
    const dc = sample('x4bnet-lists_vpn/datacenter-ipv4.txt', 200);
    expect(
      share(dc, (a) => e.ip(a).class, ['hosting', 'vpn', 'tor', 'relay']),
      'datacenter',
    ).toBe(1);
    // Well-known ISP addresses stay isp: the lists do not swallow eyeball networks.
    expect(e.ip('73.158.64.1').class).toBe('isp');
    expect(e.ip('79.192.0.1').class).toBe('isp');
    const files = e.stats().lists;
    expect(files.every((f) => f.entries > 0)).toBe(true);
    expect(files.find((f) => f.path.endsWith('bad-asn-list.csv'))?.entries).toBeGreaterThan(700);
  });
});
