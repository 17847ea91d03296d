/**
 * Template sets: groups of templates that the same accounts send together. An operator splits
 * one script over many accounts; each account, early on or when it paraphrases most of its
 * prompts, shares only a few templates with any other one, too little for a pair to link. But
 * the script's templates are held by the same group of accounts, while two templates of ordinary
 * users are held by people who have little else in common. Templates whose holder sets overlap
 * strongly form a set; an account that sends two or more of a set's templates gets its key (kind
 * `template-set`), a value it shares with the whole group. It is weighed by rarity like any
 * value, so a set of thousands of accounts adds little, and sets of fewer than `minAccounts`
 * accounts (a team working from shared templates, linked well enough by them already) get no key.
 *
 * Pure and deterministic, computed from the graph's template postings (the engine re-runs it
 * every few hours of event time and re-keys the accounts whose set changed).
 */
import { KEY_INFO_HOLDER, keyInfo, type LinkGraph } from './graph.js';
import { KIND, KINDS } from './kinds.js';

/** Parameters of template-set finding (documented in docs/detection.md). */
export interface TemplateSetConfig {
  /** A template takes part when at least this many accounts hold it... */
  minHolders: number;
  /** ...and at most this share of the population (or `minMaxHolders`, whichever is larger). */
  maxHolderShare: number;
  minMaxHolders: number;
  /** Two templates belong together when this many accounts hold both... */
  minCommon: number;
  /** ...and their holder sets overlap by at least this Jaccard similarity. */
  minOverlap: number;
  /** A set has at least this many templates... */
  minTemplates: number;
  /** ...and this many accounts sending at least `minAccountTemplates` of them. */
  minAccounts: number;
  minAccountTemplates: number;
}

/** Defaults, tuned on the tuning worlds (small seeds 1-5, feb-2026 0.02 seed 2). */
export const DEFAULT_TEMPLATE_SET_CONFIG: TemplateSetConfig = {
  minHolders: 4,
  maxHolderShare: 0.1,
  minMaxHolders: 50,
  minCommon: 3,
  minOverlap: 0.3,
  minTemplates: 3,
  minAccounts: 12,
  minAccountTemplates: 2,
};

/** One template set: its id (its first template key, for stability across runs) and its members. */
export interface TemplateSet {
  id: string;
  templates: number;
  accounts: number[];
}

/** The template sets of the graph's current state, each account in at most one (its strongest). */
export function findTemplateSets(g: LinkGraph, config: Partial<TemplateSetConfig> = {}): TemplateSet[] {
  const cfg = { ...DEFAULT_TEMPLATE_SET_CONFIG, ...config };
  const prefix = `${KIND.template.code}|`;
  const templateKind = KINDS.indexOf(KIND.template);
  const maxHolders = Math.max(cfg.minMaxHolders, cfg.maxHolderShare * g.population);
  // The eligible templates, found by kind and holder count in one typed-array pass over the key
  // ids, numbered densely in key-id order (template t is key id global[t])...
  const info = keyInfo(g);
  const global: number[] = [];
  for (let id = 0; id < info.length; id++) {
    const x = info[id];
    if (x % KEY_INFO_HOLDER !== templateKind) continue;
    const n = Math.floor(x / KEY_INFO_HOLDER);
    if (n >= cfg.minHolders && n <= maxHolders) global.push(id);
  }
  // ...and each account's eligible templates, read from the templates' postings (account a's are
  // held[heldStart[a]..heldStart[a + 1])), not from every key of every account.
  const templates = global.length;
  const heldStart = new Int32Array(g.keys.length + 1);
  for (const id of global) for (const a of g.postings[id]) heldStart[a + 1]++;
  for (let a = 0; a < g.keys.length; a++) heldStart[a + 1] += heldStart[a];
  const held = new Int32Array(heldStart[g.keys.length]);
  const cursor = heldStart.slice(0, g.keys.length);
  for (let t = 0; t < templates; t++) for (const a of g.postings[global[t]]) held[cursor[a]++] = t;
  // Templates whose holders overlap are joined (union-find over key ids; each group's root is
  // its smallest id, so the groups do not depend on the order the pairs are met in).
  const parent = new Map<number, number>();
  const root = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r) as number;
    parent.set(x, r);
    return r;
  };
  // Template by template, how many accounts hold it together with each later template: a dense
  // counter per template (the work is the sum over accounts of their templates squared, as a
  // count per pair would be, but on a typed array instead of a map of millions of pairs).
  const together = new Int32Array(templates);
  const met: number[] = [];
  for (let t = 0; t < templates; t++) {
    for (const a of g.postings[global[t]]) {
      for (let i = heldStart[a]; i < heldStart[a + 1]; i++) {
        const u = held[i];
        if (u > t && together[u]++ === 0) met.push(u);
      }
    }
    for (const u of met) {
      const n = together[u];
      together[u] = 0;
      if (n < cfg.minCommon) continue;
      const x = global[t];
      const y = global[u];
      const overlap = n / (g.postings[x].length + g.postings[y].length - n);
      if (overlap < cfg.minOverlap) continue;
      const rx = root(x);
      const ry = root(y);
      if (rx !== ry) parent.set(Math.max(rx, ry), Math.min(rx, ry));
    }
    met.length = 0;
  }
  const groups = new Map<number, number[]>();
  for (const x of parent.keys()) {
    const r = root(x);
    const list = groups.get(r);
    if (list) list.push(x);
    else groups.set(r, [x]);
  }
  // Each account joins the set of which it sends the most templates (ties: the first id).
  const best = new Map<number, { id: string; n: number }>();
  const found: { id: string; templates: number[] }[] = [];
  for (const templates of groups.values()) {
    if (templates.length < cfg.minTemplates) continue;
    const id = templates.map((t) => g.keyText[t].slice(prefix.length)).sort()[0];
    found.push({ id, templates });
  }
  found.sort((p, q) => (p.id < q.id ? -1 : 1));
  for (const { id, templates } of found) {
    const count = new Map<number, number>();
    for (const t of templates) for (const a of g.postings[t]) count.set(a, (count.get(a) ?? 0) + 1);
    for (const [a, n] of count) {
      if (n < cfg.minAccountTemplates) continue;
      const b = best.get(a);
      if (!b || n > b.n) best.set(a, { id, n });
    }
  }
  const members = new Map<string, number[]>();
  for (const [a, { id }] of best) {
    const list = members.get(id);
    if (list) list.push(a);
    else members.set(id, [a]);
  }
  const out: TemplateSet[] = [];
  for (const { id, templates } of found) {
    const accounts = (members.get(id) ?? []).sort((x, y) => x - y);
    if (accounts.length >= cfg.minAccounts) out.push({ id, templates: templates.length, accounts });
  }
  return out;
}
