/**
 * The realism of each persona and tactic, asserted as the properties that define them, on the
 * `small` preset (7 days). Also: the hard negatives cost naive rules false positives, and campaign
 * accounts carry no constant marker (ids, user agents, email domains look like everyone else's).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { localHour, MOBILE_ASNS, RELAY_ASNS } from './geo.js';
import {
  HOSTING_ASNS,
  lookupV4,
  type MemoryWorld,
  simulateToMemory,
  UNIVERSITIES,
  VPN_ASNS,
} from './index.js';
import type { SimAccount } from './world.js';

type Ex = Record<string, unknown> & { ts: string; account: string; prompt: string; ip: string };
type Ev = Record<string, unknown> & { ts: string; account: string; kind: string };

let w: MemoryWorld;
let byAccount: Map<string, Ex[]>;
let signups: Map<string, Ev>;
const ms = (ts: string) => Date.parse(ts);

const of = (persona: string, tactic?: string) =>
  w.world.accounts.filter((a) => a.persona === persona && (tactic === undefined || a.tactic === tactic));
const exOf = (accounts: SimAccount[]) => accounts.flatMap((a) => byAccount.get(a.id) ?? []);
const campaignOf = (id: string) =>
  w.world.accounts.filter((a) => a.campaign >= 0 && w.world.campaigns[a.campaign].spec.id === id);
const netOf = (ip: string) => lookupV4(w.world.db, ip);
const share = <T>(xs: T[], p: (x: T) => boolean) => xs.filter(p).length / Math.max(1, xs.length);
const addTo = (map: Map<string, Set<string>>, key: string, value: string) => {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(value);
};
const pearson = (x: Float64Array, y: Float64Array) => {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] / n;
    my += y[i] / n;
  }
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
};
const activeDays = (xs: Ex[]) => new Set(xs.map((e) => e.ts.slice(0, 10))).size;

beforeAll(async () => {
  w = await simulateToMemory({ preset: 'small', seed: 3 });
  byAccount = new Map();
  for (const e of w.exchanges as Ex[]) {
    let list = byAccount.get(e.account);
    if (!list) {
      list = [];
      byAccount.set(e.account, list);
    }
    list.push(e);
  }
  signups = new Map((w.accountEvents as Ev[]).filter((e) => e.kind === 'signup').map((e) => [e.account, e]));
});

describe('the small world', () => {
  it('has every persona and tactic, 500-1000 benign accounts and 50-150k exchanges', () => {
    const personas = new Set(Object.values(w.labels.accounts).map((l) => l.persona));
    for (const p of [
      'casual',
      'developer',
      'student',
      'enterprise-pipeline',
      'benchmark-runner',
      'agent-developer',
      'vpn-user',
      'synthetic-data',
      'campaign',
    ])
      expect(personas).toContain(p);
    const tactics = new Set(w.labels.campaigns.flatMap((c) => c.tactics));
    for (const t of [
      'blatant',
      'low-and-slow',
      'residential-proxy',
      'camouflaged',
      'hydra',
      'paraphrase',
      'translate',
      'cot-wrapper',
      'rubric-grading',
      'instruction-generation',
      'sampling-sweep',
      'model-pivot',
      'account-aging',
      'education-route',
      'startup-route',
    ])
      expect(tactics).toContain(t);
    const benign = Object.values(w.labels.accounts).filter((l) => !l.isAttack).length;
    expect(benign).toBeGreaterThanOrEqual(500);
    expect(benign).toBeLessThanOrEqual(1000);
    expect(w.exchanges.length).toBeGreaterThan(50_000);
    expect(w.exchanges.length).toBeLessThan(150_000);
    expect(w.labels.campaigns.length).toBeGreaterThanOrEqual(2);
  });

  it('marks nobody by id, org, user agent or email domain', () => {
    for (const id of Object.keys(w.labels.accounts)) expect(id).toMatch(/^acct_[a-z2-7]{16}$/);
    // Client software is drawn from the same distribution: every attack UA family is also benign.
    const family = (ua: unknown) => String(ua).split(/[/ ]/)[0];
    const benign = exOf(w.world.accounts.filter((a) => a.campaign < 0));
    const benignUas = new Set(benign.map((e) => e.userAgent));
    const benignFamilies = new Set(benign.map((e) => family(e.userAgent)));
    const attack = exOf(w.world.accounts.filter((a) => a.campaign >= 0));
    expect(share(attack, (e) => benignFamilies.has(family(e.userAgent)))).toBe(1);
    expect(share(attack, (e) => benignUas.has(e.userAgent))).toBeGreaterThan(0.5);
    expect(share(attack, (e) => e.org !== undefined)).toBe(0);
    // Sampling settings come from the benign menus: no value is a campaign constant.
    for (const field of ['maxTokens', 'temperature', 'topP', 'logprobs']) {
      const seen = new Set(benign.map((e) => e[field]));
      const foreign = new Set(attack.map((e) => e[field]).filter((v) => v !== undefined && !seen.has(v)));
      expect([...foreign], field).toEqual([]);
    }
    const benignDomains = new Set(
      w.world.accounts.filter((a) => a.campaign < 0).map((a) => signups.get(a.id)?.emailDomain),
    );
    const attackSignups = w.world.accounts.filter((a) => a.campaign >= 0).map((a) => signups.get(a.id)!);
    expect(share(attackSignups, (s) => benignDomains.has(s.emailDomain))).toBeGreaterThan(0.5);
    // Sign-up facts too: every route, phone country and local-part shape also occurs in benign sign-ups.
    for (const field of ['route', 'phoneCountry', 'cardCountry', 'emailLocalShape']) {
      const benignValues = new Set(
        (w.accountEvents as Ev[]).filter((e) => !w.labels.accounts[e.account].isAttack).map((e) => e[field]),
      );
      const foreign = attackSignups
        .map((e) => e[field])
        .filter((v) => v !== undefined && !benignValues.has(v));
      expect(foreign.length / attackSignups.length, field).toBeLessThan(0.1);
    }
  });

  it('uses real addresses: IPv4 from the ASN database, some IPv6', () => {
    const sample = (w.exchanges as Ex[]).filter((_, i) => i % 97 === 0);
    const v4 = sample.filter((e) => !e.ip.includes(':'));
    expect(share(v4, (e) => netOf(e.ip) !== null)).toBe(1);
    expect(sample.some((e) => e.ip.includes(':'))).toBe(true);
  });
});

describe('benign personas', () => {
  it('casual users follow a diurnal rhythm in their own time zone and come in sessions', () => {
    const casual = of('casual');
    const xs = casual.flatMap((a) => (byAccount.get(a.id) ?? []).map((e) => localHour(ms(e.ts), a.offset)));
    const night = share(xs, (h) => h >= 1 && h < 6);
    const day = share(xs, (h) => h >= 9 && h < 21);
    expect(night).toBeLessThan(0.08);
    expect(day).toBeGreaterThan(0.6);
    const multi = share(exOf(casual), (e) => (e.turns as number) > 1);
    expect(multi).toBeGreaterThan(0.3);
  });

  it('casual phones share carrier-grade NAT addresses; some Apple users come through a privacy relay', () => {
    const xs = exOf(of('casual')).filter((e) => !e.ip.includes(':'));
    const mobile = Object.values(MOBILE_ASNS).flat();
    const perIp = new Map<string, Set<string>>();
    for (const e of xs) if (mobile.includes(netOf(e.ip)?.asn ?? -1)) addTo(perIp, e.ip, e.account);
    expect(Math.max(0, ...[...perIp.values()].map((v) => v.size))).toBeGreaterThanOrEqual(5);
    expect(xs.some((e) => RELAY_ASNS.includes(netOf(e.ip)?.asn ?? -1))).toBe(true);
  });

  it('developers work weekdays more than weekends (weekly cycle)', () => {
    const dev = of('developer');
    const days = exOf(dev).map((e) => new Date(ms(e.ts)).getUTCDay());
    const weekday = days.filter((d) => d >= 1 && d <= 5).length / 5;
    const weekend = days.filter((d) => d === 0 || d === 6).length / 2;
    expect(weekday).toBeGreaterThan(1.8 * weekend);
  });

  it('university NAT: hundreds of students on a few IPs, academic domains, step-by-step homework', () => {
    const students = of('student');
    const ipAccounts = new Map<string, Set<string>>();
    for (const e of exOf(students)) {
      addTo(ipAccounts, e.ip, e.account);
    }
    const crowded = [...ipAccounts.values()].filter((s) => s.size >= 50);
    expect(crowded.length).toBeGreaterThanOrEqual(2);
    expect(ipAccounts.size).toBeLessThanOrEqual(4 * 4);
    const uniDomains = new Set(UNIVERSITIES.map((u) => u.studentDomain));
    expect(share(students, (a) => uniDomains.has(signups.get(a.id)!.emailDomain as string))).toBe(1);
    const stepwise =
      /step by step|steps|Schritt für Schritt|단계별|一步一步|步骤|étape par étape|paso a paso|ステップ|по шагам|show your work/i;
    expect(share(exOf(students), (e) => stepwise.test(e.prompt))).toBeGreaterThan(0.3);
    const asns = new Set(exOf(students).map((e) => netOf(e.ip)?.asn));
    for (const asn of asns) expect(UNIVERSITIES.map((u) => u.asn)).toContain(asn);
  });

  it('enterprise pipelines: one org, many keys, one template, hosting ASNs, all 24 hours', () => {
    const pipes = of('enterprise-pipeline');
    const orgs = new Map<string, SimAccount[]>();
    for (const a of pipes) orgs.set(a.org!, [...(orgs.get(a.org!) ?? []), a]);
    for (const [, members] of orgs) {
      expect(members.length).toBeGreaterThanOrEqual(3);
      const xs = exOf(members);
      const keys = new Set(xs.map((e) => e.apiKey));
      expect(keys.size).toBeGreaterThanOrEqual(2 * members.length);
      // The template skeleton: quoted material and numbers masked, the head kept.
      const skeleton = (p: string) =>
        p
          .replace(/"[^"]*"/g, '""')
          .replace(/\d+/g, '0')
          .slice(0, 40);
      const heads = new Map<string, number>();
      for (const e of xs) heads.set(skeleton(e.prompt), (heads.get(skeleton(e.prompt)) ?? 0) + 1);
      const top = Math.max(...heads.values());
      expect(top / xs.length).toBeGreaterThan(0.3);
      expect(share(xs, (e) => HOSTING_ASNS.includes(netOf(e.ip)?.asn ?? -1))).toBe(1);
      expect(new Set(xs.map((e) => new Date(ms(e.ts)).getUTCHours())).size).toBe(24);
      expect(share(xs, (e) => e.temperature === 0)).toBe(1);
    }
  });

  it('benchmark runners: temperature 0, sequential, the same items verbatim across independent labs', () => {
    const runners = of('benchmark-runner');
    const xs = exOf(runners);
    expect(share(xs, (e) => e.temperature === 0)).toBe(1);
    const labsOfItem = new Map<string, Set<string>>();
    for (const e of xs) {
      const lab = (e.org as string | undefined) ?? `ip:${e.ip}`;
      addTo(labsOfItem, e.prompt, lab);
    }
    expect([...labsOfItem.values()].filter((s) => s.size >= 2).length).toBeGreaterThan(50);
    const gaps: number[] = [];
    for (const a of runners) {
      const ts = (byAccount.get(a.id) ?? []).map((e) => ms(e.ts));
      for (let i = 1; i < ts.length; i++) gaps.push(ts[i] - ts[i - 1]);
    }
    gaps.sort((x, y) => x - y);
    expect(gaps[Math.floor(gaps.length / 2)]).toBeLessThan(10_000);
  });

  it('agent developers declare tools and hold multi-turn conversations', () => {
    const xs = exOf(of('agent-developer'));
    expect(share(xs, (e) => Array.isArray(e.tools) && (e.tools as unknown[]).length > 0)).toBeGreaterThan(
      0.9,
    );
    expect(Math.max(...xs.map((e) => e.turns as number))).toBeGreaterThanOrEqual(4);
  });

  it('VPN users exit from VPN networks, often in another country than declared', () => {
    const vpn = of('vpn-user');
    const xs = exOf(vpn).filter((e) => !e.ip.includes(':'));
    expect(share(xs, (e) => VPN_ASNS.includes(netOf(e.ip)?.asn ?? -1))).toBeGreaterThan(0.95);
    const mismatch = share(xs, (e) => netOf(e.ip)?.country !== signups.get(e.account)?.declaredCountry);
    expect(mismatch).toBeGreaterThan(0.5);
  });

  it('verified synthetic-data enterprise: one org, instruction-generation prompts, high volume', () => {
    const synth = of('synthetic-data');
    expect(new Set(synth.map((a) => a.org)).size).toBe(1);
    expect(
      synth.every((a) =>
        (w.accountEvents as Ev[]).some((e) => e.account === a.id && e.kind === 'verification'),
      ),
    ).toBe(true);
    const xs = exOf(synth);
    expect(
      share(xs, (e) =>
        /\b(generate|write|create|produce|list|paraphrases?)\b.*\b\d+\b|\b\d+\b.*(tasks|instructions|questions|dialogues|scenarios|paraphrases)/i.test(
          e.prompt,
        ),
      ),
    ).toBeGreaterThan(0.8);
    const perDay = xs.length / synth.length / 7;
    const casualPerDay = exOf(of('casual')).length / of('casual').length / 7;
    expect(perDay).toBeGreaterThan(20 * casualPerDay);
  });
});

describe('campaign tactics', () => {
  it('blatant: hosting IPs and payment instruments shared across accounts, rides rate limits', () => {
    const blatant = of('campaign', 'blatant');
    const xs = exOf(blatant).filter((e) => netOf(e.ip)?.country !== 'CN');
    expect(share(xs, (e) => HOSTING_ASNS.includes(netOf(e.ip)?.asn ?? -1))).toBeGreaterThan(0.95);
    const ids = new Set(blatant.map((a) => a.id));
    const payments = (w.accountEvents as Ev[]).filter((e) => e.paymentFingerprint && ids.has(e.account));
    const perCard = new Map<string, number>();
    for (const p of payments)
      perCard.set(p.paymentFingerprint as string, (perCard.get(p.paymentFingerprint as string) ?? 0) + 1);
    expect(Math.max(...perCard.values())).toBeGreaterThanOrEqual(5);
    expect(share(xs, (e) => e.status === 429)).toBeGreaterThan(0.03);
  });

  it('low-and-slow: a few dozen calls per account-day, diurnal peak in the declared country', () => {
    const slow = of('campaign', 'low-and-slow');
    const rates = slow.map(
      (a) => (byAccount.get(a.id) ?? []).length / Math.max(1, activeDays(byAccount.get(a.id) ?? [])),
    );
    rates.sort((x, y) => x - y);
    expect(rates[Math.floor(rates.length / 2)]).toBeLessThan(36);
    for (const a of slow) expect(a.offset).not.toBe(8);
    const hours = slow.flatMap((a) => {
      const declared = signups.get(a.id)!.declaredCountry as string;
      expect(declared).not.toBe('CN');
      return (byAccount.get(a.id) ?? []).map((e) => localHour(ms(e.ts), a.offset));
    });
    expect(share(hours, (h) => h >= 1 && h < 6)).toBeLessThan(0.08);
  });

  it('residency mismatch: non-mimicking campaigns declare abroad but keep a UTC+8 clock', () => {
    const blatant = of('campaign', 'blatant');
    const xs = exOf(blatant);
    const cnNight = share(xs, (e) => {
      const h = localHour(ms(e.ts), 8);
      return h >= 1 && h < 7;
    });
    const usNight = share(xs, (e) => {
      const h = localHour(ms(e.ts), -5);
      return h >= 1 && h < 7;
    });
    expect(cnNight).toBeLessThan(usNight / 2);
    expect(share(blatant, (a) => signups.get(a.id)!.declaredCountry !== 'CN')).toBe(1);
    expect(xs.some((e) => netOf(e.ip)?.country === 'CN')).toBe(true);
  });

  it('residential proxies: many prefixes of residential ISPs in the declared country', () => {
    const proxied = of('campaign', 'residential-proxy');
    for (const a of proxied.slice(0, 10)) {
      const xs = byAccount.get(a.id) ?? [];
      if (xs.length < 30) continue;
      const prefixes = new Set(xs.map((e) => e.ip.split('.').slice(0, 3).join('.')));
      expect(prefixes.size).toBeGreaterThan(5);
    }
    const xs = exOf(proxied).filter((e) => netOf(e.ip)?.country !== 'CN');
    expect(share(xs, (e) => !HOSTING_ASNS.includes(netOf(e.ip)?.asn ?? -1))).toBe(1);
  });

  it('camouflaged: reseller accounts mix real customer traffic (many clients, benign prompts)', () => {
    const cam = of('campaign', 'camouflaged');
    const uas = cam.map((a) => new Set((byAccount.get(a.id) ?? []).map((e) => e.userAgent)).size);
    expect(Math.max(...uas)).toBeGreaterThanOrEqual(3);
    const xs = exOf(cam);
    const extraction =
      /step by step|reasoning|Fix this bug|autonomous|rubric|diverse tasks|Score|tools|patch|plan/i;
    const benignLooking = share(xs, (e) => !extraction.test(e.prompt));
    expect(benignLooking).toBeGreaterThan(0.2);
    expect(benignLooking).toBeLessThan(0.8);
  });

  it('hydra: bans come in waves and fresh sign-ups replace the banned accounts', () => {
    const hydra = of('campaign', 'hydra');
    const ids = new Set(hydra.map((a) => a.id));
    const bans = (w.accountEvents as Ev[]).filter((e) => e.kind === 'ban' && ids.has(e.account));
    expect(bans.length).toBeGreaterThanOrEqual(5);
    const fresh = hydra.map((a) => ms(signups.get(a.id)!.ts)).filter((t) => t > w.world.start);
    let replaced = 0;
    for (const b of bans) if (fresh.some((t) => t > ms(b.ts) && t < ms(b.ts) + 24 * 3_600_000)) replaced++;
    expect(replaced / bans.length).toBeGreaterThan(0.8);
    for (const b of bans)
      expect((byAccount.get(b.account) ?? []).every((e) => ms(e.ts) <= ms(b.ts))).toBe(true);
  });

  it('model pivot: about half the traffic moves to the new model within 24 h of release', () => {
    const release = w.world.releaseAt!;
    const xs = exOf(campaignOf('c3'));
    expect(xs.some((e) => ms(e.ts) < release && e.model === 'frontier-pro-5')).toBe(false);
    const day2 = xs.filter(
      (e) => ms(e.ts) >= release + 24 * 3_600_000 && ms(e.ts) < release + 48 * 3_600_000,
    );
    const onNew = share(day2, (e) => e.model === 'frontier-pro-5');
    expect(onNew).toBeGreaterThan(0.4);
    expect(onNew).toBeLessThan(0.6);
    const casualDay2 = exOf(of('casual')).filter(
      (e) => ms(e.ts) >= release + 24 * 3_600_000 && ms(e.ts) < release + 48 * 3_600_000,
    );
    expect(share(casualDay2, (e) => e.model === 'frontier-pro-5')).toBeLessThan(0.25);
  });

  it('sampling sweeps: n > 1, seeds, temperatures and logprobs', () => {
    const xs = exOf(campaignOf('c1'));
    expect(share(xs, (e) => (e.n as number) > 1)).toBeGreaterThan(0.2);
    expect(share(xs, (e) => e.seed !== undefined)).toBeGreaterThan(0.3);
    expect(share(xs, (e) => e.logprobs !== undefined)).toBeGreaterThan(0.2);
    expect(new Set(xs.map((e) => e.temperature)).size).toBeGreaterThanOrEqual(5);
    expect(share(exOf(of('casual')), (e) => (e.n as number) > 1)).toBe(0);
  });

  it('extraction prompts: few templates across many accounts, CoT/rubric/instruction-generation wrappers, several languages', () => {
    const xs = exOf(campaignOf('c2'));
    const scripts = {
      zh: /[\u4e00-\u9fff]/,
      ja: /[\u3040-\u30ff]/,
      ko: /[\uac00-\ud7af]/,
      de: /\b(Schritt|Aufgabe|Erstelle|Ziel)\b/,
      es: /\b(paso|tarea|Objetivo|Crea)\b/i,
      fr: /\b(étape|tâche|Objectif|Élabore)\b/i,
    };
    for (const re of Object.values(scripts)) expect(xs.some((e) => re.test(e.prompt))).toBe(true);
    expect(
      share(xs, (e) =>
        /diverse|varied|new, challenging|realistic user requests|多样|разнообразных|diversas|variées|vielfältige|多様|다양한/i.test(
          e.prompt,
        ),
      ),
    ).toBeGreaterThan(0.05);
    const c1 = exOf(campaignOf('c1'));
    expect(
      share(c1, (e) => /step by step|reasoning|chain of thought|思考|推理|Reason/i.test(e.prompt)),
    ).toBeGreaterThan(0.5);
    expect(share(c1, (e) => /grader|rubric|Score|Rate it|评分|打分/i.test(e.prompt))).toBeGreaterThan(0.05);
    const heads = new Set(xs.map((e) => e.prompt.slice(0, 24)));
    expect(heads.size).toBeLessThan(xs.length / 10);
  });

  it('sign-up bursts and synchronised activity within a campaign cell', () => {
    const gaps = (accounts: SimAccount[]) => {
      const ts = accounts.map((a) => ms(signups.get(a.id)!.ts)).sort((x, y) => x - y);
      const d = ts.slice(1).map((t, i) => t - ts[i]);
      return d.sort((x, y) => x - y)[Math.floor(d.length / 2)];
    };
    const blatant = of('campaign', 'blatant');
    const casual = of('casual').slice(0, blatant.length);
    expect(gaps(blatant)).toBeLessThan(30 * 60_000);
    expect(gaps(casual)).toBeGreaterThan(24 * 3_600_000);
    const hours = Math.ceil((w.world.end - w.world.start) / 3_600_000);
    const vector = (a: SimAccount) => {
      const v = new Float64Array(hours);
      for (const e of byAccount.get(a.id) ?? []) v[Math.floor((ms(e.ts) - w.world.start) / 3_600_000)]++;
      return v;
    };
    const meanCorrelation = (accounts: SimAccount[]) => {
      const vs = accounts.map(vector);
      let sum = 0;
      let n = 0;
      for (let i = 0; i < vs.length; i++)
        for (let j = i + 1; j < vs.length; j++) {
          sum += pearson(vs[i], vs[j]);
          n++;
        }
      return sum / n;
    };
    const developers = of('developer')
      .filter((a) => a.offset === 8 || a.offset === 9)
      .slice(0, 20);
    expect(meanCorrelation(blatant.slice(0, 20))).toBeGreaterThan(meanCorrelation(developers) + 0.1);
  });

  it('account aging and sign-up routes: accounts rest for weeks; education and startup routes used', () => {
    const c2 = campaignOf('c2');
    const aged = c2.filter((a) => {
      const first = (byAccount.get(a.id) ?? [])[0];
      return first && ms(first.ts) - ms(signups.get(a.id)!.ts) > 14 * 86_400_000;
    });
    expect(aged.length / c2.length).toBeGreaterThan(0.7);
    const routes = new Set(c2.map((a) => signups.get(a.id)!.route));
    expect(routes).toContain('education');
    expect(routes).toContain('startup');
  });
});

describe('hard negatives cost naive rules false positives', () => {
  const flaggedBy = (rule: (a: SimAccount, xs: Ex[]) => boolean) => {
    let tp = 0;
    let fp = 0;
    for (const a of w.world.accounts) {
      if (!rule(a, byAccount.get(a.id) ?? [])) continue;
      if (a.campaign >= 0) tp++;
      else fp++;
    }
    return { tp, fp };
  };

  it('"many accounts on one IP" flags students', () => {
    const perIp = new Map<string, Set<string>>();
    for (const e of w.exchanges as Ex[]) {
      addTo(perIp, e.ip, e.account);
    }
    const { tp, fp } = flaggedBy((_, xs) => xs.some((e) => (perIp.get(e.ip)?.size ?? 0) >= 10));
    expect(fp).toBeGreaterThan(tp);
  });

  it('"hosting IP" flags pipelines, labs, agent developers and the synthetic-data enterprise', () => {
    const { tp, fp } = flaggedBy(
      (_, xs) => share(xs, (e) => HOSTING_ASNS.includes(netOf(e.ip)?.asn ?? -1)) > 0.5,
    );
    expect(fp).toBeGreaterThan(20);
    expect(fp).toBeGreaterThan(tp / 3);
  });

  it('"high volume" flags benign automation before campaigns', () => {
    const ranked = [...w.world.accounts].sort(
      (x, y) => (byAccount.get(y.id)?.length ?? 0) - (byAccount.get(x.id)?.length ?? 0),
    );
    const top = ranked.slice(0, 30);
    expect(share(top, (a) => a.campaign < 0)).toBeGreaterThan(0.5);
  });

  it('"lots of step-by-step" flags students', () => {
    const { tp, fp } = flaggedBy(
      (_, xs) => xs.length >= 5 && share(xs, (e) => /step by step/i.test(e.prompt)) > 0.3,
    );
    expect(fp).toBeGreaterThan(tp);
  });
});
