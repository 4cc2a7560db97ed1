# Sourced by run-benchmarks.sh, start-up.sh and large-group.sh (not run on its own): a bridge on loopback
# against a redis-server of its own.
#
# `bridge_setup NAME TOOL...` installs the missing tools with apt-get, builds target/ if it lacks the
# bridge (`mvn -DskipTests package liberty:create`), refuses to touch a running server scimBridge, copies
# the packaged WAR and liberty/config as shipped into it (plus BRIDGE_JVM_OPTIONS, ';' separated lines for
# jvm.options), starts redis-server (no persistence) and makes fresh credentials for account NAME with
# scim-setup.jar. It sets WORK, REDIS_PORT, REDIS_PID, HTTP_PORT, BASE and SERVER_DIR, and traps EXIT with
# bridge_cleanup, which stops what was started, puts the shipped jvm.options back and removes WORK (a
# caller with more to clean traps EXIT itself and calls bridge_cleanup last).
# `bridge_start` then starts the server with scim.token.file (metrics as BRIDGE_METRICS, default false)
# and waits for readiness UP (at most 180 s, then it prints the end of the server's log and exits): it
# sets READY_MS (`server start` to UP) and BRIDGE_PID. BRIDGE_START_FROM says what each start begins with
# (START_FROM_KIND says it in words): `kept` (default) the workarea the last start left; `empty` no
# workarea and no expanded WAR, a new server's first start; `seed` the same emptied output put back by
# liberty/seed-output.sh, the container image's entrypoint, from the output of one warm-up start made at
# the first bridge_start (as the image's build does), the copy counted in READY_MS.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
WLP=$ROOT/target/liberty/wlp
SERVER_DIR=$WLP/usr/servers/scimBridge
WORK="" REDIS_PID="" BRIDGE_PID=""

bridge_log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

bridge_cleanup() {
    if [[ -n $BRIDGE_PID ]]; then
        "$WLP/bin/server" stop scimBridge >/dev/null 2>&1 || true
    fi
    if [[ -n $REDIS_PID ]]; then
        kill "$REDIS_PID" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$REDIS_PID" 2>/dev/null || break; sleep 0.1; done   # it logs while exiting
    fi
    [[ -d $SERVER_DIR ]] && cp liberty/config/jvm.options "$SERVER_DIR/jvm.options"
    [[ -n $WORK ]] && rm -rf "$WORK"
    return 0
}

bridge_tools() {   # bridge_tools <tool>... -- installs the missing ones (Debian package names)
    local need=() tool sudo=""
    for tool in "$@"; do command -v "$tool" >/dev/null || need+=("$tool"); done
    (( ${#need[@]} )) || return 0
    bridge_log "installing ${need[*]}"
    [[ $(id -u) != 0 ]] && sudo=sudo
    $sudo apt-get install -y "${need[@]}" >/dev/null \
        || { $sudo apt-get update >/dev/null && $sudo apt-get install -y "${need[@]}" >/dev/null; }
}

bridge_setup() {   # bridge_setup <account name> <tool>...
    local name=$1
    shift
    bridge_tools "$@"
    if [[ ! -f target/scim-bridge.war || ! -f target/scim-setup.jar || ! -x $WLP/bin/server ]]; then
        bridge_log "building (mvn -DskipTests package liberty:create)"
        mvn -B -q -DskipTests package liberty:create
    fi
    if [[ -f $WLP/usr/servers/.pid/scimBridge.pid ]] && kill -0 "$(cat "$WLP/usr/servers/.pid/scimBridge.pid")" 2>/dev/null; then
        echo "server scimBridge of this worktree is already running; stop it first" >&2; exit 1
    fi
    WORK=$(mktemp -d /tmp/scim-bench.XXXXXX)
    trap bridge_cleanup EXIT
    # The packaged WAR (as the container image runs it), not a loose application.
    mkdir -p "$SERVER_DIR/apps"
    rm -f "$SERVER_DIR/apps/scim-bridge.war.xml"
    cp target/scim-bridge.war "$SERVER_DIR/apps/scim-bridge.war"
    cp liberty/config/server.xml liberty/config/jvm.options "$SERVER_DIR/"
    rm -rf "$SERVER_DIR/includes" && cp -r liberty/config/includes "$SERVER_DIR/includes"
    [[ -n ${BRIDGE_JVM_OPTIONS:-} ]] && tr ';' '\n' <<<"$BRIDGE_JVM_OPTIONS" >>"$SERVER_DIR/jvm.options"
    REDIS_PORT=$(free_port)
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
        --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log" --dir "$WORK"
    for _ in $(seq 50); do [[ -s $WORK/redis.pid ]] && break; sleep 0.1; done
    REDIS_PID=$(cat "$WORK/redis.pid")
    java -jar target/scim-setup.jar --account-name "$name" --manager-email bench@example.com \
        --out "$WORK/scimsession" --token-out "$WORK/token" >/dev/null
    HTTP_PORT=$(free_port)
    BASE=http://127.0.0.1:$HTTP_PORT
}

bridge_empty_output() { rm -rf "$SERVER_DIR/workarea" "$SERVER_DIR/apps/expanded"; }

bridge_start() {
    local t0 kind entrypoint=() from=${BRIDGE_START_FROM:-kept}
    case $from in
        kept) kind="a server that had started before (its workarea kept)"
            [[ -n $(ls -A "$SERVER_DIR/workarea" 2>/dev/null) ]] || kind="the server's first start (a new server: no workarea yet)" ;;
        empty) kind="the server's first start (workarea emptied, as a container without a seed)"
            bridge_empty_output ;;
        seed) kind="an emptied workarea seeded by liberty/seed-output.sh (as every container start of the image)"
            local seed=$WORK/seed/metrics-${BRIDGE_METRICS:-false}
            if [[ ! -d $seed/workarea ]]; then
                # The image's build: one warm-up start, its output kept aside. On another port and with
                # JSON logs, as a deployment's variables differ from the build's: the measured starts
                # then show that a seeded server takes the current ones (it is ready on the new port).
                bridge_log "warm-up start for the seed"
                bridge_empty_output
                local port=$HTTP_PORT base=$BASE
                HTTP_PORT=$(free_port)
                BASE=http://127.0.0.1:$HTTP_PORT
                BRIDGE_START_FROM=kept BRIDGE_LOG_FORMAT=json bridge_start
                "$WLP/bin/server" stop scimBridge >/dev/null
                HTTP_PORT=$port BASE=$base
                mkdir -p "$seed/apps"
                mv "$SERVER_DIR/workarea" "$seed/"
                mv "$SERVER_DIR/apps/expanded" "$seed/apps/"
            fi
            bridge_empty_output
            entrypoint=(env SCIM_SEED_DIR="$WORK/seed" SCIM_SEED_TARGET="$SERVER_DIR" "$ROOT/liberty/seed-output.sh") ;;
        *) echo "BRIDGE_START_FROM must be kept, empty or seed, not $from" >&2; exit 2 ;;
    esac
    t0=$(date +%s%N)
    BRIDGE_PID=starting   # from here on, bridge_cleanup stops the server
    SCIM_SESSION=$WORK/scimsession SCIM_TOKEN_FILE=$WORK/token SCIM_REDIS_URL=redis://127.0.0.1:$REDIS_PORT \
        HTTP_PORT=$HTTP_PORT HTTP_HOST=127.0.0.1 SCIM_CONFIRMATION_INTERVAL=manual MALLOC_ARENA_MAX=2 \
        SCIM_LOG_FORMAT=${BRIDGE_LOG_FORMAT:-simple} SCIM_METRICS_ENABLED=${BRIDGE_METRICS:-false} \
        "${entrypoint[@]}" "$WLP/bin/server" start scimBridge >/dev/null
    until curl -sf "$BASE/health/ready" >/dev/null; do
        if (( $(date +%s%N) - t0 > 180000000000 )); then
            echo "the bridge was not ready after 180 s; the end of its log:" >&2
            tail -n 20 "$SERVER_DIR/logs/messages.log" >&2 || true
            exit 1
        fi
        sleep 0.05
    done
    READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
    START_FROM_KIND=$kind
    BRIDGE_PID=$(cat "$WLP/usr/servers/.pid/scimBridge.pid")
}
