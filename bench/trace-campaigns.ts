/**
 * Traces how the engine sees a generated world over event time: replays it through the scan
 * pipeline in process with a hook on every cluster scoring, then prints, per labelled campaign,
 * the scorings of the clusters holding its accounts (hours since the campaign's first exchange,
 * cluster size, campaign and benign members, score, the detectors that moved it), and the
 * mostly-benign clusters that scored highest (with their personas). This is the tool for asking
 * "why was this campaign detected late" or "what pulled these benign accounts in".
 *
 *   npx tsx bench/trace-campaigns.ts DIR [--every 6] [--benign 8] [--workers N] [--weights FILE]
 *
 * `--weights FILE` (a weights file, as src/score/weights.v1.json) adds a what-if: every recorded
 * scoring is scored again with FILE's weights, and the tool prints, per campaign, when a cluster
 * made mostly of its accounts first could have become a campaign (size, traffic, threshold) as
 * recorded and under FILE, then the mostly-benign clusters that score highest under FILE. Only
 * the first crossing is a prediction: after a detection the engine flags, and later clusters
 * differ from the recorded ones.
 *
 * `--workers` defaults to scan's (one per core, at most 4), so the trace sees what `scan` does:
 * each partition mines its own templates, and a rare family's ids can depend on the count.
 * DIR is a `simulate` output (labels.json is read only to annotate, never by the engine).
 */
import { readFileSync } from 'node:fs';
import { defaultWorkers } from '../src/cli/commands/scan.js';
import {
  bigEnoughForCampaign,
  checkEngineConfig,
  DEFAULT_WEIGHTS,
  type ScoredEvent,
  type ScoreWeights,
  scoreFeatures,
} from '../src/score/index.js';
import { optionTaker } from './args.js';
import { replayWorld } from './replay-world.js';

const args = process.argv.slice(2);
const opt = optionTaker(args);
const everyHours = Number(opt('--every', '6'));
const benignShown = Number(opt('--benign', '8'));
const workers = Number(opt('--workers', String(defaultWorkers())));
const weightsFile = opt('--weights', '');
const dir = args[0];
if (!dir) {
  console.error(
    'usage: npx tsx bench/trace-campaigns.ts DIR [--every 6] [--benign 8] [--workers N] [--weights FILE]',
  );
  process.exit(2);
}
let whatIf: ScoreWeights | null = null;
if (weightsFile) {
  try {
    whatIf = JSON.parse(readFileSync(weightsFile, 'utf8')) as ScoreWeights;
    checkEngineConfig({ weights: whatIf });
  } catch (error) {
    console.error(`--weights ${weightsFile}: ${(error as Error).message}`);
    process.exit(2);
  }
}

interface LabelAccount {
  isAttack: boolean;
  persona?: string;
}
const labels = JSON.parse(readFileSync(`${dir}/labels.json`, 'utf8')) as {
  accounts: Record<string, LabelAccount>;
  campaigns: { id: string; accounts: string[]; tactics: string[]; start: string }[];
};

const events: ScoredEvent[] = [];
await replayWorld(dir, 'trace-scan', (e) => events.push({ ...e, values: { ...e.values } }), workers);

const starts = new Map(labels.campaigns.map((c) => [c.id, Date.parse(c.start)]));
const hours = (t: number, c: string) => ((t - (starts.get(c) ?? t)) / 3_600_000).toFixed(1);
const top = (values: Record<string, number>) =>
  Object.entries(values)
    .filter(([, x]) => x > 0.05)
    // Detectors the weights file ignores are marked with ~.
    .map(([id, x]) => `${(DEFAULT_WEIGHTS.weights[id] ?? 0) === 0 ? '~' : ''}${id}=${x.toFixed(2)}`)
    .join(' ');

const threshold = DEFAULT_WEIGHTS.thresholds.suspected;
for (const c of labels.campaigns) {
  const members = new Set(c.accounts);
  console.log(`\n== ${c.id} (${c.accounts.length} accounts; ${c.tactics.join(', ')})`);
  let lastPrinted = Number.NEGATIVE_INFINITY;
  for (const e of events) {
    const inside = e.accounts.filter((a) => members.has(a)).length;
    if (inside < Math.max(2, 0.05 * e.accounts.length)) continue;
    const crossed = e.score >= threshold;
    if (e.now - lastPrinted < everyHours * 3_600_000 && !crossed) continue;
    lastPrinted = e.now;
    const benign = e.accounts.filter((a) => !labels.accounts[a]?.isAttack).length;
    console.log(
      `  +${hours(e.now, c.id)}h ${e.id} ${e.status} size ${e.accounts.length} (${inside} of it, ${benign} benign, ${e.flagged} flagged) ${e.exchanges} ex, score ${e.score.toFixed(3)}  ${top(e.values)}`,
    );
  }
}

/** A cluster's members by persona (campaign accounts as ATTACK), most first. */
function personaMix(e: ScoredEvent): string {
  const personas = new Map<string, number>();
  for (const a of e.accounts) {
    const p = labels.accounts[a]?.isAttack ? 'ATTACK' : (labels.accounts[a]?.persona ?? '?');
    personas.set(p, (personas.get(p) ?? 0) + 1);
  }
  return [...personas.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([p, n]) => `${p} ${n}`)
    .join(', ');
}

// The highest-scoring mostly-benign clusters (their best scoring each).
const best = new Map<string, ScoredEvent>();
for (const e of events) {
  const benign = e.accounts.filter((a) => !labels.accounts[a]?.isAttack).length;
  if (benign < e.accounts.length / 2 || e.accounts.length < DEFAULT_WEIGHTS.minAccounts) continue;
  const seen = best.get(e.id);
  if (!seen || e.score > seen.score) best.set(e.id, e);
}
console.log(`\n== mostly-benign clusters, best scoring (threshold ${threshold})`);
for (const e of [...best.values()].sort((a, b) => b.score - a.score).slice(0, benignShown)) {
  console.log(
    `  ${e.id} ${e.status} size ${e.accounts.length} score ${e.score.toFixed(3)} at ${new Date(e.now).toISOString()}  [${personaMix(e)}]  ${top(e.values)}`,
  );
}

if (whatIf) {
  const w = whatIf;
  // Each recorded scoring scored again once, in the order of `events`.
  const rescored = events.map(
    (e) =>
      scoreFeatures(
        Object.entries(e.values).map(([detector, value]) => ({
          detector,
          value,
          contribution: 0,
          summary: '',
          facts: {},
        })),
        w,
      ).score,
  );
  const crosses = (e: ScoredEvent, score: number, weights: ScoreWeights) =>
    score >= weights.thresholds.suspected &&
    bigEnoughForCampaign(weights, e.accounts.length, e.exchanges, score);
  console.log(
    `\n== what-if: ${weightsFile} (suspected ${w.thresholds.suspected}); hours from each campaign's start`,
  );
  for (const c of labels.campaigns) {
    const members = new Set(c.accounts);
    let recorded: number | undefined;
    let changed: number | undefined;
    events.forEach((e, i) => {
      if (e.accounts.filter((a) => members.has(a)).length < e.accounts.length / 2) return;
      if (recorded === undefined && crosses(e, e.score, DEFAULT_WEIGHTS)) recorded = e.now;
      if (changed === undefined && crosses(e, rescored[i], w)) changed = e.now;
    });
    const h = (t: number | undefined) => (t === undefined ? 'never' : `${hours(t, c.id)} h`);
    console.log(`  ${c.id}: first crossing ${h(recorded)} as recorded, ${h(changed)} under the what-if`);
  }
  const bestUnder = new Map<string, { e: ScoredEvent; score: number }>();
  events.forEach((e, i) => {
    if (e.accounts.filter((a) => !labels.accounts[a]?.isAttack).length < e.accounts.length / 2) return;
    const score = rescored[i];
    const seen = bestUnder.get(e.id);
    if (!seen || score > seen.score) bestUnder.set(e.id, { e, score });
  });
  console.log('  mostly-benign clusters, best scoring under the what-if (any size):');
  for (const { e, score } of [...bestUnder.values()]
    .sort((a, b) => b.score - a.score)
    .slice(0, benignShown)) {
    const detected = crosses(e, score, w) ? ' WOULD BE A CAMPAIGN' : '';
    console.log(
      `    ${e.id} size ${e.accounts.length}, ${e.exchanges} ex: ${e.score.toFixed(3)} -> ${score.toFixed(3)}${detected}  [${personaMix(e)}]`,
    );
  }
}
