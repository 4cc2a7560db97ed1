#!/usr/bin/env bash
# A group of LARGE_GROUP_MEMBERS users (default 100,000) read three times in a list page
# (GET /Groups?count=10, members included) and once alone (GET /Groups/{id}): status, bytes, seconds,
# the bridge's RSS after each, and its peak RSS (docs/benchmarks.md, round 3).
#
#   src/bench/large-group.sh
#   LARGE_GROUP_MEMBERS=30000 src/bench/large-group.sh
#
# Installs wrk, redis-server and jq if missing and builds target/ if needed (src/bench/bridge.sh).
set -euo pipefail
source "$(dirname "$0")/bridge.sh"
N=${LARGE_GROUP_MEMBERS:-100000}
bridge_setup LargeGroup wrk redis-server jq
bridge_start
PID=$BRIDGE_PID
export BENCH_TOKEN; BENCH_TOKEN=$(cat "$WORK/token")
export BENCH_LUA_DIR=$ROOT/src/bench/lua
AUTH="Authorization: Bearer $BENCH_TOKEN"

# The users, with the harness's create workload (each wrk thread marks itself done in BENCH_DONE_DIR).
mkdir "$WORK/done"
BENCH_DONE_DIR=$WORK/done BENCH_KIND=user BENCH_COUNT=$N BENCH_PREFIX=large BENCH_OUT=$WORK/users \
    wrk -t2 -c16 -d600s --timeout 10s -s "$BENCH_LUA_DIR/create.lua" "$BASE" >"$WORK/wrk.out" 2>&1 &
WRK=$!
while kill -0 "$WRK" 2>/dev/null && (( $(ls "$WORK/done" | wc -l) < 2 )); do sleep 0.2; done
bridge_end_wrk "$WRK"
cat "$WORK"/users.* | cut -f1 >"$WORK/ids"
GROUP=$(bench_group_new Large)
bench_group_add "$GROUP" 5000 <"$WORK/ids"
rss() { echo $(( $(ps -o rss= -p "$PID") / 1024 )); }
echo "$(wc -l <"$WORK/ids") users in one group; RSS $(rss) MiB"
for i in 1 2 3; do
    echo "GET /Groups?count=10: $(curl -s -o "$WORK/page.json" -w '%{http_code} %{size_download} bytes %{time_total} s' -H "$AUTH" "$BASE/scim/v2/Groups?count=10"), members $(jq '.Resources[0].members | length' "$WORK/page.json"), RSS $(rss) MiB"
done
echo "GET /Groups/{id}: $(curl -s -o /dev/null -w '%{http_code} %{size_download} bytes %{time_total} s' -H "$AUTH" "$BASE/scim/v2/Groups/$GROUP"), RSS $(rss) MiB"
echo "peak RSS $(( $(awk '/VmHWM/{print $2}' "/proc/$PID/status") / 1024 )) MiB"
