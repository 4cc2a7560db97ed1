#!/usr/bin/env bash
# Start-up time of the bridge: `server start` to /health/ready UP, several starts in a row, each with the
# scimsession unlocked from scim.token.file against a real Redis (docs/benchmarks.md, round 3).
#
#   src/bench/start-up.sh                                   # 5 starts with liberty/config as shipped
#   START_COUNT=3 START_JVM_OPTIONS="-XX:TieredStopAtLevel=1" src/bench/start-up.sh
#
# Needs what run-benchmarks.sh needs (it builds with `mvn -DskipTests package liberty:create` if target/
# lacks the bridge). Prints one line a start: milliseconds to ready and RSS right after.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
COUNT=${START_COUNT:-5}
WLP=$ROOT/target/liberty/wlp
SERVER_DIR=$WLP/usr/servers/scimBridge
command -v redis-server >/dev/null || { echo "redis-server is missing (apt-get install redis-server)" >&2; exit 1; }
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
[[ -n ${START_JVM_OPTIONS:-} ]] && tr ';' '\n' <<<"$START_JVM_OPTIONS" >>"$SERVER_DIR/jvm.options"

REDIS_PORT=$(free_port)
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log" --dir "$WORK"
java -jar target/scim-setup.jar --account-name StartUp --manager-email start@example.com \
    --out "$WORK/scimsession" --token-out "$WORK/token" >/dev/null
HTTP_PORT=$(free_port)
for i in $(seq "$COUNT"); do
    T0=$(date +%s%N)
    SCIM_SESSION=$WORK/scimsession SCIM_TOKEN_FILE=$WORK/token SCIM_REDIS_URL=redis://127.0.0.1:$REDIS_PORT \
        HTTP_PORT=$HTTP_PORT HTTP_HOST=127.0.0.1 SCIM_CONFIRMATION_INTERVAL=manual MALLOC_ARENA_MAX=2 SCIM_METRICS_ENABLED=false \
        "$WLP/bin/server" start scimBridge >/dev/null
    until curl -sf "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null; do sleep 0.05; done
    MS=$(( ($(date +%s%N) - T0) / 1000000 ))
    RSS=$(( $(ps -o rss= -p "$(cat "$WLP/usr/servers/.pid/scimBridge.pid")") / 1024 ))
    echo "start $i: ready after $MS ms, RSS $RSS MiB"
    "$WLP/bin/server" stop scimBridge >/dev/null
done
