/**
 * Browser-test support: Debian's Chromium driven by playwright-core, a fresh build of the
 * dashboard, and a pixel check that a rendered graph is really drawn (not blank, several colours).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { PNG } from 'pngjs';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const WEB_DIR = join(REPO_ROOT, 'web');
export const CHROMIUM = '/usr/bin/chromium';
/** Screenshots of each test run land here (gitignored), for a human to look at. */
export const SHOTS_DIR = join(REPO_ROOT, 'tmp', 'e2e-shots');

/** Whether Debian's Chromium is installed (browser tests skip with a message when not). */
export const hasChromium = existsSync(CHROMIUM);

/** Starts headless Chromium with the flags this sandboxed machine needs. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Builds the dashboard from the current sources into a fresh temporary folder (so test files
 * running in parallel never race on web/dist) and returns it; remove it with `rmSync` when done.
 */
export function buildDashboard(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'distillwatch-web-'));
  // A child process: under vitest NODE_ENV is 'test', which would make Vite bundle React's dev build.
  const vite = join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  execFileSync(process.execPath, [vite, 'build', WEB_DIR, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
  return outDir;
}

/** What a screenshot of a graph contains besides its background. */
export interface PixelReport {
  /** Share of pixels that differ clearly from the background colour. */
  inkShare: number;
  /** Distinct saturated colours (coarse buckets) covering at least `minPixels` pixels each. */
  colours: number;
}

/** Decodes a PNG screenshot and measures its non-background pixels and distinct colours. */
export function analysePixels(png: Buffer, minPixels = 40): PixelReport {
  const image = PNG.sync.read(png);
  const { data, width, height } = image;
  // The background is the most common colour.
  const counts = new Map<number, number>();
  for (let i = 0; i < data.length; i += 4) {
    const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const bg = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const [br, bgG, bb] = [(bg >> 16) & 255, (bg >> 8) & 255, bg & 255];
  let ink = 0;
  const buckets = new Map<number, number>();
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
    if (Math.abs(r - br) + Math.abs(g - bgG) + Math.abs(b - bb) < 60) continue;
    ink++;
    const max = Math.max(r, g, b);
    const min = Math.min(r, g, b);
    if (max - min < 50) continue; // greys and near-whites are not colours
    const key = ((r >> 6) << 4) | ((g >> 6) << 2) | (b >> 6);
    buckets.set(key, (buckets.get(key) ?? 0) + 1);
  }
  const colours = [...buckets.values()].filter((n) => n >= minPixels).length;
  return { inkShare: ink / (width * height), colours };
}
