/**
 * Starting and stopping the whole service: open the embedded store in the data directory, build
 * detection, replay what is stored, then listen. `distillwatch serve` calls `startServer`; tests
 * and the benchmark call it too (port 0 picks a free port).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import type { PipelineConfig } from '../pipeline/config.js';
import { compileOnOwnThreads, INGEST_NICE } from '../store/priority.js';
import { openDuckDbStoreThread } from '../store/threaded.js';
import type { Store } from '../store/types.js';
import type { Detection } from './detection.js';
import { createDetection } from './detection-default.js';
import { startDetectionThread } from './detection-worker.js';
import { createRiskFastPath } from './fast-risk.js';
import { createApp, createRateLimiter, DEFAULT_HTTP_LIMITS, type HttpLimits } from './http.js';
import { createParsePool } from './parse-pool.js';
import type { Decision } from './risk.js';
import { createService, type Service, type ServiceConfig } from './service.js';
import { openTokenBook } from './tokens.js';

/** Everything `startServer` reads. */
export interface ServerOptions {
  /** Data directory: the store file `distillwatch.duckdb` and `tokens.json` (created when absent). */
  dataDir: string;
  /** Port (0 = any free port) and host (default 127.0.0.1). */
  port: number;
  host?: string;
  pipeline?: Partial<PipelineConfig>;
  service?: Partial<ServiceConfig>;
  limits?: Partial<HttpLimits>;
  /** Built dashboard directory; null serves no dashboard. */
  webDist?: string | null;
  guardrailBlocks?: Decision[];
  /** Worker threads parsing NDJSON exchange batches (default 1; 0 parses on the HTTP thread). */
  parseWorkers?: number;
  /** Run detection on its own thread (default) or on the HTTP thread. */
  detectionThread?: boolean;
  /** Replaces the default store or detection (tests). */
  store?: Store;
  detection?: Detection;
  /** Wall clock and webhook HTTP client (tests). */
  now?: () => number;
  fetch?: typeof fetch;
  log?: (message: string) => void;
}

/** A running server. */
export interface RunningServer {
  url: string;
  port: number;
  service: Service;
  /** Stops listening, waits for detection, closes the store. */
  close(): Promise<void>;
}

/** The store file inside a data directory. */
export function storePath(dataDir: string): string {
  return join(dataDir, 'distillwatch.duckdb');
}

/** Opens the store, replays it into detection, and starts listening. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  mkdirSync(options.dataDir, { recursive: true });
  // Before any worker starts: detection's and ingest's threads compile at their own priority.
  compileOnOwnThreads();
  // The store runs on its own thread: its synchronous work (appender rows and flushes) stays off
  // the HTTP thread.
  // Priorities: the HTTP thread first, bulk ingest (store, parsing) next, detection last.
  const store =
    options.store ?? (await openDuckDbStoreThread(storePath(options.dataDir), { nice: INGEST_NICE }));
  const detection =
    options.detection ??
    (options.detectionThread === false
      ? createDetection(options.pipeline)
      : startDetectionThread(options.pipeline));
  const service = createService({
    store,
    detection,
    config: options.service,
    now: options.now,
    fetch: options.fetch,
    log: options.log,
  });
  try {
    await service.start();
  } catch (error) {
    await service.close().catch(() => undefined);
    throw error;
  }
  const webDist = options.webDist === undefined ? null : options.webDist;
  const parser = createParsePool(
    options.parseWorkers ?? 1,
    options.limits?.maxBatch ?? DEFAULT_HTTP_LIMITS.maxBatch,
    INGEST_NICE,
  );
  const tokens = openTokenBook(options.dataDir, options.now);
  const limiter = createRateLimiter({ ...DEFAULT_HTTP_LIMITS, ...options.limits }, options.now);
  const app = createApp({
    parser,
    service,
    tokens,
    limiter,
    limits: options.limits,
    webDist: webDist && existsSync(join(webDist, 'index.html')) ? webDist : null,
    guardrailBlocks: options.guardrailBlocks,
    log: options.log,
    now: options.now,
  });
  const host = options.host ?? '127.0.0.1';
  // Inline risk lookups are answered before the app (see fast-risk.ts); everything else goes to it.
  const fastRisk = createRiskFastPath({ service, tokens, limiter });
  const appListener = getRequestListener(app.fetch, { hostname: host });
  const server = createServer((request, response) => {
    if (!fastRisk(request, response)) void appListener(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    service,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
        await parser.close();
        await service.close();
      })();
      return closing;
    },
  };
}
