# Sourced by start-up.sh and large-group.sh (not run on its own): a bridge on loopback against a
# redis-server of its own. `bridge_setup NAME TOOL...` checks the tools, builds target/ if it lacks the
# bridge (`mvn -DskipTests package liberty:create`), refuses to touch a running server scimBridge, copies
# the packaged WAR and liberty/config as shipped into it, starts redis-server (no persistence) and makes
# fresh credentials for account NAME with scim-setup.jar; everything is stopped and removed on exit.
# `bridge_start` then starts the server with scim.token.file and waits for readiness UP.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
WLP=$ROOT/target/liberty/wlp
SERVER_DIR=$WLP/usr/servers/scimBridge

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

bridge_cleanup() {
    "$WLP/bin/server" stop scimBridge >/dev/null 2>&1 || true
    [[ -s $WORK/redis.pid ]] && kill "$(cat "$WORK/redis.pid")" 2>/dev/null || true
    rm -rf "$WORK"
}

bridge_setup() {   # bridge_setup <account name> <tool>... -- sets WORK, REDIS_PORT, HTTP_PORT, BASE
    local name=$1 tool
    shift
    for tool in "$@"; do command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install $tool)" >&2; exit 1; }; done
    if [[ ! -f target/scim-bridge.war || ! -f target/scim-setup.jar || ! -x $WLP/bin/server ]]; then
        mvn -B -q -DskipTests package liberty:create
    fi
    if [[ -f $WLP/usr/servers/.pid/scimBridge.pid ]] && kill -0 "$(cat "$WLP/usr/servers/.pid/scimBridge.pid")" 2>/dev/null; then
        echo "server scimBridge of this worktree is already running; stop it first" >&2; exit 1
    fi
    WORK=$(mktemp -d)
    trap bridge_cleanup EXIT
    mkdir -p "$SERVER_DIR/apps"
    rm -f "$SERVER_DIR/apps/scim-bridge.war.xml"
    cp target/scim-bridge.war "$SERVER_DIR/apps/scim-bridge.war"
    cp liberty/config/server.xml liberty/config/jvm.options "$SERVER_DIR/"
    rm -rf "$SERVER_DIR/includes" && cp -r liberty/config/includes "$SERVER_DIR/includes"
    REDIS_PORT=$(free_port)
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
        --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log" --dir "$WORK"
    java -jar target/scim-setup.jar --account-name "$name" --manager-email bench@example.com \
        --out "$WORK/scimsession" --token-out "$WORK/token" >/dev/null
    HTTP_PORT=$(free_port)
    BASE=http://127.0.0.1:$HTTP_PORT
}

bridge_start() {   # sets READY_MS (server start to readiness UP) and BRIDGE_PID
    local t0
    t0=$(date +%s%N)
    SCIM_SESSION=$WORK/scimsession SCIM_TOKEN_FILE=$WORK/token SCIM_REDIS_URL=redis://127.0.0.1:$REDIS_PORT \
        HTTP_PORT=$HTTP_PORT HTTP_HOST=127.0.0.1 SCIM_CONFIRMATION_INTERVAL=manual MALLOC_ARENA_MAX=2 SCIM_METRICS_ENABLED=false \
        "$WLP/bin/server" start scimBridge >/dev/null
    until curl -sf "$BASE/health/ready" >/dev/null; do sleep 0.05; done
    READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
    BRIDGE_PID=$(cat "$WLP/usr/servers/.pid/scimBridge.pid")
}
