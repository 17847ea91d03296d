/**
 * Traces how the engine sees a generated world over event time: replays it through the scan
 * pipeline in process with a hook on every cluster scoring, then prints, per labelled campaign,
 * the scorings of the clusters holding its accounts (hours since the campaign's first exchange,
 * cluster size, campaign and benign members, score, the detectors that moved it), and the
 * mostly-benign clusters that scored highest (with their personas). This is the tool for asking
 * "why was this campaign detected late" or "what pulled these benign accounts in".
 *
 *   npx tsx bench/trace-campaigns.ts DIR [--every 6] [--benign 8] [--workers N]
 *
 * `--workers` defaults to scan's (one per core, at most 4), so the trace sees what `scan` does:
 * each partition mines its own templates, and a rare family's ids can depend on the count.
 * DIR is a `simulate` output (labels.json is read only to annotate, never by the engine).
 */
import { readFileSync } from 'node:fs';
import { defaultWorkers } from '../src/cli/commands/scan.js';
import { DEFAULT_WEIGHTS, type ScoredEvent } from '../src/score/index.js';
import { optionTaker } from './args.js';
import { replayWorld } from './replay-world.js';

const args = process.argv.slice(2);
const opt = optionTaker(args);
const everyHours = Number(opt('--every', '6'));
const benignShown = Number(opt('--benign', '8'));
const workers = Number(opt('--workers', String(defaultWorkers())));
const dir = args[0];
if (!dir) {
  console.error('usage: npx tsx bench/trace-campaigns.ts DIR [--every 6] [--benign 8] [--workers N]');
  process.exit(2);
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
  const personas = new Map<string, number>();
  for (const a of e.accounts) {
    const p = labels.accounts[a]?.isAttack ? 'ATTACK' : (labels.accounts[a]?.persona ?? '?');
    personas.set(p, (personas.get(p) ?? 0) + 1);
  }
  const mix = [...personas.entries()].sort((a, b) => b[1] - a[1]).map(([p, n]) => `${p} ${n}`);
  console.log(
    `  ${e.id} ${e.status} size ${e.accounts.length} score ${e.score.toFixed(3)} at ${new Date(e.now).toISOString()}  [${mix.join(', ')}]  ${top(e.values)}`,
  );
}
