/** Shared by every benchmark: a line describing the machine, and a peak-memory sampler. */
import os from 'node:os';

/** CPU model, cores, memory and Node version, for the header of every benchmark's output. */
export function machineLine(): string {
  const cpus = os.cpus();
  return `machine: ${cpus[0]?.model ?? 'unknown cpu'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

/** Samples RSS and heap every 50 ms; `stop()` returns the peaks in MiB. */
export function trackPeakMemory(): { stop(): { rssMiB: number; heapMiB: number } } {
  let rss = process.memoryUsage.rss();
  let heap = process.memoryUsage().heapUsed;
  const sample = () => {
    rss = Math.max(rss, process.memoryUsage.rss());
    heap = Math.max(heap, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, 50);
  timer.unref();
  return {
    stop() {
      sample();
      clearInterval(timer);
      return { rssMiB: Math.round(rss / 2 ** 20), heapMiB: Math.round(heap / 2 ** 20) };
    },
  };
}
