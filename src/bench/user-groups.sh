#!/usr/bin/env bash
# What a user's groups cost the reads (docs/benchmarks.md, round 26): the filter and GET by id of users in no group
# against users in GROUPED_GROUPS groups, in one server and one directory, in alternated windows beside the
# calibration. The full run's paired rounds read users every one of which is in the group that workload 5 filled
# with every user; the floor and tail scripts read users in no group.
# One Redis with GROUPED_USERS users; wrk gets one of two lists:
#   none     the first half of the users, in no group;
#   grouped  the second half, each a member of the GROUPED_GROUPS groups made for it (PATCHes of 1,000 members).
#
#   src/bench/user-groups.sh
#
# Knobs (environment): GROUPED_USERS (100000), GROUPED_GROUPS (1), GROUPED_OPS (filter, get; default "filter get"),
# GROUPED_ROUNDS (5), GROUPED_SECONDS (a window; 10), GROUPED_WARMUP (windows of 15 s of the calibration and of each
# workload on each list before the rounds; 3); BRIDGE_MEMORY_LIMIT and BRIDGE_CPU_LIMIT run the server inside a
# container's limits (src/bench/bridge.sh).
#
# It prints one line a window (bench_window's figures), then for each workload and list the medians over the rounds
# (range) of req/s over the calibration's in the same round, of the JVM's and Redis's CPU a request and of the
# allocation a request, and of each round's grouped req/s over the same round's none.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bridge.sh"
bench_windowed GROUPED "filter get" 5
USERS=${GROUPED_USERS:-100000}
GROUPS_EACH=${GROUPED_GROUPS:-1}
bridge_seeded Grouped "$USERS"
bridge_tools jq
head -n $(( USERS / 2 )) "$WORK/users.tsv" >"$WORK/none"
tail -n +$(( USERS / 2 + 1 )) "$WORK/users.tsv" >"$WORK/grouped"
AUTH="Authorization: Bearer $BENCH_TOKEN"
for i in $(seq "$GROUPS_EACH"); do
    cut -f1 "$WORK/grouped" | bench_group_add "$(bench_group_new "grouped-$i")" 1000
done
id=$(head -1 "$WORK/grouped" | cut -f1)
groups=$(curl -sf -H "$AUTH" "$BASE/scim/v2/Users/$id" | jq '.groups | length')
[[ $groups == "$GROUPS_EACH" ]] || { echo "a grouped user is in $groups groups, not $GROUPS_EACH" >&2; exit 1; }
bridge_log "$(wc -l <"$WORK/grouped") users in $GROUPS_EACH groups each, $(wc -l <"$WORK/none") in none"
calibration_deploy || { echo "the calibration WAR did not answer within 60 s" >&2; exit 1; }

bench_list_rounds "none grouped" none grouped
echo "medians over $ROUNDS rounds (range); shares of the calibration's req/s in the same round:"
python3 - "$WORK/windows" "$ROOT/src/bench" <<'PY'
import collections, statistics, sys
sys.path.insert(0, sys.argv[2])
from windows import read, span
rounds = read(sys.argv[1])   # round -> {(list, op): figures}
for op in dict.fromkeys(o for r in rounds.values() for (label, o) in r if label != 'calibration'):
    for label in ('none', 'grouped'):
        cells = collections.defaultdict(list)
        for r in rounds.values():
            cal, f, none = r.get(('calibration', 'ping')), r.get((label, op)), r.get(('none', op))
            if not (cal and f):
                continue
            cells['/ calibration'].append(f['rps'] / cal['rps'])
            if label != 'none' and none:
                cells['/ none'].append(f['rps'] / none['rps'])
            for key in ('jvm', 'redis', 'alloc_kb'):
                cells[key].append(f[key])
            cells['calibration jvm'].append(cal['jvm'])
            cells['calibration redis'].append(cal['redis'])
        print(f"  {op} {label}: " + "; ".join(
            f"{k} {span(v)}" if k.startswith('/') else f"{k} {statistics.median(v):.1f}" for k, v in cells.items()))
PY
