"""datasketch (ekzhu/datasketch) driver for bench/fingerprint.ts: MinHash + MinHashLSH.

Usage: python3 datasketch_bench.py DATASKETCH_CHECKOUT PROMPTS.jsonl FAMILIES.jsonl OUT.json
  PROMPTS.jsonl   {"prompt": ...} per line: the throughput mix
  FAMILIES.jsonl  {"shingles": [...]} per line: variant families, the same word 3-shingles the
                  TypeScript side uses, so both index identical sets
Throughput: lowercase word 3-shingles (regex tokeniser), MinHash.bulk (128 permutations), then
MinHashLSH(threshold=0.7, num_perm=128) insert and query, each timed (wall and CPU seconds).
Recall: the LSH neighbours of every family document, scored by bench/fingerprint.ts.
The checkout is only put on sys.path: no datasketch code lives in this repository.
"""
import json
import re
import resource
import sys
import time

sys.path.insert(0, sys.argv[1])
from datasketch import MinHash, MinHashLSH  # noqa: E402

WORD = re.compile(r"\w+")
PERM = 128
THRESHOLD = 0.7


def read(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def shingles(text):
    words = WORD.findall(text.lower())
    if len(words) < 3:
        return [" ".join(words).encode("utf-8")] if words else [b""]
    return [" ".join(words[i : i + 3]).encode("utf-8") for i in range(len(words) - 2)]


def timed(fn):
    w, c = time.perf_counter(), time.process_time()
    value = fn()
    return value, time.perf_counter() - w, time.process_time() - c


prompts = [r["prompt"] for r in read(sys.argv[2])]
sets, tok_wall, tok_cpu = timed(lambda: [shingles(p) for p in prompts])
hashes, mh_wall, mh_cpu = timed(lambda: MinHash.bulk(sets, num_perm=PERM))
lsh = MinHashLSH(threshold=THRESHOLD, num_perm=PERM)


def insert():
    with lsh.insertion_session() as session:
        for i, m in enumerate(hashes):
            session.insert(i, m, check_duplication=False)


_, ins_wall, ins_cpu = timed(insert)
_, q_wall, q_cpu = timed(lambda: [lsh.query(m) for m in hashes])

families = read(sys.argv[3])
fam_hashes = MinHash.bulk([[s.encode("utf-8") for s in r["shingles"]] or [b""] for r in families], num_perm=PERM)
fam_lsh = MinHashLSH(threshold=THRESHOLD, num_perm=PERM)
for i, m in enumerate(fam_hashes):
    fam_lsh.insert(i, m, check_duplication=False)
neighbours = [sorted(fam_lsh.query(m)) for m in fam_hashes]

out = {
    "prompts": len(prompts),
    "bands": fam_lsh.b,
    "rows": fam_lsh.r,
    "tokenise": [tok_wall, tok_cpu],
    "minhash": [mh_wall, mh_cpu],
    "insert": [ins_wall, ins_cpu],
    "query": [q_wall, q_cpu],
    "peakRssMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "neighbours": neighbours,
}
with open(sys.argv[4], "w", encoding="utf-8") as f:
    json.dump(out, f)
