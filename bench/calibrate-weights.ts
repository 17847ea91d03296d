/**
 * Calibrates the score weights (src/score/weights.v1.json) on generated worlds: replays each
 * world through the scan pipeline with a hook on the campaign engine that records every cluster
 * scoring (the detector values and, from labels.json, the share of the cluster's accounts that
 * are campaign accounts), fits a logistic regression with a ridge penalty towards the reviewed prior weights (src/score/calibrate.ts), and picks the
 * `suspected` threshold as the lowest score at which the recorded benign accounts that would have
 * been flagged stay within the false-positive budget. Prints the weights file; never reads
 * anything but the world directories it is given.
 *
 *   npx tsx bench/calibrate-weights.ts [--lambda 1] [--budget 0.0005] [--prior FILE] [--out FILE] DIR...
 *
 * Rows are cached in DIR/calibration-rows.json (delete it after changing linking or clustering).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DETECTORS } from '../src/detectors/index.js';
import { type CalibrationRow, DEFAULT_WEIGHTS, fitLogistic, type ScoredEvent } from '../src/score/index.js';
import { optionTaker } from './args.js';
import { replayWorld } from './replay-world.js';

interface Row {
  world: string;
  id: string;
  now: number;
  accounts: string[];
  exchanges: number;
  values: Record<string, number>;
  y: number;
}

const args = process.argv.slice(2);
const opt = optionTaker(args);
const lambda = Number(opt('--lambda', '1'));
const budget = Number(opt('--budget', '0.0005'));
const out = opt('--out', '');
const priorFile = opt('--prior', '');
const priorWeights = priorFile
  ? (JSON.parse(readFileSync(priorFile, 'utf8')) as typeof DEFAULT_WEIGHTS)
  : DEFAULT_WEIGHTS;
const dirs = args;

async function rowsOf(dir: string): Promise<Row[]> {
  const cache = `${dir}/calibration-rows.json`;
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as Row[];
  const labels = JSON.parse(readFileSync(`${dir}/labels.json`, 'utf8')).accounts as Record<
    string,
    { isAttack: boolean }
  >;
  const rows: Row[] = [];
  await replayWorld(dir, 'calibration-scan', (e: ScoredEvent) => {
    const attack = e.accounts.filter((a) => labels[a]?.isAttack).length;
    rows.push({
      world: dir,
      id: e.id,
      now: e.now,
      accounts: e.accounts,
      exchanges: e.exchanges,
      values: e.values,
      y: attack / e.accounts.length,
    });
  });
  writeFileSync(cache, JSON.stringify(rows));
  return rows;
}

const all: Row[] = [];
for (const dir of dirs) {
  const rows = await rowsOf(dir);
  console.error(`${dir}: ${rows.length} scorings`);
  all.push(...rows);
}
// Equal say per cluster: at most 40 scorings of each, spread over its life.
const byCluster = new Map<string, Row[]>();
for (const r of all) {
  const k = `${r.world}/${r.id}`;
  const list = byCluster.get(k);
  if (list) list.push(r);
  else byCluster.set(k, [r]);
}
const train: CalibrationRow[] = [];
const ids = DETECTORS.map((d) => d.id);
for (const list of byCluster.values()) {
  const step = Math.max(1, Math.ceil(list.length / 40));
  for (let i = 0; i < list.length; i += step)
    train.push({ x: ids.map((id) => list[i].values[id] ?? 0), y: list[i].y });
}
// Ridge towards the reviewed prior weights (the file's current weights, or --prior FILE).
const prior = ids.map((id) => priorWeights.weights[id] ?? 0);
// A cluster with no evidence at all must score under 5%: bias <= logit(0.05).
const fit = fitLogistic(train, lambda, prior, {
  signs: prior.map(Math.sign),
  maxBias: Math.log(0.05 / 0.95),
});
const weights = Object.fromEntries(ids.map((id, i) => [id, Math.round(fit.weights[i] * 100) / 100]));

// Threshold: benign accounts that any scoring of a mostly-benign cluster at or above t would have
// flagged (flags are sticky). Benign accounts inside mostly-campaign clusters are a clustering
// purity matter no threshold can fix; they are counted apart.
const minAccounts = DEFAULT_WEIGHTS.minAccounts;
const scored = all
  .filter((r) => r.accounts.length >= minAccounts && r.y < 0.5)
  .map((r) => ({
    r,
    p:
      1 / (1 + Math.exp(-(fit.bias + ids.reduce((s, id, i) => s + fit.weights[i] * (r.values[id] ?? 0), 0)))),
  }));
const benignTotal = new Map<string, number>();
for (const dir of dirs) {
  const labels = JSON.parse(readFileSync(`${dir}/labels.json`, 'utf8')).accounts as Record<
    string,
    { isAttack: boolean }
  >;
  benignTotal.set(dir, Object.values(labels).filter((l) => !l.isAttack).length);
}
const benignAll = [...benignTotal.values()].reduce((s, x) => s + x, 0);
const labelsOf = new Map(
  dirs.map((d) => [
    d,
    JSON.parse(readFileSync(`${d}/labels.json`, 'utf8')).accounts as Record<string, { isAttack: boolean }>,
  ]),
);
function falseFlags(t: number): number {
  const flagged = new Set<string>();
  for (const { r, p } of scored) {
    if (p < t) continue;
    const labels = labelsOf.get(r.world) as Record<string, { isAttack: boolean }>;
    for (const a of r.accounts) if (!labels[a]?.isAttack) flagged.add(`${r.world}/${a}`);
  }
  return flagged.size;
}
let threshold = 0.99;
for (const t of [0.99, 0.98, 0.95, 0.9, 0.8, 0.7, 0.6, 0.5]) {
  const fp = falseFlags(t);
  console.error(
    `threshold ${t}: ${fp} benign accounts of mostly-benign clusters flagged (${((100 * fp) / benignAll).toFixed(3)}%)`,
  );
  if (fp / benignAll > budget) break;
  threshold = t;
}
// One grid step of margin above the lowest threshold that fits the budget on the training worlds.
const grid = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99];
threshold = grid[Math.min(grid.length - 1, grid.indexOf(threshold) + 1)];
const file = {
  version: DEFAULT_WEIGHTS.version,
  comment: `Fitted by bench/calibrate-weights.ts (logistic regression, each weight kept on its documented side, bias capped at logit(0.05), ridge lambda ${lambda} towards the reviewed prior weights${priorFile ? ` of ${priorFile}` : ''}) on ${train.length} cluster scorings of ${byCluster.size} clusters from ${dirs.length} generated worlds (${dirs.join(', ')}); target = campaign share of the cluster's accounts; suspected threshold = lowest score keeping training benign false flags within ${budget * 100}%. Mean cross-entropy ${fit.loss.toFixed(4)}.`,
  bias: Math.round(fit.bias * 100) / 100,
  weights,
  thresholds: {
    suspected: threshold,
    confirmed: Math.max(threshold, 0.95),
    // Reviewed, not fitted: how far a confirmed campaign's score may dip while it goes on flagging.
    keep: priorWeights.thresholds.keep,
  },
  minAccounts,
  minExchanges: DEFAULT_WEIGHTS.minExchanges,
  accountableCustomer: DEFAULT_WEIGHTS.accountableCustomer,
};
const text = `${JSON.stringify(file, null, 2)}\n`;
if (out) writeFileSync(out, text);
console.log(text);
