/** `distillwatch serve`: the live service (ingest, detection, enforcement API, dashboard) on the embedded store. */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { OperatorError } from '../../core/errors.js';
import { DEFAULT_PIPELINE_CONFIG, loadPipelineConfig, type PipelineConfig } from '../../pipeline/config.js';
import { startServer } from '../../server/serve.js';
import { readTokens } from '../../server/tokens.js';

interface ServeOptions {
  port: string;
  host: string;
  data: string;
  config?: string;
  tickSeconds: string;
  retentionDays?: string;
  maxBatch: string;
  maxBodyMb: string;
  rateLimit: string;
  web?: string;
  workers?: string;
  parseWorkers: string;
}

/** Worker threads by default, as scan: one per core, at most 4. */
function defaultWorkers(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/** The built dashboard shipped beside the package (web/dist), relative to this module. */
const DEFAULT_WEB = fileURLToPath(new URL('../../../web/dist', import.meta.url));

function number(value: string, flag: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new OperatorError('usage', `${flag} must be a number from ${min} to ${max}, got '${value}'`);
  return n;
}

/** Registers `serve`. */
export function register(program: Command): void {
  program
    .command('serve')
    .description(
      'Run the live service: HTTP ingest, streaming detection, risk API, webhooks and the dashboard',
    )
    .option('--port <n>', 'port to listen on (0 = any free port)', '8080')
    .option('--host <addr>', 'address to listen on', '127.0.0.1')
    .option('--data <dir>', 'data directory (store file and tokens)', 'distillwatch-data')
    .option(
      '--config <file>',
      'pipeline JSON config, as for scan: tickMinutes, reorderSeconds, workers, limits, stages, engine',
    )
    .option('--tick-seconds <s>', 'wall-clock interval of the detection tick', '60')
    .option('--retention-days <d>', 'delete stored exchanges older than this (event time); default keeps all')
    .option('--max-batch <n>', 'most records in one ingest request', '10000')
    .option('--max-body-mb <m>', 'largest request body in MiB (before and after gzip)', '64')
    .option('--rate-limit <r>', 'requests per second per token (burst: twice that)', '5000')
    .option('--web <dir>', 'built dashboard to serve at / (default: web/dist of the package, when built)')
    .option(
      '--workers <n>',
      'worker threads for the per-event stages (default as scan: one per core, at most 4)',
    )
    .option(
      '--parse-workers <n>',
      'worker threads parsing NDJSON ingest batches (0: on the HTTP thread)',
      '1',
    )
    .action(async (options: ServeOptions) => {
      const base: PipelineConfig = { ...DEFAULT_PIPELINE_CONFIG, workers: defaultWorkers() };
      const pipeline = options.config ? loadPipelineConfig(options.config, base) : base;
      if (options.workers !== undefined) pipeline.workers = number(options.workers, '--workers', 0, 64);
      const rate = number(options.rateLimit, '--rate-limit', 1);
      const server = await startServer({
        dataDir: options.data,
        port: number(options.port, '--port', 0, 65535),
        host: options.host,
        pipeline,
        service: {
          tickIntervalMs: number(options.tickSeconds, '--tick-seconds', 0) * 1000,
          retentionDays:
            options.retentionDays === undefined ? null : number(options.retentionDays, '--retention-days', 1),
        },
        limits: {
          maxBatch: number(options.maxBatch, '--max-batch', 1, 1_000_000),
          maxBodyBytes: number(options.maxBodyMb, '--max-body-mb', 1, 4096) * 1024 * 1024,
          ratePerSecond: rate,
          rateBurst: rate * 2,
        },
        webDist: options.web ?? DEFAULT_WEB,
        parseWorkers: number(options.parseWorkers, '--parse-workers', 0, 64),
      });
      const stats = server.service.stats();
      process.stderr.write(
        `distillwatch: listening on ${server.url} (data ${options.data}, ${stats.exchanges} exchanges stored)\n`,
      );
      if (readTokens(options.data).length === 0) {
        process.stderr.write(
          `distillwatch: no API tokens yet; create one: distillwatch token create --role admin --data ${options.data}\n`,
        );
      }
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.stderr.write('distillwatch: shutting down\n');
          server.close().then(resolve, resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
