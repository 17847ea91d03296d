/**
 * Per-account accumulation of the compact facts a residency verdict reads (`ResidencyInput`),
 * one event at a time. Exchanges add their UTC hour and day, the country and class of their
 * address, and their language; account events set the declared, card, phone and sign-up
 * countries. Each call touches one account's state only, so it partitions by account.
 */
import { isProxyClass } from '../core/net.js';
import type { AccountEvent, Exchange, NetInfo, ResidencyInput } from '../core/types.js';

/** Days of daily counts kept per account (the most recent ones). */
export const DEFAULT_MAX_DAYS = 120;

/** A fresh, empty ResidencyInput for an account. */
export function emptyResidencyInput(account: string): ResidencyInput {
  return {
    account,
    declaredCountry: null,
    cardCountry: null,
    phoneCountry: null,
    signupCountry: null,
    ipCountries: {},
    directIpCountries: {},
    netClasses: {},
    hourly: new Array<number>(24).fill(0),
    daily: {},
    languages: {},
  };
}

function bump(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

/**
 * Adds one exchange (already enriched: `net` is the enricher's answer for its address,
 * `language` its prompt language or undefined) to the account's facts, in place; returns them.
 */
export function accumulateExchange(
  input: ResidencyInput,
  exchange: Pick<Exchange, 'ts'>,
  net: NetInfo | null,
  language?: string | null,
  maxDays = DEFAULT_MAX_DAYS,
): ResidencyInput {
  if (Number.isFinite(exchange.ts)) {
    const date = new Date(exchange.ts);
    input.hourly[date.getUTCHours()]++;
    const day = date.toISOString().slice(0, 10);
    if (input.daily[day] === undefined) {
      input.daily[day] = 0;
      const days = Object.keys(input.daily);
      if (days.length > maxDays) {
        days.sort();
        for (const old of days.slice(0, days.length - maxDays)) delete input.daily[old];
      }
    }
    if (input.daily[day] !== undefined) input.daily[day]++;
  }
  if (net) {
    input.netClasses[net.class] = (input.netClasses[net.class] ?? 0) + 1;
    if (net.country) {
      bump(input.ipCountries, net.country);
      if (!isProxyClass(net.class)) {
        input.directIpCountries ??= {};
        bump(input.directIpCountries, net.country);
      }
    }
  }
  if (language && language !== 'und') bump(input.languages, language);
  return input;
}

/** Applies an account event's identity facts (latest value wins), in place; returns the facts. */
export function accumulateAccountEvent(
  input: ResidencyInput,
  event: Pick<AccountEvent, 'declaredCountry' | 'cardCountry' | 'phoneCountry' | 'signupIp' | 'kind'>,
  signupNet?: NetInfo | null,
): ResidencyInput {
  const country = (value: string | undefined) =>
    value && /^[A-Za-z]{2}$/.test(value) ? value.toUpperCase() : null;
  input.declaredCountry = country(event.declaredCountry) ?? input.declaredCountry;
  input.cardCountry = country(event.cardCountry) ?? input.cardCountry;
  input.phoneCountry = country(event.phoneCountry) ?? input.phoneCountry;
  if (event.signupIp && signupNet?.country) input.signupCountry = signupNet.country;
  return input;
}

/** Where an exchange's language comes from: its fingerprint, else a guess from its prompt. */
export type LanguageOf = (exchange: Exchange) => string | null | undefined;

/** Per-account ResidencyInput for a whole log: feed events in any order, read the facts at the end. */
export interface ResidencyBook {
  addExchange(exchange: Exchange): void;
  addAccountEvent(event: AccountEvent): void;
  /** Every account seen, by id (exchanges or events). */
  readonly accounts: Map<string, ResidencyInput>;
}

/** A book that enriches addresses with `netOf` (an Enricher's `ip`) and reads languages with `languageOf`. */
export function createResidencyBook(
  netOf: (address: string | undefined) => NetInfo,
  languageOf: LanguageOf,
  maxDays = DEFAULT_MAX_DAYS,
): ResidencyBook {
  const accounts = new Map<string, ResidencyInput>();
  const get = (account: string) => {
    let input = accounts.get(account);
    if (input === undefined) {
      input = emptyResidencyInput(account);
      accounts.set(account, input);
    }
    return input;
  };
  return {
    accounts,
    addExchange(exchange) {
      accumulateExchange(
        get(exchange.account),
        exchange,
        exchange.ip ? netOf(exchange.ip) : null,
        languageOf(exchange),
        maxDays,
      );
    },
    addAccountEvent(event) {
      accumulateAccountEvent(get(event.account), event, event.signupIp ? netOf(event.signupIp) : null);
    },
  };
}
