import { describe, expect, it } from 'vitest';
import type { NetClass, NetInfo, ResidencyInput } from '../core/types.js';
import { accumulateAccountEvent, accumulateExchange, emptyResidencyInput } from './accumulate.js';
import { HOLIDAYS_2026 } from './holidays.js';
import { rhythm, rng, shiftedProfile } from './test-support/synthetic.js';
import { type ResidencyPolicy, residencyVerdict as verdictOf } from './verdict.js';

/** The verdict under test (set SHOW=1 to print each one while tuning). */
function residencyVerdict(input: ResidencyInput, policy?: ResidencyPolicy) {
  const v = verdictOf(input, policy);
  if (process.env.SHOW) {
    const evidence = v.evidence.map((e) => `${e.kind}:${e.weight}`).join(' ');
    console.log(
      `VERDICT ${v.verdict} ${v.score} ${v.inferredRegion} ${v.confidence} ${v.restricted} ${evidence}`,
    );
  }
  return v;
}

interface Persona {
  declared?: string;
  card?: string;
  phone?: string;
  /** Segments of life: where the clock is, which network, for how long. */
  segments: {
    offset: number;
    days: number;
    start?: string;
    nets: [string, NetClass, number][];
    profile?: readonly number[];
    off?: string[];
  }[];
  languages?: [string, number][];
  perWorkday?: number;
  seed?: number;
}

function net(country: string, netClass: NetClass): NetInfo {
  return { country, asn: 64500, asOrg: 'test', class: netClass, prefix: '192.0.2.0/24' };
}

/** Builds an account's ResidencyInput through the accumulator, as the pipeline would. */
function build(p: Persona): ResidencyInput {
  const input = emptyResidencyInput('acct');
  accumulateAccountEvent(input, {
    kind: 'signup',
    declaredCountry: p.declared,
    cardCountry: p.card,
    phoneCountry: p.phone,
  });
  const random = rng(p.seed ?? 1);
  let start = Date.parse('2026-03-02T00:00:00Z');
  for (const segment of p.segments) {
    const from = segment.start ?? new Date(start).toISOString().slice(0, 10);
    const times = rhythm({
      offsetHours: segment.offset,
      start: from,
      days: segment.days,
      perWorkday: p.perWorkday ?? 12,
      seed: (p.seed ?? 1) + start,
      profile: segment.profile,
      off: segment.off,
    });
    for (const ts of times) {
      let u = random();
      let chosen = segment.nets[0];
      for (const n of segment.nets) {
        if (u < n[2]) {
          chosen = n;
          break;
        }
        u -= n[2];
      }
      let lang: string | undefined;
      let v = random();
      for (const [l, share] of p.languages ?? [['en', 1]]) {
        if (v < share) {
          lang = l;
          break;
        }
        v -= share;
      }
      accumulateExchange(input, { ts }, net(chosen[0], chosen[1]), lang);
    }
    start = Date.parse(`${from}T00:00:00Z`) + segment.days * 86_400_000;
  }
  return input;
}

const kinds = (v: ReturnType<typeof residencyVerdict>) => v.evidence.map((e) => e.kind);

describe('residencyVerdict: honest accounts', () => {
  it('a US developer on a US ISP, clock and language at home, is consistent', () => {
    const v = residencyVerdict(
      build({ declared: 'US', card: 'US', segments: [{ offset: -5, days: 30, nets: [['US', 'isp', 1]] }] }),
    );
    expect(v.verdict).toBe('consistent');
    expect(v.inferredRegion).toBe('US');
    expect(v.restricted).toBe(false);
    expect(kinds(v)).toContain('residency-clock-home');
  });

  it('a German user is consistent and the evidence carries weights and facts', () => {
    const v = residencyVerdict(
      build({
        declared: 'DE',
        segments: [{ offset: 1, days: 30, nets: [['DE', 'isp', 1]] }],
        languages: [
          ['de', 0.7],
          ['en', 0.3],
        ],
      }),
    );
    expect(v.verdict).toBe('consistent');
    for (const e of v.evidence) {
      expect(typeof e.weight).toBe('number');
      expect(e.summary.length).toBeGreaterThan(10);
      expect(e.facts).toBeDefined();
    }
  });
});

describe('residencyVerdict: benign look-alikes are never inconsistent', () => {
  it('a traveller: three weeks at home in Germany, ten days in the US', () => {
    const v = residencyVerdict(
      build({
        declared: 'DE',
        card: 'DE',
        segments: [
          { offset: 1, days: 21, nets: [['DE', 'isp', 1]] },
          {
            offset: -5,
            days: 10,
            nets: [
              ['US', 'mobile', 0.5],
              ['US', 'isp', 0.5],
            ],
          },
        ],
      }),
    );
    expect(v.verdict).not.toBe('inconsistent');
  });

  it('a traveller who spent a few days in a restricted region: reported, not inconsistent', () => {
    const v = residencyVerdict(
      build({
        declared: 'US',
        card: 'US',
        segments: [
          { offset: -5, days: 27, nets: [['US', 'isp', 1]] },
          { offset: 8, days: 3, nets: [['CN', 'mobile', 1]] },
        ],
      }),
    );
    expect(kinds(v)).toContain('residency-restricted-contact');
    expect(v.verdict).not.toBe('inconsistent');
  });

  it('a long trip: most of the window abroad in a supported country', () => {
    const v = residencyVerdict(
      build({
        declared: 'FR',
        card: 'FR',
        phone: 'FR',
        segments: [
          { offset: 1, days: 8, nets: [['FR', 'isp', 1]] },
          {
            offset: 9,
            days: 25,
            nets: [
              ['JP', 'isp', 0.7],
              ['JP', 'mobile', 0.3],
            ],
          },
        ],
      }),
    );
    expect(v.verdict).not.toBe('inconsistent');
    expect(v.restricted).toBe(false);
  });

  it('a VPN user whose clock matches the declared country', () => {
    const v = residencyVerdict(
      build({
        declared: 'FR',
        card: 'FR',
        segments: [
          {
            offset: 1,
            days: 30,
            nets: [
              ['NL', 'vpn', 0.6],
              ['US', 'vpn', 0.3],
              ['FR', 'isp', 0.1],
            ],
          },
        ],
        languages: [
          ['fr', 0.6],
          ['en', 0.4],
        ],
      }),
    );
    expect(v.verdict).not.toBe('inconsistent');
    expect(kinds(v)).toContain('residency-proxy');
    expect(kinds(v)).toContain('residency-clock-home');
  });

  it('an employee of a multinational behind corporate egress in other countries', () => {
    const v = residencyVerdict(
      build({
        declared: 'GB',
        card: 'US',
        segments: [
          {
            offset: 0,
            days: 30,
            nets: [
              ['US', 'hosting', 0.5],
              ['IE', 'hosting', 0.3],
              ['GB', 'isp', 0.2],
            ],
          },
        ],
      }),
    );
    expect(v.verdict).not.toBe('inconsistent');
  });

  it('a student abroad who declared the home country (India) while studying in the US', () => {
    const v = residencyVerdict(
      build({
        declared: 'IN',
        card: 'IN',
        phone: 'IN',
        segments: [
          {
            offset: -5,
            days: 40,
            nets: [
              ['US', 'education', 0.8],
              ['US', 'isp', 0.2],
            ],
          },
        ],
        languages: [
          ['en', 0.8],
          ['hi', 0.2],
        ],
      }),
    );
    expect(v.verdict).not.toBe('inconsistent');
    expect(v.restricted).toBe(false);
    expect(kinds(v)).toContain('residency-lives-abroad');
  });

  it('a Chinese student in the US who declared the US, with a Chinese card and phone, writing Chinese', () => {
    const v = residencyVerdict(
      build({
        declared: 'US',
        card: 'CN',
        phone: 'CN',
        segments: [{ offset: -5, days: 40, nets: [['US', 'education', 1]] }],
        languages: [
          ['zh', 0.7],
          ['en', 0.3],
        ],
      }),
    );
    expect(v.verdict).not.toBe('inconsistent');
    expect(v.restricted).toBe(false);
  });

  it('a night-shift developer in the US (activity shifted by 12 hours)', () => {
    const v = residencyVerdict(
      build({
        declared: 'US',
        card: 'US',
        phone: 'US',
        segments: [{ offset: -5, days: 30, nets: [['US', 'isp', 1]], profile: shiftedProfile(12) }],
      }),
    );
    expect(v.verdict).not.toBe('inconsistent');
    expect(v.restricted).toBe(false);
    expect(kinds(v)).toContain('residency-clock'); // the clock is reported, but does not decide alone
  });
});

describe('residencyVerdict: concealment is inconsistent', () => {
  it('declared US, served from US cloud hosts, clock in UTC+8, Chinese prompts', () => {
    const v = residencyVerdict(
      build({
        declared: 'US',
        card: 'US',
        segments: [
          {
            offset: 8,
            days: 30,
            nets: [
              ['US', 'hosting', 0.7],
              ['SG', 'hosting', 0.3],
            ],
          },
        ],
        languages: [
          ['zh', 0.8],
          ['en', 0.2],
        ],
      }),
    );
    expect(v.verdict).toBe('inconsistent');
    expect(v.inferredRegion).toBe('CN');
    expect(v.restricted).toBe(true);
    expect(v.score).toBeGreaterThan(0.65);
  });

  it('declared US over US residential proxies, clock in UTC+8, silent through Qingming and Labour Day', () => {
    const off = HOLIDAYS_2026.CN.filter((d) => d >= '2026-04-01' && d <= '2026-05-10');
    const v = residencyVerdict(
      build({
        declared: 'US',
        card: 'US',
        segments: [{ offset: 8, days: 45, start: '2026-03-30', nets: [['US', 'isp', 1]], off }],
        perWorkday: 20,
      }),
    );
    expect(kinds(v)).toContain('residency-holidays');
    expect(v.verdict).toBe('inconsistent');
    expect(v.inferredRegion).toBe('CN');
  });

  it('declared Singapore (same clock as China) behind hosting proxies, with a few direct connections from China leaking', () => {
    const v = residencyVerdict(
      build({
        declared: 'SG',
        card: 'SG',
        segments: [
          {
            offset: 8,
            days: 30,
            nets: [
              ['HK', 'hosting', 0.6],
              ['US', 'hosting', 0.37],
              ['CN', 'isp', 0.03],
            ],
          },
        ],
        perWorkday: 20,
      }),
    );
    expect(kinds(v)).toContain('residency-restricted-leak');
    expect(v.verdict).toBe('inconsistent');
    expect(v.restricted).toBe(true);
    expect(v.inferredRegion).toBe('CN');
  });

  it('the same Singapore account without the leak is not inconsistent: a VPN user whose clock matches', () => {
    const v = residencyVerdict(
      build({
        declared: 'SG',
        card: 'SG',
        segments: [
          {
            offset: 8,
            days: 30,
            nets: [
              ['HK', 'hosting', 0.6],
              ['US', 'hosting', 0.4],
            ],
          },
        ],
        perWorkday: 20,
      }),
    );
    expect(v.verdict).not.toBe('inconsistent');
  });

  it('declared US but connecting directly from China', () => {
    const v = residencyVerdict(
      build({ declared: 'US', segments: [{ offset: 8, days: 20, nets: [['CN', 'isp', 1]] }] }),
    );
    expect(v.verdict).toBe('inconsistent');
    expect(v.restricted).toBe(true);
  });
});

describe('residencyVerdict: policy and thin data', () => {
  it('flags a declared restricted country, and the list is configurable', () => {
    const input = build({ declared: 'RU', segments: [{ offset: 3, days: 20, nets: [['RU', 'isp', 1]] }] });
    expect(residencyVerdict(input).restricted).toBe(true);
    expect(residencyVerdict(input).verdict).toBe('consistent');
    expect(residencyVerdict(input, { restricted: ['IR'] }).restricted).toBe(false);
  });

  it('is unknown with too little data, and says why', () => {
    const input = build({
      declared: 'US',
      segments: [{ offset: -5, days: 2, nets: [['US', 'isp', 1]] }],
      perWorkday: 2,
    });
    const v = residencyVerdict(input);
    expect(v.verdict).toBe('unknown');
    expect(kinds(v)).toContain('residency-too-little-data');
  });

  it('is unknown without a declared country', () => {
    const v = residencyVerdict(build({ segments: [{ offset: -5, days: 20, nets: [['US', 'isp', 1]] }] }));
    expect(v.verdict).toBe('unknown');
    expect(v.declaredCountry).toBeNull();
  });
});
