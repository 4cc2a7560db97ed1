#!/usr/bin/env bash
# A group of LARGE_GROUP_MEMBERS users (default 100,000) read three times in a list page
# (GET /Groups?count=10, members included) and once alone (GET /Groups/{id}): status, bytes, seconds,
# the bridge's RSS after each, and its peak RSS (docs/benchmarks.md, round 3).
#
#   src/bench/large-group.sh
#   LARGE_GROUP_MEMBERS=30000 src/bench/large-group.sh
#
# Needs what run-benchmarks.sh needs (wrk, redis-server, jq; a built target/).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
N=${LARGE_GROUP_MEMBERS:-100000}
WLP=$ROOT/target/liberty/wlp
SERVER_DIR=$WLP/usr/servers/scimBridge
for tool in wrk redis-server jq; do command -v $tool >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done
if [[ ! -f target/scim-bridge.war || ! -f target/scim-setup.jar || ! -x $WLP/bin/server ]]; then
    mvn -B -q -DskipTests package liberty:create
fi
if [[ -f $WLP/usr/servers/.pid/scimBridge.pid ]] && kill -0 "$(cat "$WLP/usr/servers/.pid/scimBridge.pid")" 2>/dev/null; then
    echo "server scimBridge of this worktree is already running; stop it first" >&2; exit 1
fi
WORK=$(mktemp -d)
cleanup() {
    "$WLP/bin/server" stop scimBridge >/dev/null 2>&1 || true
    [[ -s $WORK/redis.pid ]] && kill "$(cat "$WORK/redis.pid")" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

mkdir -p "$SERVER_DIR/apps"
rm -f "$SERVER_DIR/apps/scim-bridge.war.xml"
cp target/scim-bridge.war "$SERVER_DIR/apps/scim-bridge.war"
cp liberty/config/server.xml liberty/config/jvm.options "$SERVER_DIR/"
rm -rf "$SERVER_DIR/includes" && cp -r liberty/config/includes "$SERVER_DIR/includes"
REDIS_PORT=$(free_port)
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log" --dir "$WORK"
java -jar target/scim-setup.jar --account-name LargeGroup --manager-email large@example.com \
    --out "$WORK/scimsession" --token-out "$WORK/token" >/dev/null
HTTP_PORT=$(free_port)
BASE=http://127.0.0.1:$HTTP_PORT
SCIM_SESSION=$WORK/scimsession SCIM_TOKEN_FILE=$WORK/token SCIM_REDIS_URL=redis://127.0.0.1:$REDIS_PORT \
    HTTP_PORT=$HTTP_PORT HTTP_HOST=127.0.0.1 SCIM_CONFIRMATION_INTERVAL=manual MALLOC_ARENA_MAX=2 SCIM_METRICS_ENABLED=false \
    "$WLP/bin/server" start scimBridge >/dev/null
until curl -sf "$BASE/health/ready" >/dev/null; do sleep 0.1; done
PID=$(cat "$WLP/usr/servers/.pid/scimBridge.pid")
export BENCH_TOKEN; BENCH_TOKEN=$(cat "$WORK/token")
export BENCH_LUA_DIR=$ROOT/src/bench/lua
AUTH="Authorization: Bearer $BENCH_TOKEN"

# The users, with the harness's create workload (each wrk thread marks itself done in BENCH_DONE_DIR).
mkdir "$WORK/done"
BENCH_DONE_DIR=$WORK/done BENCH_KIND=user BENCH_COUNT=$N BENCH_PREFIX=large BENCH_OUT=$WORK/users \
    wrk -t2 -c16 -d600s --timeout 10s -s "$BENCH_LUA_DIR/create.lua" "$BASE" >"$WORK/wrk.out" 2>&1 &
WRK=$!
while kill -0 "$WRK" 2>/dev/null && (( $(ls "$WORK/done" | wc -l) < 2 )); do sleep 0.2; done
kill -INT "$WRK" 2>/dev/null || true; wait "$WRK" || true
cat "$WORK"/users.* | cut -f1 >"$WORK/ids"
GROUP=$(curl -sf -H "$AUTH" -H 'Content-Type: application/scim+json' \
    -d '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Large"}' "$BASE/scim/v2/Groups" | jq -r .id)
split -l 5000 "$WORK/ids" "$WORK/chunk."
for c in "$WORK"/chunk.*; do
    jq -R '{value: .}' "$c" | jq -s '{schemas:["urn:ietf:params:scim:api:messages:2.0:PatchOp"],Operations:[{op:"add",path:"members",value:.}]}' \
        | curl -sf -o /dev/null -X PATCH -H "$AUTH" -H 'Content-Type: application/scim+json' --data-binary @- "$BASE/scim/v2/Groups/$GROUP"
done
rss() { echo $(( $(ps -o rss= -p "$PID") / 1024 )); }
echo "$(wc -l <"$WORK/ids") users in one group; RSS $(rss) MiB"
for i in 1 2 3; do
    echo "GET /Groups?count=10: $(curl -s -o "$WORK/page.json" -w '%{http_code} %{size_download} bytes %{time_total} s' -H "$AUTH" "$BASE/scim/v2/Groups?count=10"), members $(jq '.Resources[0].members | length' "$WORK/page.json"), RSS $(rss) MiB"
done
echo "GET /Groups/{id}: $(curl -s -o /dev/null -w '%{http_code} %{size_download} bytes %{time_total} s' -H "$AUTH" "$BASE/scim/v2/Groups/$GROUP"), RSS $(rss) MiB"
echo "peak RSS $(( $(awk '/VmHWM/{print $2}' "/proc/$PID/status") / 1024 )) MiB"
