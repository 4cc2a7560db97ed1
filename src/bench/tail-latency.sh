#!/usr/bin/env bash
# Where the reads' p99 comes from in a large directory (docs/benchmarks.md, round 22): whether the filter's and
# GET by id's tail grows with the directory the requests reach, or with the load generator's tables of names and
# ids, or with neither. One server, one Redis with TAIL_USERS users in no group (every window reads the same
# directory), and three lists of users for wrk, in alternated windows beside the calibration:
#   all       every user: the requests reach the whole directory, and wrk holds a table of TAIL_USERS entries;
#   subset    TAIL_SUBSET users drawn at random: a smaller part of the directory, a smaller table;
#   repeated  the subset repeated up to TAIL_USERS entries: the subset's part of the directory, the whole's table.
#
#   src/bench/tail-latency.sh
#
# Knobs (environment): TAIL_USERS (100000), TAIL_SUBSET (20000), TAIL_OPS (filter, get; default "filter get"),
# TAIL_ROUNDS (5), TAIL_SECONDS (a window; 10), TAIL_WARMUP (windows of 15 s of the calibration and of each
# workload on every user before the rounds; 3); BRIDGE_MEMORY_LIMIT and BRIDGE_CPU_LIMIT run the server inside a
# container's limits (src/bench/bridge.sh).
#
# It prints one line a window (bench_window's figures, with wrk's p99, Redis's own p99 of EVALSHA and the mean
# young collection), then for each workload and list the medians over the rounds (range) of req/s, p99, Redis's
# p99 and the young collections, and of each round's p99 over the subset's in the same round.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bridge.sh"
bench_windowed TAIL "filter get" 5
USERS=${TAIL_USERS:-100000}
SUBSET=${TAIL_SUBSET:-20000}
bridge_seeded Tail "$USERS"
ln -s users.tsv "$WORK/all"
shuf -n "$SUBSET" "$WORK/all" >"$WORK/subset"
for _ in $(seq $(( (USERS + SUBSET - 1) / SUBSET ))); do cat "$WORK/subset"; done | head -n "$USERS" >"$WORK/repeated"
calibration_deploy || { echo "the calibration WAR did not answer within 60 s" >&2; exit 1; }

bench_list_rounds "all" all subset repeated
echo "medians over $ROUNDS rounds (range); p99 / subset's is each round's p99 over the subset's in the same round:"
python3 - "$WORK/windows" "$ROOT/src/bench" <<'PY'
import collections, sys
sys.path.insert(0, sys.argv[2])
from windows import read, span
rounds = read(sys.argv[1])   # round -> {(list, op): figures}
for key in dict.fromkeys(k for r in rounds.values() for k in r):
    cells = collections.defaultdict(list)
    for r in rounds.values():
        f = r.get(key)
        if not f:
            continue
        for name in ('rps', 'p99_ms', 'redis_p99_us', 'ygc_ms'):
            if name in f:
                cells[name].append(f[name])
        subset = r.get(('subset', key[1]))
        if subset and key[0] != 'subset':
            cells["p99 / subset's"].append(f['p99_ms'] / subset['p99_ms'])
    print(f"  {key[1]} {key[0]}: " + "; ".join(f"{name} {span(v, 0 if name == 'rps' else 2)}" for name, v in cells.items()))
PY
