/**
 * The world simulator's public API: `simulateWorld` streams a preset's world into sinks (files,
 * gzip, stdout, memory), `simulateToMemory` builds a small world in memory for tests, and
 * `fileSinks` writes the `DIR/exchanges.ndjson`, `accounts.ndjson`, `labels.json` layout.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { createGzip, type Gzip } from 'node:zlib';
import { OperatorError } from '../core/errors.js';
import type { Labels } from '../core/types.js';
import { loadCorpus } from './corpus.js';
import { generate, type SimSinks, type SimStats } from './generate.js';
import { PRESETS, type Preset } from './presets.js';
import type { Corpus } from './prompts.js';
import { buildWorld, type World } from './world.js';

export { loadCorpus } from './corpus.js';
export { MODELS, type SimSinks, type SimStats } from './generate.js';
export { allWorldAsns, COUNTRIES, HOSTING, HOSTING_ASNS, UNIVERSITIES, VPN_ASNS } from './geo.js';
export { loadNetDb, lookupV4, type NetDb } from './net.js';
export { type CampaignSpec, type CellSpec, PRESETS, type Preset } from './presets.js';
export { BENIGN_PERSONAS, buildWorld, expectedVolume, type World } from './world.js';

/** Options of one simulation (CLI flags map one to one). */
export interface SimulateOptions {
  preset?: string | Preset;
  seed?: number;
  days?: number;
  scale?: number;
  /** A corpus directory in the shared line format, or an already loaded corpus. */
  corpus?: string | Corpus;
  /** Called after each simulated hour (progress display). */
  onHour?: (stats: SimStats, eventTime: number) => void;
}

function resolvePreset(preset: string | Preset | undefined): Preset {
  if (preset === undefined) return PRESETS.small;
  if (typeof preset !== 'string') return preset;
  const found = PRESETS[preset];
  if (!found)
    throw new OperatorError(
      'usage',
      `unknown preset "${preset}" (known: ${Object.keys(PRESETS).join(', ')})`,
    );
  return found;
}

/** Builds the world of the options (accounts, campaigns, events; no exchanges yet). */
export function worldOf(options: SimulateOptions): World {
  const preset = resolvePreset(options.preset);
  const seed = options.seed ?? 1;
  const scale = options.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0)
    throw new OperatorError('usage', `--scale must be a positive number, got ${scale}`);
  if (options.days !== undefined && (!Number.isFinite(options.days) || options.days <= 0))
    throw new OperatorError('usage', `--days must be a positive number, got ${options.days}`);
  if (!Number.isInteger(seed)) throw new OperatorError('usage', `--seed must be an integer, got ${seed}`);
  const corpus = typeof options.corpus === 'string' ? loadCorpus(options.corpus).corpus : options.corpus;
  return buildWorld({ preset, seed, scale, days: options.days, corpus });
}

/** Simulates a world and streams it into `sinks` (exchanges sorted by time). */
export async function simulateWorld(options: SimulateOptions, sinks: SimSinks): Promise<SimStats> {
  return generate(worldOf(options), sinks, options.onHour);
}

/** A world held in memory: raw NDJSON lines, parsed records (ts as RFC 3339 text) and labels. */
export interface MemoryWorld {
  exchangeLines: string[];
  accountLines: string[];
  exchanges: Record<string, unknown>[];
  accountEvents: Record<string, unknown>[];
  labels: Labels;
  stats: SimStats;
  world: World;
}

/** Generates a (small) world into memory, for tests and fixtures. */
export async function simulateToMemory(options: SimulateOptions): Promise<MemoryWorld> {
  const exchangeChunks: string[] = [];
  const accountChunks: string[] = [];
  let labels: Labels | undefined;
  const world = worldOf(options);
  const stats = await generate(world, {
    exchanges: (c) => {
      exchangeChunks.push(c);
    },
    accounts: (c) => {
      accountChunks.push(c);
    },
    labels: (l) => {
      labels = l;
    },
  });
  const split = (chunks: string[]) =>
    chunks
      .join('')
      .split('\n')
      .filter((l) => l !== '');
  const exchangeLines = split(exchangeChunks);
  const accountLines = split(accountChunks);
  return {
    exchangeLines,
    accountLines,
    exchanges: exchangeLines.map((l) => JSON.parse(l) as Record<string, unknown>),
    accountEvents: accountLines.map((l) => JSON.parse(l) as Record<string, unknown>),
    labels: labels!,
    stats,
    world,
  };
}

/** A text sink on a writable stream (optionally gzipped) that honours backpressure. */
export interface StreamSink {
  write(chunk: string): void | Promise<void>;
  close(): Promise<void>;
}

/** Opens a file (or stdout for '-') as a sink; gzip when asked. */
export function openSink(path: string, gzip = false): StreamSink {
  let target: NodeJS.WritableStream;
  let file: WriteStream | undefined;
  if (path === '-') target = process.stdout;
  else {
    mkdirSync(dirname(path), { recursive: true });
    file = createWriteStream(path);
    target = file;
  }
  let zip: Gzip | undefined;
  if (gzip) {
    zip = createGzip({ level: 4 });
    zip.pipe(target);
  }
  const head: NodeJS.WritableStream = zip ?? target;
  let failure: OperatorError | undefined;
  let waiting: ((error?: OperatorError) => void) | undefined;
  const onError = (e: NodeJS.ErrnoException) => {
    failure ??= new OperatorError(
      'input',
      e.code === 'EPIPE'
        ? `cannot write ${path}: the reader closed it early`
        : `cannot write ${path}: ${e.message}`,
    );
    waiting?.(failure);
    waiting = undefined;
  };
  head.on('error', onError);
  if (target !== head) target.on('error', onError);
  return {
    write(chunk) {
      if (failure) throw failure;
      if (head.write(chunk)) return;
      // Backpressure: wait for 'drain', or fail as soon as the stream errors.
      return new Promise<void>((resolve, reject) => {
        waiting = (error) => (error ? reject(error) : resolve());
        head.once('drain', () => {
          waiting?.();
          waiting = undefined;
        });
      });
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        if (failure) return reject(failure);
        if (!file) {
          if (zip) {
            zip.end();
            zip.once('end', () => resolve());
          } else resolve();
          return;
        }
        file.once('finish', () => resolve());
        file.once('error', reject);
        head.end();
      });
    },
  };
}

/** Where `simulate` writes: a directory, or stdout for exchanges with side files. */
export interface OutputLayout {
  out: string;
  gzip?: boolean;
  accountsOut?: string;
  labelsOut?: string;
}

/** Resolved output paths of a layout. */
export function outputPaths(layout: OutputLayout): { exchanges: string; accounts: string; labels: string } {
  if (layout.out === '-')
    return {
      exchanges: '-',
      accounts: layout.accountsOut ?? 'accounts.ndjson',
      labels: layout.labelsOut ?? 'labels.json',
    };
  return {
    exchanges: join(layout.out, layout.gzip ? 'exchanges.ndjson.gz' : 'exchanges.ndjson'),
    accounts: layout.accountsOut ?? join(layout.out, 'accounts.ndjson'),
    labels: layout.labelsOut ?? join(layout.out, 'labels.json'),
  };
}

/** Simulates into files (and/or stdout) per the layout; returns totals and paths. */
export async function simulateToFiles(
  options: SimulateOptions,
  layout: OutputLayout,
): Promise<{ stats: SimStats; paths: ReturnType<typeof outputPaths> }> {
  const paths = outputPaths(layout);
  // Build (and so validate) the world before any file is created.
  const world = worldOf(options);
  const exchanges = openSink(paths.exchanges, layout.gzip === true);
  const accounts = openSink(paths.accounts, false);
  let labels: Labels | undefined;
  const stats = await generate(
    world,
    {
      exchanges: (c) => exchanges.write(c),
      accounts: (c) => accounts.write(c),
      labels: (l) => {
        labels = l;
      },
    },
    options.onHour,
  );
  await exchanges.close();
  await accounts.close();
  const labelSink = openSink(paths.labels, false);
  await labelSink.write(`${JSON.stringify(labels, null, 1)}\n`);
  await labelSink.close();
  return { stats, paths };
}
