"""Drain3 (logpai/Drain3) driver for bench/fingerprint.ts: throughput and template assignments.

Usage: python3 drain3_bench.py DRAIN3_CHECKOUT PROMPTS.jsonl LABELLED.jsonl OUT.json
  PROMPTS.jsonl   {"prompt": ...} per line: the throughput mix
  LABELLED.jsonl  {"prompt": ..., "masked": ..., "template": ...}: the accuracy set
Writes OUT.json: throughput (wall and CPU seconds, clusters, peak RSS) and the cluster id of every
labelled prompt, for raw and for masked text (bench/fingerprint.ts scores them). Default Drain3
configuration (sim_th 0.4, depth 4, max_children 100), no persistence: no masking, so Drain3 only
splits at whitespace, where our scan also normalises and masks.

Equal work: the same default configuration with masking instructions, timed on the same prompts
(`masked` in OUT.json): the seven of the checkout's own examples/drain3.ini (read from it; the
other settings of that file, profiling and a cluster cap, are not taken), and instructions for the
eight placeholder types our scan masks (code blocks, URLs, emails, quoted literals, dates, hex,
ids, numbers; written here). The checkout is only put on sys.path: no Drain3 code lives in this
repository.
"""
import json
import os
import resource
import sys
import time

sys.path.insert(0, sys.argv[1])
from drain3 import TemplateMiner  # noqa: E402
from drain3.masking import MaskingInstruction  # noqa: E402
from drain3.template_miner_config import TemplateMinerConfig  # noqa: E402

# Our scan's placeholder types as Drain3 masking instructions, applied in this order.
OUR_TYPES = [
    (r"```[\s\S]*?(?:```|$)", "code"),
    (r"(?:https?://|www\.)[^\s\"'<>)\]}`]+", "url"),
    (r"[\w.+-]+@[\w-]+\.[\w.-]+", "email"),
    (r"[\"\u201c\u201e\u00ab\u300c\u300e][^\"\u201d\u201c\u00bb\u300d\u300f\n]{1,400}[\"\u201d\u201c\u00bb\u300d\u300f]", "str"),
    (r"\b(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?)\b", "date"),
    (r"\b(?:0x[0-9a-fA-F]+|[0-9a-fA-F]*\d[0-9a-fA-F]*[a-fA-F][0-9a-fA-F]*)\b", "hex"),
    (r"\b(?:\w+_\w+|[a-z]+[A-Z]\w*|(?=\w*\d)(?=\w*[A-Za-z])\w+|\w+(?:\.\w+)+)\b|`[^`\n]{1,200}`", "id"),
    (r"\b\d+(?:[.,]\d+)*(?:st|nd|rd|th|k|m|b|x|px|kg|km|gb|mb|kb|ms|mm|cm|ml|g|mg|lb|lbs|oz|ft|mi|h|am|pm)?\b", "num"),
]


def config(masking=None):
    c = TemplateMinerConfig()
    if masking == "example":
        example = TemplateMinerConfig()
        example.load(os.path.join(sys.argv[1], "examples", "drain3.ini"))
        c.masking_instructions = example.masking_instructions
        c.mask_prefix, c.mask_suffix = example.mask_prefix, example.mask_suffix
    elif masking == "ours":
        c.masking_instructions = [MaskingInstruction(p, m) for p, m in OUR_TYPES]
    return c


def miner(masking=None):
    return TemplateMiner(config=config(masking))


def read(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


prompts = [r["prompt"] for r in read(sys.argv[2])]
labelled = read(sys.argv[3])


def timed(masking=None):
    tm = miner(masking)
    half = len(prompts) // 2
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for p in prompts[:half]:
        tm.add_log_message(p)
    wall1, cpu1 = time.perf_counter(), time.process_time()
    for p in prompts[half:]:
        tm.add_log_message(p)
    wall2, cpu2 = time.perf_counter(), time.process_time()
    # the masking alone, on the same prompts (0 without instructions)
    mask0 = time.process_time()
    if masking is not None:
        for p in prompts:
            tm.masker.mask(p)
    mask1 = time.process_time()
    return {
        "wallSeconds": wall2 - wall0,
        "cpuSeconds": cpu2 - cpu0,
        "firstHalfCpuSeconds": cpu1 - cpu0,
        "secondHalfCpuSeconds": cpu2 - cpu1,
        "maskingCpuSeconds": mask1 - mask0,
        "clusters": len(tm.drain.clusters),
    }


out = {"prompts": len(prompts), **timed()}
out["masked"] = {name: timed(name) for name in ("example", "ours")}

assignments = {}
for field in ("prompt", "masked"):
    m = miner()
    assignments[field] = [m.add_log_message(r[field])["cluster_id"] for r in labelled]
for name in ("example", "ours"):
    m = miner(name)
    assignments[f"prompt-{name}"] = [m.add_log_message(r["prompt"])["cluster_id"] for r in labelled]
out["peakRssMiB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
out["assignments"] = assignments
with open(sys.argv[4], "w", encoding="utf-8") as f:
    json.dump(out, f)
