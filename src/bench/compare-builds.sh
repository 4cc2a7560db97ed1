#!/usr/bin/env bash
# Compares two builds of the bridge in one server, window by window: the working tree's (built into target/,
# deployed at /) and COMPARE_REV's (built in a temporary git worktree, deployed beside it at /other), on the
# same Redis, the same 10,000 users and the same JVM. Host noise here moves a rate by up to a quarter from one
# minute to the next (docs/benchmarks.md), more than most changes are worth; alternated windows of the two
# builds meet the same noise, so their ratio, taken round by round, shows what separate runs cannot. What it
# shows: the heap allocated a request to a fraction of a per cent; rates and CPU only from about 15 %, as the
# medians over 10 rounds of one pair of builds moved by up to 12 points between two runs (round 18).
#
#   COMPARE_REV=1e6322c src/bench/compare-builds.sh
#
# Knobs (environment): COMPARE_REV (required: the commit, tag or branch to compare with), COMPARE_OPS
# (workloads, space separated: filter, get, patch, create, page (Okta's import: count=100); default "filter get
# create"), COMPARE_ROUNDS (6),
# COMPARE_SECONDS (a window; 10), COMPARE_WARMUP (windows of 15 s of each build and workload before the
# rounds, so that both are compiled; 3). Tools, server, Redis and credentials come from src/bench/bridge.sh.
#
# It prints one line a window, then for each workload the median over the rounds of this build's figure over
# the other's, with the range: req/s, and per request the bridge JVM's CPU, Redis's CPU, the machine's CPU
# (all µs), the young collections' pauses (µs) and the heap allocated (KB: collections times the fixed young
# generation's eden, from jstat). Both builds share the JVM's flags.
set -euo pipefail
[[ -n ${COMPARE_REV:-} ]] || { echo "set COMPARE_REV to the commit to compare with" >&2; exit 2; }
source "$(dirname "${BASH_SOURCE[0]}")/bridge.sh"
bench_windowed COMPARE "filter get create" 6
bridge_setup Compare wrk redis-server
OTHER=$WORK/other
compare_cleanup() {
    rm -f "$SERVER_DIR/dropins/other.war"
    git worktree remove --force "$OTHER" 2>/dev/null || true
    bridge_cleanup
}
trap compare_cleanup EXIT
git worktree add -q --detach "$OTHER" "$COMPARE_REV"
(cd "$OTHER" && mvn -B -q -DskipTests package)
bridge_log "built $COMPARE_REV ($(git rev-parse --short "$COMPARE_REV")) beside $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ' with uncommitted changes')"
export BENCH_TOKEN=$(cat "$WORK/token") BENCH_LUA_DIR=$ROOT/src/bench/lua BENCH_THREADS=2
rm -f "$SERVER_DIR"/dropins/*.war
BRIDGE_START_FROM=seed bridge_start
bridge_seed_users 10000 "$WORK/users.tsv"
export BENCH_USERS_FILE=$WORK/users.tsv
cp "$OTHER/target/scim-bridge.war" "$SERVER_DIR/dropins/other.war"
# No request may reach /other before the application is up: Liberty's web container keeps the application it
# found for a URI, so a URI asked for earlier would stay with the bridge at / (round 17).
for _ in $(seq 600); do
    grep -q 'SRVE0242I: \[other\]' "$SERVER_DIR/logs/messages.log" && break
    sleep 0.2
done
probe=$BASE/other/scim/v2/ServiceProviderConfig
answer=$(curl -s -w ' %{http_code}' -H "Authorization: Bearer $BENCH_TOKEN" "$probe")
[[ $answer == *' 200' && $answer == *'/other/scim/v2/'* ]] || { echo "the other build did not answer $probe: $answer" >&2; exit 1; }

window() {   # window <round> <this|other> <workload> <seconds>: one line of figures
    bench_window "$1" "$2" "$3" "$4" "$([[ $2 == other ]] && echo /other)"
}
bridge_log "warm-up: $WARM windows of 15 s of each build and workload"
for op in $OPS; do
    for _ in $(seq "$WARM"); do window warm this "$op" 15 >/dev/null; window warm other "$op" 15 >/dev/null; done
done
for r in $(seq "$ROUNDS"); do
    for op in $OPS; do
        for build in $(bench_order "$r" this other); do window "$r" "$build" "$op" "$SECONDS_A_WINDOW"; done
    done
done | tee "$WORK/windows"
echo "this build over $COMPARE_REV, median over $ROUNDS rounds (range):"
python3 - "$WORK/windows" "$ROOT/src/bench" <<'PY'
import sys
sys.path.insert(0, sys.argv[2])
from windows import read, span
rounds = read(sys.argv[1])   # round -> {(build, op): figures}
for op in dict.fromkeys(o for r in rounds.values() for (_, o) in r):
    pairs = [(r[('this', op)], r[('other', op)]) for r in rounds.values() if ('this', op) in r and ('other', op) in r]
    cells = []
    for key in ('rps', 'jvm', 'redis', 'machine', 'gc', 'alloc_kb'):
        ratios = [this[key] / other[key] for this, other in pairs if other[key]]
        if ratios:
            cells.append(f"{key} {span(ratios)}")
    print(f"  {op}: " + ", ".join(cells))
PY
