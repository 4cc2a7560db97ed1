#!/usr/bin/env bash
# Measures the stack's floor under the issue's three ratio targets (docs/benchmarks.md, round 19): the filter,
# GET by id and creates of the bridge, each beside the calibration endpoint and beside StackFloor
# (src/bench/calibration/StackFloor.java), a JAX-RS resource on the same Liberty that does only what such a
# request cannot do without here: the bridge's paths, one EVALSHA of the bridge's own Lua script on keys of its
# layout, an answer of about its size written by JSON-P; no token, CDI, encryption, blind index, schema,
# filter parse or projection. All three in one server (the calibration WAR in dropins beside the bridge), on one
# Redis and FLOOR_USERS users in no group, in alternated windows, so that each round's three figures meet the same
# minute of the host.
#
#   src/bench/stack-floor.sh
#
# Knobs (environment): FLOOR_USERS (10000), FLOOR_OPS (filter, get, create; default "filter get create"), FLOOR_ROUNDS (6),
# FLOOR_SECONDS (a window; 10), FLOOR_WARMUP (windows of 15 s of each workload before the rounds; 3). Tools,
# server, Redis and credentials come from src/bench/bridge.sh.
#
# It prints one line a window, then for each workload the medians over the rounds (range) of the bridge's and
# the floor's req/s over the calibration's in the same round, of the bridge's over the floor's, and the same
# shares by the machine's CPU a request (the calibration's over theirs), and the medians of the bridge JVM's and
# Redis's CPU a request of each.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bridge.sh"
bench_windowed FLOOR "filter get create" 6
USERS=${FLOOR_USERS:-10000}
bridge_seeded Floor "$USERS"
export BENCH_USERS_FILE=$WORK/users.tsv
# The floor's filter probes a plain index, lower(userName) -> id, where the bridge's probes its blind one.
awk -F'\t' '{ printf "HSET calibration:floor:userName %s %s\n", tolower($2), $1 }' "$WORK/users.tsv" \
    | redis-cli -p "$REDIS_PORT" >/dev/null
calibration_deploy floor || { echo "the calibration WAR did not answer within 60 s" >&2; exit 1; }
id=$(head -1 "$WORK/users.tsv" | cut -f1)
bridge_bytes=$(curl -sf -H "Authorization: Bearer $BENCH_TOKEN" "$BASE/scim/v2/Users/$id" | wc -c)
floor_bytes=$(curl -sf "$BASE/calibration/floor/scim/v2/Users/$id" | wc -c)
bridge_log "GET by id answers: the bridge's ${bridge_bytes} bytes, the floor's ${floor_bytes}"

window() {   # window <round> <calibration|floor|bridge> <workload> <seconds>
    case $2 in
        calibration) bench_window "$1" calibration ping "$4" /calibration/ping ;;
        floor) bench_window "$1" floor "$3" "$4" /calibration/floor ;;
        bridge) bench_window "$1" bridge "$3" "$4" ;;
    esac
}
bridge_log "warm-up: $WARM windows of 15 s of the calibration and of each workload on the floor and the bridge"
for _ in $(seq "$WARM"); do
    window warm calibration - 15 >/dev/null
    for op in $OPS; do window warm floor "$op" 15 >/dev/null; window warm bridge "$op" 15 >/dev/null; done
done
for r in $(seq "$ROUNDS"); do
    order=(calibration)
    for op in $OPS; do order+=("floor:$op" "bridge:$op"); done
    mapfile -t order < <(bench_order "$r" "${order[@]}")
    for w in "${order[@]}"; do window "$r" "${w%%:*}" "${w#*:}" "$SECONDS_A_WINDOW"; done
done | tee "$WORK/windows"
echo "medians over $ROUNDS rounds (range); shares of the calibration's figure in the same round:"
python3 - "$WORK/windows" "$ROOT/src/bench" <<'PY'
import collections, statistics, sys
sys.path.insert(0, sys.argv[2])
from windows import read, span
rounds = read(sys.argv[1])   # round -> {(label, op): figures}
for op in dict.fromkeys(o for r in rounds.values() for (label, o) in r if label != 'calibration'):
    cells = collections.defaultdict(list)
    for r in rounds.values():
        cal, floor, bridge = r.get(('calibration', 'ping')), r.get(('floor', op)), r.get(('bridge', op))
        if not (cal and floor and bridge):
            continue
        cells['bridge / calibration'].append(bridge['rps'] / cal['rps'])
        cells['floor / calibration'].append(floor['rps'] / cal['rps'])
        cells['bridge / floor'].append(bridge['rps'] / floor['rps'])
        cells['by CPU: bridge'].append(cal['machine'] / bridge['machine'])
        cells['by CPU: floor'].append(cal['machine'] / floor['machine'])
        for who, f in (('calibration', cal), ('floor', floor), ('bridge', bridge)):
            for key in ('rps', 'jvm', 'redis', 'machine', 'alloc_kb'):
                cells[f'{who} {key}'].append(f[key])
    print(f"  {op}: " + "; ".join(f"{k} {span(v)}" for k, v in cells.items() if '/' in k or k.startswith('by CPU')))
    print(f"  {op} medians a request (µs; KB): " + "; ".join(
        f"{who} " + " ".join(f"{key} {statistics.median(cells[f'{who} {key}']):.0f}" if key != 'alloc_kb'
                             else f"alloc {statistics.median(cells[f'{who} {key}']):.1f}"
                             for key in ('rps', 'jvm', 'redis', 'machine', 'alloc_kb'))
        for who in ('calibration', 'floor', 'bridge')))
PY
