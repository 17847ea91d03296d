"""Drain3 (logpai/Drain3) driver for bench/fingerprint.ts: throughput and template assignments.

Usage: python3 drain3_bench.py DRAIN3_CHECKOUT PROMPTS.jsonl LABELLED.jsonl OUT.json
  PROMPTS.jsonl   {"prompt": ...} per line: the throughput mix
  LABELLED.jsonl  {"prompt": ..., "masked": ..., "template": ...}: the accuracy set
Writes OUT.json: throughput (wall and CPU seconds, clusters, peak RSS) and the cluster id of every
labelled prompt, for raw and for masked text (bench/fingerprint.ts scores them). Default Drain3
configuration (sim_th 0.4, depth 4, max_children 100), no persistence. The checkout is only put
on sys.path: no Drain3 code lives in this repository.
"""
import json
import resource
import sys
import time

sys.path.insert(0, sys.argv[1])
from drain3 import TemplateMiner  # noqa: E402
from drain3.template_miner_config import TemplateMinerConfig  # noqa: E402


def miner():
    return TemplateMiner(config=TemplateMinerConfig())


def read(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


prompts = [r["prompt"] for r in read(sys.argv[2])]
labelled = read(sys.argv[3])

tm = miner()
half = len(prompts) // 2
wall0, cpu0 = time.perf_counter(), time.process_time()
for p in prompts[:half]:
    tm.add_log_message(p)
wall1, cpu1 = time.perf_counter(), time.process_time()
for p in prompts[half:]:
    tm.add_log_message(p)
wall2, cpu2 = time.perf_counter(), time.process_time()

assignments = {}
for field in ("prompt", "masked"):
    m = miner()
    assignments[field] = [m.add_log_message(r[field])["cluster_id"] for r in labelled]

out = {
    "prompts": len(prompts),
    "wallSeconds": wall2 - wall0,
    "cpuSeconds": cpu2 - cpu0,
    "firstHalfCpuSeconds": cpu1 - cpu0,
    "secondHalfCpuSeconds": cpu2 - cpu1,
    "clusters": len(tm.drain.clusters),
    "peakRssMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "assignments": assignments,
}
with open(sys.argv[4], "w", encoding="utf-8") as f:
    json.dump(out, f)
