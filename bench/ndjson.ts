/**
 * NDJSON source benchmark: writes a synthetic exchange log of the given size (default 1 GiB) and
 * streams it through `readExchanges`, printing lines/s, MB/s and peak memory (which must stay
 * bounded whatever the file size). Usage: npx tsx bench/ndjson.ts [SIZE_MB] [--gzip]
 */
import { createWriteStream, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { readExchanges } from '../src/sources/ndjson/index.js';
import { machineLine, trackPeakMemory } from './machine.js';

const sizeMb = Number(process.argv[2] ?? 1024);
const gzip = process.argv.includes('--gzip');
const path = join(tmpdir(), `dw-bench-ndjson-${process.pid}.ndjson${gzip ? '.gz' : ''}`);

async function writeLog(): Promise<{ lines: number; bytes: number }> {
  const file = createWriteStream(path);
  const out: NodeJS.WritableStream = gzip ? createGzip({ level: 1 }) : file;
  if (gzip) (out as ReturnType<typeof createGzip>).pipe(file);
  const target = sizeMb * 1e6;
  let bytes = 0;
  let i = 0;
  while (bytes < target) {
    let chunk = '';
    for (let j = 0; j < 2000; j++, i++) {
      chunk += `${JSON.stringify({
        id: `ex-${i}`,
        ts: 1_776_816_000_000 + i * 37,
        account: `acct_${(i * 2654435761) % 50_000}`,
        model: 'model-large-2026-04',
        ip: `203.0.${i % 256}.${(i >> 8) % 256}`,
        userAgent: 'OpenAI/Python 1.82.0',
        prompt: `Refactor the following function so that it handles edge case ${i} and explain each step of your reasoning in detail before giving the final code. ${'lorem ipsum '.repeat(30)}`,
        temperature: 0.7,
        maxTokens: 4096,
        status: 200,
        inputTokens: 812,
        outputTokens: 1490,
      })}\n`;
    }
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => {
    file.once('close', () => resolve());
    out.end();
  });
  return { lines: i, bytes };
}

console.log(machineLine());
const written = await writeLog();
const fileBytes = statSync(path).size;
const memory = trackPeakMemory();
const started = performance.now();
const reader = readExchanges(path);
let records = 0;
for await (const batch of reader) records += batch.length;
const seconds = (performance.now() - started) / 1000;
const peak = memory.stop();
rmSync(path);
console.log(
  `ndjson read: ${written.lines} lines, ${(fileBytes / 1e6).toFixed(0)} MB on disk${gzip ? ' (gzip)' : ''}, ${records} accepted` +
    ` in ${seconds.toFixed(1)} s = ${Math.round(records / seconds).toLocaleString('en-US')} lines/s,` +
    ` ${(written.bytes / 1e6 / seconds).toFixed(0)} MB/s uncompressed; peak RSS ${peak.rssMiB} MiB, peak heap ${peak.heapMiB} MiB`,
);
