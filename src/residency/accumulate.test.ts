import { describe, expect, it } from 'vitest';
import type { Exchange, NetInfo } from '../core/types.js';
import {
  accumulateAccountEvent,
  accumulateExchange,
  createResidencyBook,
  emptyResidencyInput,
} from './accumulate.js';

const net = (country: string, netClass: NetInfo['class']): NetInfo => ({
  country,
  asn: 1,
  asOrg: 'x',
  class: netClass,
  prefix: null,
});

describe('residency accumulation', () => {
  it('counts hours, days, countries (all and direct), classes and languages per exchange', () => {
    const input = emptyResidencyInput('a1');
    accumulateExchange(input, { ts: Date.parse('2026-05-01T09:30:00Z') }, net('US', 'isp'), 'en');
    accumulateExchange(input, { ts: Date.parse('2026-05-01T09:45:00Z') }, net('NL', 'vpn'), 'und');
    accumulateExchange(input, { ts: Date.parse('2026-05-02T23:10:00Z') }, null, 'zh');
    expect(input.hourly[9]).toBe(2);
    expect(input.hourly[23]).toBe(1);
    expect(input.daily).toEqual({ '2026-05-01': 2, '2026-05-02': 1 });
    expect(input.ipCountries).toEqual({ US: 1, NL: 1 });
    expect(input.directIpCountries).toEqual({ US: 1 });
    expect(input.netClasses).toEqual({ isp: 1, vpn: 1 });
    expect(input.languages).toEqual({ en: 1, zh: 1 });
  });

  it('keeps only the most recent days', () => {
    const input = emptyResidencyInput('a1');
    for (let d = 0; d < 10; d++)
      accumulateExchange(input, { ts: Date.parse('2026-01-01T12:00:00Z') + d * 86_400_000 }, null, null, 5);
    expect(Object.keys(input.daily).sort()).toEqual([
      '2026-01-06',
      '2026-01-07',
      '2026-01-08',
      '2026-01-09',
      '2026-01-10',
    ]);
    expect(input.hourly[12]).toBe(10);
  });

  it('takes identity facts from account events, latest value wins, ignoring malformed codes', () => {
    const input = emptyResidencyInput('a1');
    accumulateAccountEvent(
      input,
      { kind: 'signup', declaredCountry: 'us', phoneCountry: 'US', signupIp: '1.2.3.4' },
      net('DE', 'isp'),
    );
    accumulateAccountEvent(input, { kind: 'payment', cardCountry: 'GB' });
    accumulateAccountEvent(input, { kind: 'profile', declaredCountry: 'Germany' });
    expect(input).toMatchObject({
      declaredCountry: 'US',
      phoneCountry: 'US',
      cardCountry: 'GB',
      signupCountry: 'DE',
    });
  });

  it('builds per-account facts for a whole log through a book', () => {
    const seen: string[] = [];
    const book = createResidencyBook(
      (ip) => {
        seen.push(ip ?? '');
        return net('FR', 'isp');
      },
      (ex) => (ex.prompt?.startsWith('Bonjour') ? 'fr' : 'und'),
    );
    book.addAccountEvent({
      ts: 0,
      account: 'a',
      kind: 'signup',
      declaredCountry: 'FR',
      signupIp: '192.0.2.1',
    });
    const ex = (account: string, ip?: string): Exchange => ({
      id: `${account}${ip}`,
      ts: Date.parse('2026-03-03T10:00:00Z'),
      account,
      ip,
      prompt: 'Bonjour',
    });
    book.addExchange(ex('a', '192.0.2.2'));
    book.addExchange(ex('b'));
    expect([...book.accounts.keys()]).toEqual(['a', 'b']);
    expect(book.accounts.get('a')).toMatchObject({
      declaredCountry: 'FR',
      signupCountry: 'FR',
      ipCountries: { FR: 1 },
      languages: { fr: 1 },
    });
    expect(book.accounts.get('b')?.netClasses).toEqual({});
    expect(seen).toEqual(['192.0.2.1', '192.0.2.2']);
  });
});
