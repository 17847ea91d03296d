/**
 * Reference baseline 2: the classic fraud rule "datacenter IP or throwaway email".
 * Flags an account at its first exchange from a hosting, VPN, Tor or relay address, or at its
 * first account event (normally the sign-up) whose email domain is disposable.
 * Why it is here: DESIGN.md section 5. Blatant campaigns from cloud servers trip it, but operators
 * who rent residential proxies and real webmail addresses walk past it, while honest users on
 * VPNs, iCloud Private Relay, or scripted pipelines on cloud hosts are flagged. If it scores well
 * on a standard scenario, the scenario is too easy.
 *
 * Risk of an account: 1 with a disposable email domain, else the share of its exchanges from the
 * flagged address classes (0 when never flagged), so `eval` can rank accounts by it.
 * Memory: per account a tally, a few counters and its last address and class (a one-entry cache:
 * most accounts reuse an address, so most exchanges skip the lookup).
 */
import { PROXY_NET_CLASSES } from '../core/net.js';
import type { AccountEvent, Exchange, NetClass } from '../core/types.js';
import {
  type AccountTally,
  type BaselineResult,
  countExchange,
  emptyTally,
  firstFlagged,
  flagAt,
  toResult,
} from './common.js';

/** What the baseline needs of the enrichment module (`createEnricher()` from src/enrich fits). */
export interface NetworkClassifier {
  ip(address: string): { class: NetClass };
  emailDomain(domain: string): string;
}

/** Address classes that flag an account. */
export const FLAGGED_NET_CLASSES: readonly NetClass[] = PROXY_NET_CLASSES;

interface AccountNet {
  tally: AccountTally;
  suspicious: number;
  disposable: boolean;
  lastIp: string | null;
  lastClass: NetClass;
}

/** A network baseline run in progress: feed account events and exchanges, then `finish`. */
export interface NetworkDetector {
  addAccounts(batch: readonly AccountEvent[]): void;
  add(batch: readonly Exchange[]): void;
  finish(): BaselineResult;
}

/** Starts a network baseline run with an address and email-domain classifier. */
export function createNetworkDetector(classifier: NetworkClassifier): NetworkDetector {
  const flaggedClasses = new Set<NetClass>(FLAGGED_NET_CLASSES);
  const accounts = new Map<string, AccountNet>();
  const firstReason = new Map<string, string>();

  function entry(account: string): AccountNet {
    let state = accounts.get(account);
    if (state === undefined) {
      state = { tally: emptyTally(), suspicious: 0, disposable: false, lastIp: null, lastClass: 'unknown' };
      accounts.set(account, state);
    }
    return state;
  }

  function flag(account: string, state: AccountNet, ts: number, reason: string): void {
    const before = state.tally.flaggedAt;
    flagAt(state.tally, ts);
    if (before === null || ts < before) firstReason.set(account, reason);
  }

  return {
    addAccounts(batch) {
      for (const event of batch) {
        const state = entry(event.account);
        if (event.emailDomain && classifier.emailDomain(event.emailDomain.toLowerCase()) === 'disposable') {
          state.disposable = true;
          flag(event.account, state, event.ts, 'disposable-email');
        }
      }
    },
    add(batch) {
      for (const exchange of batch) {
        const state = entry(exchange.account);
        countExchange(state.tally, exchange.ts);
        if (!exchange.ip) continue;
        if (exchange.ip !== state.lastIp) {
          state.lastIp = exchange.ip;
          state.lastClass = classifier.ip(exchange.ip).class;
        }
        if (flaggedClasses.has(state.lastClass)) {
          state.suspicious++;
          flag(exchange.account, state, exchange.ts, `${state.lastClass}-ip`);
        }
      }
    },
    finish() {
      const tallies = new Map<string, AccountTally>();
      for (const [account, state] of accounts) {
        state.tally.risk = state.disposable
          ? 1
          : state.tally.exchanges === 0
            ? 0
            : state.suspicious / state.tally.exchanges;
        tallies.set(account, state.tally);
      }
      const reasons: Record<string, number> = {};
      for (const reason of firstReason.values()) reasons[reason] = (reasons[reason] ?? 0) + 1;
      const flagged = firstReason.size;
      return toResult(tallies, 'network', [
        {
          kind: 'network-rule',
          weight: 1,
          summary: `${flagged} account(s) used a ${FLAGGED_NET_CLASSES.join('/')} address or a disposable email domain`,
          facts: {
            classes: FLAGGED_NET_CLASSES,
            accounts: flagged,
            byFirstReason: reasons,
            firstFlagged: firstFlagged(tallies),
          },
        },
      ]);
    },
  };
}
