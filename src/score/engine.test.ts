import { describe, expect, it } from 'vitest';
import { summaryToWire } from '../core/summary-wire.js';
import type { AccountSummary } from '../core/types.js';
import { DETECTORS } from '../detectors/index.js';
import { digestToWire, linkDigest } from '../link/keys.js';
import { createCampaignEngine, heirCluster, restoreCampaignEngine } from './engine.js';
import {
  background,
  benchmarkCrowd,
  benchmarkRunners,
  campaign,
  enterprise,
  syntheticDataOrg,
  T0,
  university,
} from './test-support/world.js';
import { DEFAULT_WEIGHTS } from './weights.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOW = T0 + 8 * DAY;

function world(): AccountSummary[] {
  return [
    ...background(2500),
    ...campaign('op1', 40),
    ...enterprise(40),
    ...university(150),
    ...benchmarkRunners(12),
    ...benchmarkCrowd(400),
    ...syntheticDataOrg(30),
  ];
}

/** A cell of 20 campaign accounts on a network of its own (`10.net.*`, one ASN) and its own TLS client. */
function cellOn(name: string, net: number, opts: { fromDay?: number } = {}): AccountSummary[] {
  return campaign(name, 20, opts).map((s, i) => ({
    ...s,
    identity: {
      ...s.identity,
      signupIp: `10.${net}.0.${i}`,
      signupNet: { ...s.identity.signupNet!, prefix: `10.${net}.0.0/24` },
      ja4: `ja4-${name}`,
    },
    ips: { [`10.${net}.${i % 6}.${i}`]: 150 },
    prefixes: { [`10.${net}.${i % 6}.0/24`]: 150 },
    asns: { [String(64600 + net)]: 150 },
    ja4s: { [`ja4-${name}`]: 150 },
  }));
}

function flagged(engine: ReturnType<typeof createCampaignEngine>): Set<string> {
  return new Set(
    engine
      .verdicts()
      .filter((v) => v.flaggedAt !== null)
      .map((v) => v.account),
  );
}

describe('campaign engine on a hand-built world', () => {
  const engine = createCampaignEngine();
  engine.tick(world(), NOW);

  it('detects the campaign and flags all its accounts, and nothing else', () => {
    const flags = flagged(engine);
    const attack = [...flags].filter((a) => a.startsWith('op1-'));
    expect(attack.length).toBe(40);
    expect([...flags].filter((a) => !a.startsWith('op1-'))).toEqual([]);
    const campaigns = engine.campaigns();
    expect(campaigns.length).toBe(1);
    expect(campaigns[0].detectedAt).toBe(new Date(NOW).toISOString());
    expect(campaigns[0].evidence[0].weight).toBeGreaterThan(0);
  });

  for (const [name, account] of [
    ['enterprise pipeline', 'acme-3'],
    ['verified org generating synthetic data', 'synth-3'],
    ['university NAT', 'student-3'],
  ] as const) {
    it(`does not flag the ${name} and says why it looks benign`, () => {
      const c = engine.clusterOf(account);
      if (c === null) return; // not even linked into a cluster: nothing to explain
      expect(c.status).toBe('candidate');
      expect(c.evidence.some((e) => e.weight < 0 && e.summary.startsWith('benign-looking'))).toBe(true);
    });
  }

  it('does not link benchmark runners into a campaign through public benchmark items', () => {
    const c = engine.clusterOf('bench-1');
    expect(c === null || c.status === 'candidate').toBe(true);
  });

  it('explains links with rarity-weighted evidence', () => {
    const links = engine.links('op1-0');
    expect(links.length).toBeGreaterThan(0);
    expect(links[0].evidence.map((e) => e.kind)).toContain('shared-template');
    const g = engine.graph(engine.campaigns()[0].id);
    expect(g?.nodes.length).toBe(40);
    expect(g?.edges[0].kinds.length).toBeGreaterThan(1);
  });
});

describe('stability and state', () => {
  it('keeps a campaign id as it grows and flags newcomers at their tick', () => {
    const engine = createCampaignEngine();
    const all = campaign('op2', 60);
    engine.tick([...background(2500), ...all.slice(0, 30)], NOW);
    const id = engine.campaigns()[0]?.id;
    expect(id).toBeDefined();
    engine.tick(all.slice(30), NOW + 3_600_000);
    const after = engine.campaigns().find((c) => c.id === id);
    expect(after?.accounts.length).toBe(60);
    const late = engine.verdicts().find((v) => v.account === 'op2-59');
    expect(late?.flaggedAt).toBe(new Date(NOW + 3_600_000).toISOString());
    const early = engine.verdicts().find((v) => v.account === 'op2-0');
    expect(early?.flaggedAt).toBe(new Date(NOW).toISOString());
  });

  it('rescores a confirmed campaign whose members changed every 6 hours, not sooner', () => {
    const scoredAt: number[] = [];
    const attack = campaign('op3', 30);
    const engine = createCampaignEngine({
      onScored: (e) => {
        if (e.accounts.includes('op3-0')) scoredAt.push(e.now);
      },
    });
    engine.tick([...background(2500), ...attack], NOW);
    expect(engine.campaigns()[0]?.status).toBe('confirmed');
    const busier = (hours: number) => attack.map((s) => ({ ...s, exchanges: s.exchanges + hours }));
    for (let h = 1; h <= 7; h++) engine.tick(busier(h), NOW + h * 3_600_000);
    expect(scoredAt.map((t) => (t - NOW) / 3_600_000)).toEqual([0, 6]);
  });

  it('measures a detector the weights ignore only for a hook that reads every value, with the same results', () => {
    let measured = 0;
    const counting = (id: string) => ({
      id,
      title: 'counts its calls',
      check: () => {
        measured++;
        return 0;
      },
      finalise: () => ({ value: 1, summary: 'always 1' }),
    });
    const detectors = [...DETECTORS, counting('ignored'), counting('weighted')];
    const weights = {
      ...DEFAULT_WEIGHTS,
      weights: { ...DEFAULT_WEIGHTS.weights, ignored: 0, weighted: 0.01 },
    };
    const input = [...background(2500), ...campaign('op12', 30)];
    const plain = createCampaignEngine({ detectors, weights });
    plain.tick(input, NOW);
    const withoutHook = measured;
    measured = 0;
    const values: Record<string, number>[] = [];
    const hooked = createCampaignEngine({ detectors, weights, onScored: (e) => values.push(e.values) });
    hooked.tick(input, NOW);
    // The weighted one is measured in both; the ignored one only for the hook.
    expect(measured).toBe(2 * withoutHook);
    expect(values.every((v) => v.ignored === 1 && v.weighted === 1)).toBe(true);
    expect(hooked.campaigns()).toEqual(plain.campaigns());
    expect(hooked.verdicts()).toEqual(plain.verdicts());
  });

  it('flags a quiet account on a card or device of flagged members, not a household that shares one', () => {
    const engine = createCampaignEngine();
    const attack = campaign('op4', 32).map((s, i) =>
      // op4-0 shares a computer with a relative; op4-1 and op4-2 pay with a card three others also use.
      i === 0
        ? { ...s, identity: { ...s.identity, deviceId: 'dev-home' } }
        : i < 3
          ? { ...s, identity: { ...s.identity, paymentFingerprint: 'pay-family' } }
          : s,
    );
    engine.tick([...background(2500), ...attack], NOW);
    expect(flagged(engine).size).toBe(32);
    const quiet = background(6).map((s, i) => ({ ...s, account: `quiet-${i}`, exchanges: 2 }));
    const replacement = { ...quiet[0], identity: { ...quiet[0].identity, paymentFingerprint: 'op4-pay-1' } };
    const relative = { ...quiet[1], identity: { ...quiet[1].identity, deviceId: 'dev-home' } };
    const family = quiet
      .slice(2)
      .map((s) => ({ ...s, identity: { ...s.identity, paymentFingerprint: 'pay-family' } }));
    engine.tick([replacement, relative, ...family], NOW + 3_600_000);
    const [c] = engine.campaigns();
    // A replacement account on a card that eight flagged members pay with: flagged, listed, explained.
    expect(engine.verdicts().find((v) => v.account === 'quiet-0')).toMatchObject({
      campaign: c.id,
      flaggedAt: new Date(NOW + 3_600_000).toISOString(),
    });
    expect(c.accounts).toContain('quiet-0');
    const why = c.evidence.find((e) => e.kind === 'shared-instrument');
    expect(why?.summary).toMatch(
      /1 account flagged .* quiet-0: payment fingerprint op4-pay-1 shared with 8 flagged members/,
    );
    // The campaign graph hangs it on the members that pay with the same card.
    const graph = engine.graph(c.id);
    expect(graph?.nodes.map((n) => n.id)).toContain('quiet-0');
    const hung = graph?.edges.filter((e) => e.source === 'quiet-0' || e.target === 'quiet-0') ?? [];
    expect(hung.length).toBe(8);
    expect(hung.every((e) => e.kinds.includes('payment'))).toBe(true);
    // One flagged holder of a device, or flagged holders short of half of a card's users: not flagged.
    expect([...flagged(engine)].filter((a) => a.startsWith('quiet-'))).toEqual(['quiet-0']);
  });

  it('flags an account that sends the templates flagged members send, not users of a template it shares', () => {
    const engine = createCampaignEngine();
    // The campaign also sends a popular template that 125 ordinary users send.
    const attack = campaign('op5', 30).map((s) => ({ ...s, templates: { ...s.templates, 'popular-0': 20 } }));
    engine.tick([...background(2500), ...attack], NOW);
    expect(flagged(engine).size).toBe(30);
    const [follower, dabbler, popular] = background(2503)
      .slice(2500)
      .map((s, i) => ({ ...s, account: `newcomer-${i}` }));
    engine.tick(
      [
        // A replacement on its own card, device and addresses that sends the campaign's templates.
        { ...follower, templates: { 'op5-tpl-a': 20, 'op5-tpl-b': 12, 'own-x': 10 } },
        // A user who tried one of them a few times.
        { ...dabbler, templates: { 'op5-tpl-a': 4, 'own-y': 30 } },
        // A user of the popular template, with a few prompts like the campaign's.
        { ...popular, templates: { 'popular-0': 30, 'op5-tpl-a': 3, 'op5-tpl-b': 3 } },
      ],
      NOW + 3_600_000,
    );
    expect([...flagged(engine)].filter((a) => a.startsWith('newcomer-'))).toEqual(['newcomer-0']);
    const [c] = engine.campaigns();
    expect(c.accounts).toContain('newcomer-0');
    const why = c.evidence.find((e) => e.kind === 'shared-programme');
    expect(why?.summary).toMatch(
      /1 account flagged .* newcomer-0: 72% of its prompts follow 2 templates used mostly by the campaign's accounts \(e\.g\. template op5-tpl-a: 30 of its 32 other holders flagged\)/,
    );
    // The graph hangs it on a few of the members that send the same templates.
    const hung = engine
      .graph(c.id)
      ?.edges.filter((e) => e.source === 'newcomer-0' || e.target === 'newcomer-0');
    expect(hung?.length).toBe(3);
    expect(hung?.every((e) => e.kinds.includes('template'))).toBe(true);
  });

  it('hands a closed campaign to the cluster that took most of its members', () => {
    const clusterOf = new Map([
      [1, 'C-9'],
      [2, 'C-4'],
      [3, 'C-4'],
      [5, 'C-7'],
      [6, 'C-7'],
    ]);
    expect(heirCluster([1, 2, 3, 4], clusterOf)).toBe('C-4');
    expect(heirCluster([2, 3, 5, 6], clusterOf)).toBe('C-4');
    expect(heirCluster([4], clusterOf)).toBeNull();
  });

  it('counts the flags of a closed campaign for the campaign it merged into', () => {
    // One operator's three cells on their own networks, all sending one script: three campaigns.
    // Each cell's first account runs on one machine.
    const cell = (prefix: string, net: number) =>
      cellOn(prefix, net).map((s, i) => ({
        ...s,
        identity: { ...s.identity, deviceId: i === 0 ? 'dev-operator' : null },
        templates: { ...s.templates, 'script-a': 30, 'script-b': 20, 'script-c': 10 },
      }));
    const engine = createCampaignEngine();
    const [a, b, c] = [cell('opA', 1), cell('opB', 2), cell('opC', 3)];
    engine.tick([...background(2500), ...a, ...b, ...c], NOW);
    expect(engine.campaigns().map((x) => x.accounts.length)).toEqual([20, 20, 20]);
    // Two cells move onto the first one's cards and exits: they become one cluster, and one of
    // their campaigns closes, its members still carrying its flags.
    const moved = [...b, ...c].map((s, i) => ({
      ...s,
      exchanges: s.exchanges * 2,
      identity: { ...s.identity, paymentFingerprint: a[i % 20].identity.paymentFingerprint },
      ips: a[i % 20].ips,
      prefixes: a[i % 20].prefixes,
      asns: a[i % 20].asns,
      ja4s: a[i % 20].ja4s,
    }));
    engine.tick(moved, NOW + 6 * HOUR);
    const after = engine.campaigns();
    expect(after.map((x) => [x.status, x.accounts.length])).toEqual([
      ['confirmed', 20],
      ['confirmed', 40],
      ['closed', 20],
    ]);
    const heir = after[1].id;
    const [follower, onDevice, dabbler] = background(2503)
      .slice(2500)
      .map((s, i) => ({ ...s, account: `newcomer-${i}` }));
    engine.tick(
      [
        { ...follower, templates: { 'script-a': 20, 'script-b': 12, 'own-x': 10 } },
        { ...onDevice, identity: { ...onDevice.identity, deviceId: 'dev-operator' } },
        // A user who tried the script a few times among its own prompts.
        { ...dabbler, templates: { 'script-a': 3, 'own-y': 30 } },
      ],
      NOW + 7 * HOUR,
    );
    // Counted by the ids on the flags, no campaign holds half of the script's other senders or two
    // of the machine's flagged holders; counted for the heir, it holds 40 of 61 and 2 of 3.
    const verdicts = engine.verdicts().filter((v) => v.account.startsWith('newcomer-'));
    expect(verdicts.map((v) => [v.account, v.campaign, v.flaggedAt !== null])).toEqual([
      ['newcomer-0', heir, true],
      ['newcomer-1', heir, true],
      ['newcomer-2', null, false],
    ]);
    const summaries = engine
      .campaigns()[1]
      .evidence.map((e) => e.summary)
      .join('\n');
    expect(summaries).toMatch(/newcomer-0: \d+% of its prompts follow 2 templates/);
    expect(summaries).toMatch(
      /newcomer-1: device id dev-operator shared with 2 flagged members of 3 other holders/,
    );
  });

  it('attributes a later campaign to an earlier one by shared infrastructure, not by a shared phrasebook', () => {
    // Cells of 20 on their own networks, cards and client; `script` replaces their templates, and
    // `elsewhere` adds a prefix a seventh of their traffic comes from.
    const cell = (
      name: string,
      net: number,
      script: Record<string, number>,
      elsewhere?: (i: number) => string,
    ) =>
      cellOn(name, net, { fromDay: 3 }).map((s, i) => ({
        ...s,
        templates: script,
        prefixes: elsewhere ? { [`10.${net}.${i % 6}.0/24`]: 130, [elsewhere(i)]: 20 } : s.prefixes,
      }));
    const scriptA = { 'a-1': 40, 'a-2': 30, 'a-3': 20, 'a-4': 10 };
    const engine = createCampaignEngine();
    engine.tick([...background(2500), ...cell('opA', 1, scriptA)], NOW);
    const [first] = engine.campaigns();
    expect(first.status).toBe('confirmed');
    // A day later: another operator sending the same phrasebook from its own infrastructure, and
    // a cell of the first operator with its own prompts, some of its traffic on the first's exits.
    const copycat = cell('opB', 2, scriptA);
    const sibling = cell('opA2', 3, { 'c-1': 40, 'c-2': 30, 'c-3': 20 }, (i) => `10.1.${i % 6}.0/24`);
    engine.tick([...copycat, ...sibling], NOW + DAY);
    const later = engine.campaigns().filter((c) => c.id !== first.id && c.detectedAt !== null);
    const of = (prefix: string) => later.find((c) => c.accounts.every((a) => a.startsWith(`${prefix}-`)));
    expect(of('opB')?.attribution ?? null).toBeNull();
    expect(of('opA2')?.attribution).toEqual({
      campaign: first.id,
      summary: `same operator as ${first.id}, via 6 shared IP prefixes`,
    });
  });

  it('flags a slow account whose few prompts mostly follow the campaign, not one who tried two of them', () => {
    const engine = createCampaignEngine();
    engine.tick([...background(2500), ...campaign('op8', 30)], NOW);
    expect(flagged(engine).size).toBe(30);
    const [slow, tried] = background(2502)
      .slice(2500)
      .map((s, i) => ({ ...s, account: `newcomer-${i}` }));
    engine.tick(
      [
        // Six prompts in a day behind its own proxy: four from the script, two reworded.
        { ...slow, templates: { 'op8-tpl-a': 2, 'op8-tpl-b': 2, 'own-1': 1, 'own-2': 1 } },
        // Two of the script's prompts among six of its own.
        { ...tried, templates: { 'op8-tpl-a': 1, 'op8-tpl-b': 1, 'own-3': 3, 'own-4': 3 } },
      ],
      NOW + 3_600_000,
    );
    expect([...flagged(engine)].filter((a) => a.startsWith('newcomer-'))).toEqual(['newcomer-0']);
    const why = engine.campaigns()[0].evidence.find((e) => e.kind === 'shared-programme');
    expect(why?.summary).toMatch(/newcomer-0: 65% of its prompts follow 2 templates/);
  });

  it('flags a slow account that sends a template set of flagged members, not a developer who sends a few of them', () => {
    const engine = createCampaignEngine();
    // The campaign's script: three templates every member sends, beside its usual ones.
    const script = { 'op7-tpl-x': 12, 'op7-tpl-y': 9, 'op7-tpl-z': 6 };
    const attack = campaign('op7', 30).map((s) => ({ ...s, templates: { ...s.templates, ...script } }));
    engine.tick([...background(2500), ...attack], NOW);
    expect(flagged(engine).size).toBe(30);
    const [slow, developer] = background(2502)
      .slice(2500)
      .map((s, i) => ({ ...s, account: `newcomer-${i}` }));
    engine.tick(
      [
        // Behind its own proxy and card: five prompts, two from the script, three reworded.
        { ...slow, templates: { 'op7-tpl-x': 1, 'op7-tpl-z': 1, 'own-1': 1, 'own-2': 1, 'own-3': 1 } },
        // A developer who sent two of the script's prompts among many that others send too.
        { ...developer, templates: { 'op7-tpl-x': 2, 'op7-tpl-y': 2, 'popular-0': 20, 'popular-1': 10 } },
      ],
      NOW + 3 * 3_600_000,
    );
    expect([...flagged(engine)].filter((a) => a.startsWith('newcomer-'))).toEqual(['newcomer-0']);
    const [c] = engine.campaigns();
    const why = c.evidence.find((e) => e.kind === 'shared-programme');
    expect(why?.summary).toMatch(
      /newcomer-0: sends templates of the set template op7-tpl-\w belongs to, as do 30 flagged members of 31 other holders/,
    );
    // The graph hangs it on members that send the same templates.
    const hung = engine
      .graph(c.id)
      ?.edges.filter((e) => e.source === 'newcomer-0' || e.target === 'newcomer-0');
    expect(hung?.length).toBeGreaterThan(0);
  });

  it.each([
    ['after', 7],
    ['at', 0],
  ])(
    'does not flag a subscriber whose home address the campaign exits through, but does flag a worker there, %s detection',
    (_, hours) => {
      const engine = createCampaignEngine();
      const attack = campaign('op10', 30);
      const base = [...background(2500), ...attack];
      if (hours > 0) {
        engine.tick(base, NOW);
        expect(flagged(engine).size).toBe(30);
      }
      const chats: Record<string, number> = { 'popular-0': 20, 'popular-1': 20, 'popular-2': 20 };
      const harvests: Record<string, number> = { 'op10-tpl-a': 20, 'op10-tpl-b': 20, 'op10-tpl-3': 20 };
      const fewChats: Record<string, number> = { 'popular-3': 3, 'popular-4': 3 };
      // Three accounts on the campaign's residential exits: each shares two members' addresses,
      // their prefixes and ISP. One chats with popular templates, one has chatted only a few times,
      // the third sends the campaign's templates. Signed up long ago, from home: the exits are all
      // they share with anyone.
      const [home, worker, quiet] = background(2503)
        .slice(2500)
        .map((s, i) => {
          const [m1, m2] = [attack[2 * i], attack[2 * i + 9]];
          const signupIp = Object.keys(m1.ips)[0];
          return {
            ...s,
            account: ['home-subscriber', 'worker', 'quiet-subscriber'][i],
            identity: { ...s.identity, signupTs: T0 - (900 + i) * DAY, signupIp, signupNet: null },
            exchanges: i === 2 ? 6 : 80,
            ips: { ...m1.ips, ...m2.ips },
            prefixes: { ...m1.prefixes, ...m2.prefixes },
            asns: { ...m1.asns },
            templates: [chats, harvests, fewChats][i],
          };
        });
      const newcomers = [home, worker, quiet];
      engine.tick(hours > 0 ? newcomers : [...base, ...newcomers], NOW + hours * 3_600_000);
      const campaignId = engine.clusterOf(attack[0].account)?.id;
      for (const subscriber of ['home-subscriber', 'quiet-subscriber']) {
        expect(engine.clusterOf(subscriber)?.id).toBe(campaignId);
        expect(engine.links(subscriber).length).toBeGreaterThanOrEqual(2);
      }
      expect([...flagged(engine)].filter((a) => !a.startsWith('op10-'))).toEqual(['worker']);
    },
  );

  it('does not flag a close-knit team whose one member shares a campaign exit', () => {
    const engine = createCampaignEngine();
    const attack = campaign('op12', 45);
    // Four colleagues work from the same templates; one of them lives behind one of the
    // campaign's residential exits. The team is one group, joined to the campaign by that member,
    // and falls in the campaign's cluster when it is detected.
    const teamTemplates = { 'team-plan': 30, 'team-review': 30, 'team-deploy': 30 };
    const team = background(2504)
      .slice(2500)
      .map((s, i) => ({
        ...s,
        account: `team-${i}`,
        exchanges: 90,
        templates: teamTemplates,
        // their own office network and sign-up details, shared with no one else
        identity: {
          ...s.identity,
          paymentFingerprint: `team-pay-${i}`,
          signupIp: `192.0.2.${10 + i}`,
          signupNet: {
            country: 'US',
            asn: 64800,
            asOrg: 'Office ISP',
            class: 'isp' as const,
            prefix: '192.0.2.0/24',
          },
        },
        ips: { [`192.0.2.${10 + i}`]: 90 },
        prefixes: { '192.0.2.0/24': 90 },
        ...(i === 0
          ? {
              ips: attack[0].ips,
              prefixes: attack[0].prefixes,
              asns: attack[0].asns,
              ja4s: attack[0].ja4s,
              userAgents: attack[0].userAgents,
            }
          : {}),
      }));
    engine.tick([...background(2500), ...attack, ...team], NOW);
    const campaignId = engine.clusterOf('op12-0')?.id;
    expect(engine.campaigns().map((c) => c.id)).toContain(campaignId);
    expect(engine.clusterOf('team-3')?.id).toBe(campaignId);
    expect([...flagged(engine)].filter((a) => a.startsWith('op12-')).length).toBe(45);
    expect([...flagged(engine)].filter((a) => a.startsWith('team-'))).toEqual([]);
  });

  it('flags late members that send what the campaign sends before most of its holders are flagged', () => {
    const engine = createCampaignEngine();
    engine.tick([...background(2500), ...campaign('op11', 20)], NOW);
    expect(flagged(engine).size).toBe(20);
    // Forty more accounts of the operation join at once on the same templates: on each template
    // fewer than half of the other holders are flagged, but nearly all are the campaign's.
    const late = campaign('op11', 60)
      .slice(20)
      .map((s, i) => ({ ...s, account: `op11-late-${i}` }));
    engine.tick(late, NOW + 3_600_000);
    expect(engine.clusterOf('op11-late-0')?.id).toBe(engine.campaigns()[0].id);
    expect([...flagged(engine)].filter((a) => a.startsWith('op11-late-')).length).toBe(40);
  });

  it('finds a follower that went quiet before its campaign was detected', () => {
    const engine = createCampaignEngine();
    const [early] = background(2501)
      .slice(2500)
      .map((s) => ({
        ...s,
        account: 'early-replacement',
        templates: { 'op6-tpl-a': 20, 'op6-tpl-b': 12, 'own-x': 10 },
      }));
    engine.tick([...background(2500), early], NOW - 3_600_000);
    expect(flagged(engine).size).toBe(0);
    // The campaign shows up an hour later; the early account sends nothing more.
    engine.tick(campaign('op6', 30), NOW);
    expect(engine.verdicts().find((v) => v.account === 'early-replacement')?.flaggedAt).toBe(
      new Date(NOW).toISOString(),
    );
    const why = engine.campaigns()[0].evidence.find((e) => e.kind === 'shared-programme');
    expect(Object.keys(why?.facts?.accounts ?? {})).toEqual(['early-replacement']);
  });

  it('round-trips through JSON and continues identically', () => {
    const a = createCampaignEngine();
    const all = campaign('op3', 50);
    a.tick([...background(2500), ...all.slice(0, 25)], NOW);
    const b = restoreCampaignEngine(JSON.parse(JSON.stringify(a.toJSON())));
    a.tick(all.slice(25), NOW + 3_600_000);
    b.tick(all.slice(25), NOW + 3_600_000);
    expect(b.campaigns()).toEqual(a.campaigns());
    expect(b.verdicts()).toEqual(a.verdicts());
  });

  it('restores a state saved with campaign footprints, dropping them', () => {
    const a = createCampaignEngine();
    a.tick([...background(2500), ...campaign('op3', 25)], NOW);
    const saved = JSON.parse(JSON.stringify(a.toJSON()));
    // States saved before per-value attribution kept a footprint per campaign.
    for (const c of saved.campaigns) Object.assign(c, { footprint: { templates: ['t'] }, footprintAt: NOW });
    const b = restoreCampaignEngine(saved);
    expect(JSON.stringify(b.toJSON())).not.toContain('footprint');
    expect(b.campaigns()).toEqual(a.campaigns());
  });

  it.each([
    ['without', false],
    ['with', true],
  ])(
    'takes summaries in wire form %s link digests, keeping them as strings until read, with the same results',
    (_, digests) => {
      const plain = createCampaignEngine();
      const wired = createCampaignEngine();
      const overWire = (summaries: AccountSummary[]) =>
        summaries.map((s) => ({
          account: s.account,
          wire: summaryToWire(s),
          ...(digests ? { digest: digestToWire(linkDigest(s)) } : {}),
        }));
      const all = campaign('op7', 50);
      const first = [...world(), ...all.slice(0, 25)];
      plain.tick(first, NOW);
      wired.tick(overWire(first), NOW);
      // Read back from strings (the background accounts nothing scored) and objects alike.
      expect(JSON.stringify(wired.toJSON())).toBe(JSON.stringify(plain.toJSON()));
      plain.tick(all.slice(25), NOW + 3_600_000);
      wired.tick(overWire(all.slice(25)), NOW + 3_600_000);
      expect(wired.campaigns()).toEqual(plain.campaigns());
      expect(wired.verdicts()).toEqual(plain.verdicts());
      expect(JSON.stringify(wired.toJSON())).toBe(JSON.stringify(plain.toJSON()));
      // Sent again, changed but with nothing that asks for new keys (summaries the engine had read
      // among them), then read when the campaign is scored again a day later.
      for (const [i, at] of [NOW + 2 * 3_600_000, NOW + 30 * 3_600_000].entries()) {
        const again = (i === 0 ? first : all).map((s) => ({ ...s, extraction: {} }));
        plain.tick(again, at);
        wired.tick(overWire(again), at);
        expect(wired.campaigns()).toEqual(plain.campaigns());
        expect(wired.verdicts()).toEqual(plain.verdicts());
        expect(JSON.stringify(wired.toJSON())).toBe(JSON.stringify(plain.toJSON()));
      }
    },
  );

  it('dismissing a campaign clears its flags; confirming keeps them', () => {
    for (const action of ['dismiss', 'confirm'] as const) {
      const engine = createCampaignEngine();
      engine.tick([...background(2500), ...campaign('op4', 30)], NOW);
      const [c] = engine.campaigns();
      engine.review(c.id, action, 'checked by hand');
      const flagged = engine
        .verdicts()
        .filter((v) => v.account.startsWith('op4-') && v.flaggedAt !== null).length;
      expect(flagged).toBe(action === 'dismiss' ? 0 : 30);
      const after = engine.campaigns()[0];
      expect(after.status).toBe(action === 'dismiss' ? 'dismissed' : 'confirmed');
      expect(after.evidence[0].kind).toBe('review');
    }
  });

  it('never looks ahead: a replay cut at T keeps every flag raised before T', () => {
    const all = campaign('op6', 60);
    const ticks: [AccountSummary[], number][] = [
      [[...background(2500), ...all.slice(0, 10)], NOW],
      [all.slice(10, 30), NOW + 3_600_000],
      [all.slice(30, 45), NOW + 2 * 3_600_000],
      [all.slice(45), NOW + 3 * 3_600_000],
    ];
    const full = createCampaignEngine();
    for (const [changed, now] of ticks) full.tick(changed, now);
    for (let cut = 1; cut < ticks.length; cut++) {
      const part = createCampaignEngine();
      for (const [changed, now] of ticks.slice(0, cut)) part.tick(changed, now);
      const T = ticks[cut - 1][1];
      const flaggedBy = (e: typeof full) =>
        e
          .verdicts()
          .filter((v) => v.flaggedAt !== null && Date.parse(v.flaggedAt) <= T)
          .map((v) => `${v.account}@${v.flaggedAt}`)
          .sort();
      expect(flaggedBy(part)).toEqual(flaggedBy(full));
      const detected = (e: typeof full) =>
        e
          .campaigns()
          .filter((c) => c.detectedAt !== null && Date.parse(c.detectedAt) <= T)
          .map((c) => `${c.id}@${c.detectedAt}`);
      expect(detected(part)).toEqual(detected(full));
    }
  });

  it('rejects a bad configuration with the field and the reason', () => {
    expect(() => createCampaignEngine({ link: { edgeMargin: 'x' } } as never)).toThrow(
      /engine\.link\.edgeMargin: must be a number/,
    );
    expect(() => createCampaignEngine({ nonsense: 1 } as never)).toThrow(/unknown field/);
  });

  it('refuses to go back in event time', () => {
    const engine = createCampaignEngine();
    engine.tick([], NOW);
    expect(() => engine.tick([], NOW - 1)).toThrow(RangeError);
  });
});

describe('flag propagation', () => {
  it('a small cluster with overwhelming evidence is a campaign before it reaches minAccounts', () => {
    const small = campaign('op8', 5);
    const engine = createCampaignEngine();
    engine.tick([...background(2500), ...small], NOW);
    expect(engine.campaigns().length).toBe(1);
    expect(flagged(engine).size).toBeGreaterThanOrEqual(4);
    const strict = createCampaignEngine({ weights: { ...DEFAULT_WEIGHTS, smallCluster: undefined } });
    strict.tick([...background(2500), ...small], NOW);
    expect(strict.campaigns().length).toBe(0);
  });

  it('a cluster becomes a campaign only once it has sent `minExchanges`', () => {
    const cell = campaign('op11', 12); // 150 exchanges each
    const world = [...background(2500), ...cell];
    const engine = createCampaignEngine();
    engine.tick(world, NOW);
    expect(engine.campaigns().map((c) => c.accounts.length)).toEqual([12]);
    const waiting = createCampaignEngine({ weights: { ...DEFAULT_WEIGHTS, minExchanges: 12 * 150 + 1 } });
    waiting.tick(world, NOW);
    expect(waiting.campaigns()).toEqual([]);
    expect(waiting.clusterOf('op11-0')?.score).toBeGreaterThan(DEFAULT_WEIGHTS.thresholds.suspected);
  });

  it('a confirmed campaign whose score dips to `keep` while a few young members join goes on flagging', () => {
    // Young members: the campaign's programme and exits, but little traffic yet and mostly chat,
    // so the cluster as a whole scores a little lower once they are in.
    const attack = campaign('op11', 24);
    const young = campaign('op11', 30)
      .slice(24)
      .map((s) => ({
        ...s,
        exchanges: 20,
        capabilities: { chat: 20 },
        extraction: {},
        sampling: { ...s.sampling, multiN: 0, logprobs: 0, seeded: 0, temperatures: [0.7], seeds: 0 },
      }));
    const run = (thresholds: typeof DEFAULT_WEIGHTS.thresholds) => {
      const engine = createCampaignEngine({ weights: { ...DEFAULT_WEIGHTS, thresholds } });
      engine.tick([...background(2500), ...attack], NOW);
      const first = engine.campaigns()[0]?.score ?? 0;
      engine.tick(young, NOW + 8 * 3_600_000);
      const youngFlagged = [...flagged(engine)].filter((a) => young.some((s) => s.account === a));
      return { first, after: engine.clusterOf('op11-0')?.score ?? 1, youngFlagged };
    };
    const probe = run(DEFAULT_WEIGHTS.thresholds);
    expect(probe.after).toBeLessThan(probe.first);
    // A threshold between the two scorings: detected at the first, under it at the second.
    const suspected = (probe.first + probe.after) / 2;
    const pausing = run({ suspected, confirmed: suspected });
    expect(pausing.youngFlagged).toEqual([]);
    const keeping = run({ suspected, confirmed: suspected, keep: probe.after - 0.001 });
    expect(keeping.youngFlagged.length).toBe(young.length);
  });

  it('a benign region merging into a detected campaign is not flagged when the whole scores under the threshold', () => {
    const engine = createCampaignEngine();
    const attack = campaign('op9', 20);
    engine.tick([...background(2500), ...attack], NOW);
    expect(flagged(engine).size).toBe(20);
    // Ordinary heavy users whose traffic leaves through the campaign's exits: each links only to
    // campaign accounts, so flags would creep into them one by one.
    const merged = background(35).map((s, i) => ({
      ...s,
      account: `merged-${i}`,
      exchanges: 400,
      ips: { ...attack[i % 20].ips },
      prefixes: { ...attack[i % 20].prefixes, ...attack[(i + 7) % 20].prefixes },
      asns: { ...attack[i % 20].asns },
      userAgents: { ...attack[i % 20].userAgents },
      identity: { ...s.identity, paymentFingerprint: attack[i % 20].identity.paymentFingerprint },
    }));
    engine.tick(merged, NOW + 3_600_000);
    const c = engine.clusterOf('merged-0');
    expect(c?.id).toBe(engine.campaigns()[0].id);
    expect(c?.score ?? 1).toBeLessThan(DEFAULT_WEIGHTS.thresholds.suspected);
    expect([...flagged(engine)].filter((a) => a.startsWith('merged-'))).toEqual([]);
  });
});

describe('reviews', () => {
  it('a dismissed campaign stays dismissed while its pattern holds, and is raised again once it grows by half', () => {
    const engine = createCampaignEngine();
    const all = campaign('op10', 40);
    engine.tick([...background(2500), ...all.slice(0, 20)], NOW);
    const [c] = engine.campaigns();
    engine.review(c.id, 'dismiss', 'internal red team');
    engine.tick(all.slice(20, 23), NOW + 3_600_000);
    let after = engine.campaigns().find((x) => x.id === c.id);
    expect(after?.status).toBe('dismissed');
    expect(engine.verdicts().filter((v) => v.flaggedAt !== null).length).toBe(0);
    engine.tick(all.slice(23), NOW + 2 * 3_600_000);
    after = engine.campaigns().find((x) => x.id === c.id);
    expect(['suspected', 'confirmed']).toContain(after?.status);
    expect(after?.detectedAt).toBe(new Date(NOW + 2 * 3_600_000).toISOString());
    expect(after?.evidence[0].kind).toBe('reraised');
    expect(after?.evidence[0].summary).toMatch(
      /dismissed by a reviewer at 20 accounts \("internal red team"\), it has grown to 40/,
    );
    expect(engine.verdicts().filter((v) => v.flaggedAt !== null).length).toBeGreaterThan(30);
  });
});
