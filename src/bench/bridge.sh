# Sourced by run-benchmarks.sh, compare-builds.sh, stack-floor.sh, start-up.sh and large-group.sh (not run on
# its own): a bridge on loopback against a redis-server of its own.
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
# sets READY_MS (the server command to UP; readiness asked every 50 ms, or 100 ms with limits, through
# bash's /dev/tcp, so no process is forked for a poll) and BRIDGE_PID. BRIDGE_START_FROM says what each start begins with
# (START_FROM_KIND says it in words): `kept` (default) the workarea the last start left; `empty` no
# workarea and no expanded WAR, a new server's first start; `seed` the same emptied output put back by
# liberty/seed-output.sh, the container image's entrypoint, from the output of one warm-up start made at
# the first bridge_start (as the image's build does), the copy counted in READY_MS.
# BRIDGE_MEMORY_LIMIT and BRIDGE_CPU_LIMIT, in Kubernetes' notation (256Mi, 300M; 2, 1.5, 500m), run the
# server as a container with those limits runs it: in a cgroup of its own (v2 where /sys/fs/cgroup is
# cgroup2, else v1; needs root and a writable cgroup filesystem) with that memory limit, no swap, and a CPU
# quota in 100 ms periods, as the kubelet sets them; started with `server run` in the background as the
# image's CMD starts it (`server start` would count its own waiting JVM against the quota). bridge_cgroup
# prints the cgroup's peak usage, limit hits, OOM kills and throttled periods (bridge_cleanup logs it too,
# so a run that dies still says whether it was killed); bridge_lift_memory_limit lifts the memory limit
# (the harness does before it deploys its calibration WAR into the same server).
# `bridge_restart` stops the server and starts it again from its kept workarea, over the same Redis and credentials,
# and waits for the calibration WAR too when it is in dropins (the full run's BENCH_PAIRED_RESTART).
# `bridge_seeded NAME COUNT` does bridge_setup, a seeded bridge_start and bridge_seed_users into $WORK/users.tsv, and
# exports BENCH_TOKEN.
# `bridge_seed_users COUNT FILE` creates COUNT users through the bridge (create.lua, 16 connections) and writes
# their "id<TAB>userName" lines to FILE. `calibration_deploy [floor]` builds src/bench/calibration into a WAR of
# its own (with `floor` the bridge's Lua scripts too, which add its StackFloor resource), drops it into the
# running server's dropins and waits until it answers (sets CAL_DEPLOY_MS; fails after 60 s); bridge_cleanup
# removes it. `bench_window ROUND LABEL OP SECONDS [PATH]` runs one window of wrk on OP (filter, get, patch:
# users.lua on BENCH_USERS_FILE; create: create.lua; ping: plain.lua on PATH; page: paging.lua, pages of 100
# through BENCH_TOTAL users) under the context root PATH and
# prints one line of figures a request: req/s, the bridge JVM's, Redis's and the machine's CPU (µs), the young
# collections' pauses (µs) and the heap allocated (KB, from jstat: collections times the fixed eden); then the mean
# young collection (ms), wrk's p50 and p99 (ms) and Redis's own p99 (µs, INFO latencystats, Redis 7) of EVALSHA, or
# of the window's most called command when there was none.
# `bench_windowed PREFIX OPS ROUNDS` sets a windowed script's OPS, ROUNDS, SECONDS_A_WINDOW and WARM from its knobs
# PREFIX_OPS, PREFIX_ROUNDS, PREFIX_SECONDS (10) and PREFIX_WARMUP (3), the defaults of the first two given, and
# builds the working tree (`mvn -DskipTests package liberty:create`).
# `bench_order ROUND WINDOW...` prints the windows one a line, reversed in even rounds, for the scripts that alternate
# them (their lines read back by src/bench/windows.py).
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
WLP=$ROOT/target/liberty/wlp
SERVER_DIR=$WLP/usr/servers/scimBridge
CALIBRATION_WAR=$SERVER_DIR/dropins/calibration.war
WORK="" REDIS_PID="" BRIDGE_PID="" CGROUP_MEM="" CGROUP_CPU="" LIMIT_MEMORY="" LIMIT_CPU=""

exec {IDLE_FD}<> <(:)   # a pipe nobody writes to: `read -t` on it waits without starting a process
bridge_log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# CPU time from the kernel's accounting, in clock ticks of TICK_US microseconds: `cpu_now NAME` sets the array
# NAME=( bridge redis children-of-this-shell machine ): the bridge's JVM and redis-server (/proc/<pid>/stat
# utime+stime), the children this shell has reaped (cutime+cstime: wrk, when it is the only one reaped while
# a measurement runs) and the whole machine (/proc/stat, every CPU's non-idle time: what else ran shows as
# the difference). Builtins only, so taking a mark starts no process.
TICK_US=$(( 1000000 / $(getconf CLK_TCK) ))
cpu_now() {
    local -n into=$1
    local b r c m
    read -ra b <"/proc/$BRIDGE_PID/stat"
    read -ra r <"/proc/$REDIS_PID/stat"
    read -ra c <"/proc/$$/stat"
    read -ra m </proc/stat
    into=( $(( b[13] + b[14] )) $(( r[13] + r[14] )) $(( c[15] + c[16] )) $(( m[1] + m[2] + m[3] + m[6] + m[7] )) )
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

bridge_cleanup() {
    rm -f "$CALIBRATION_WAR"
    if [[ -n $BRIDGE_PID ]]; then
        "$WLP/bin/server" stop scimBridge >/dev/null 2>&1 || true
    fi
    if [[ -n $REDIS_PID ]]; then
        kill "$REDIS_PID" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$REDIS_PID" 2>/dev/null || break; sleep 0.1; done   # it logs while exiting
    fi
    if [[ -n $CGROUP_MEM$CGROUP_CPU ]]; then   # empty once the server has exited; killed if it does not
        bridge_log "cgroup: $(bridge_cgroup)"
        if ! bridge_cgroup_empties 100; then
            bridge_log "the server did not stop; killing what is left in its cgroup"
            kill -KILL $(cat "${CGROUP_MEM:-$CGROUP_CPU}/cgroup.procs") 2>/dev/null || true
            bridge_cgroup_empties 50 || true
        fi
        rmdir $CGROUP_MEM $CGROUP_CPU 2>/dev/null || true   # on v2 both name the one group
    fi
    [[ -d $SERVER_DIR ]] && cp liberty/config/jvm.options "$SERVER_DIR/jvm.options"
    [[ -n $WORK ]] && rm -rf "$WORK"
    return 0
}

bridge_cgroup_empties() {   # bridge_cgroup_empties <tenths of a second>: whether the cgroup has no process left by then
    for _ in $(seq "$1"); do
        [[ -z $(cat "${CGROUP_MEM:-$CGROUP_CPU}/cgroup.procs" 2>/dev/null) ]] && return 0
        sleep 0.1
    done
    return 1
}

bridge_cgroup_setup() {   # the cgroup(s) of BRIDGE_MEMORY_LIMIT and BRIDGE_CPU_LIMIT, as a container runtime makes them
    local mem=${BRIDGE_MEMORY_LIMIT:-} cpu=${BRIDGE_CPU_LIMIT:-} name=scim-bridge-bench-$$ bytes quota
    [[ -z $mem$cpu ]] && return 0
    LIMIT_MEMORY=$mem LIMIT_CPU=$cpu
    if [[ -n $mem ]]; then   # Kubernetes' units: M = 10^6, Mi = 2^20
        [[ $mem =~ ^[0-9]+([KMG]i?)?$ ]] && bytes=$(numfmt --from=auto "$mem") \
            || { echo "BRIDGE_MEMORY_LIMIT: bytes, or with a K, M, G, Ki, Mi or Gi suffix, not $mem" >&2; exit 2; }
    fi
    if [[ -n $cpu ]]; then   # cores, or millicores with m
        if [[ $cpu =~ ^[0-9]+m$ ]]; then quota=$(( ${cpu%m} * 100 ))
        elif [[ $cpu =~ ^[0-9]+(\.[0-9]+)?$ ]]; then quota=$(awk -v c="$cpu" 'BEGIN { printf "%d", c * 100000 }')
        else echo "BRIDGE_CPU_LIMIT: cores (2, 1.5) or millicores (500m), not $cpu" >&2; exit 2; fi
        (( quota >= 1000 )) || { echo "BRIDGE_CPU_LIMIT: at least 10m, not $cpu" >&2; exit 2; }
    fi
    if [[ -f /sys/fs/cgroup/cgroup.controllers ]]; then   # v2: one group for both controllers, named by both variables
        local dir=/sys/fs/cgroup/$name
        mkdir "$dir" || { echo "cannot create $dir (root and a writable cgroup2 mount are needed)" >&2; exit 1; }
        if [[ -n $mem && ! -f $dir/memory.max || -n $cpu && ! -f $dir/cpu.max ]]; then
            rmdir "$dir"
            echo "the memory and cpu controllers are not enabled in /sys/fs/cgroup/cgroup.subtree_control" >&2; exit 1
        fi
        [[ -n $mem ]] && { CGROUP_MEM=$dir; echo "$bytes" >"$dir/memory.max"; { echo 0 >"$dir/memory.swap.max"; } 2>/dev/null || true; }
        [[ -n $cpu ]] && { CGROUP_CPU=$dir; echo "$quota 100000" >"$dir/cpu.max"; }
    else                                                  # v1: one group per controller
        if [[ -n $mem ]]; then
            CGROUP_MEM=/sys/fs/cgroup/memory/$name
            mkdir "$CGROUP_MEM" || { echo "cannot create $CGROUP_MEM (root and a writable cgroup mount are needed)" >&2; exit 1; }
            echo "$bytes" >"$CGROUP_MEM/memory.limit_in_bytes"
            [[ -f $CGROUP_MEM/memory.memsw.limit_in_bytes ]] && echo "$bytes" >"$CGROUP_MEM/memory.memsw.limit_in_bytes"
        fi
        if [[ -n $cpu ]]; then
            CGROUP_CPU=/sys/fs/cgroup/cpu/$name
            mkdir "$CGROUP_CPU" || { echo "cannot create $CGROUP_CPU (root and a writable cgroup mount are needed)" >&2; exit 1; }
            echo 100000 >"$CGROUP_CPU/cpu.cfs_period_us"
            echo "$quota" >"$CGROUP_CPU/cpu.cfs_quota_us"
        fi
    fi
    bridge_log "cgroup limits: memory ${mem:-none}, CPU ${cpu:-none} ($CGROUP_MEM $CGROUP_CPU)"
}

bridge_cgroup() {   # one line: the limits and what the cgroup recorded since it was made
    local out="" v
    if [[ -n $CGROUP_MEM ]]; then
        if [[ -f $CGROUP_MEM/memory.max ]]; then
            v=$(cat "$CGROUP_MEM/memory.max")
            if [[ $v == max ]]; then out="memory limit lifted"; else out="memory limit $(( v / 1048576 )) MiB"; fi
            if [[ -f $CGROUP_MEM/memory.peak ]]; then   # Linux 5.19 and later
                out+=", peak usage $(( $(cat "$CGROUP_MEM/memory.peak") / 1048576 )) MiB"
            else
                out+=", usage now $(( $(cat "$CGROUP_MEM/memory.current") / 1048576 )) MiB (no memory.peak before Linux 5.19)"
            fi
            out+=", limit reached $(awk '$1=="max"{print $2}' "$CGROUP_MEM/memory.events") times"
            out+=", OOM kills $(awk '$1=="oom_kill"{print $2}' "$CGROUP_MEM/memory.events")"
        else
            v=$(cat "$CGROUP_MEM/memory.limit_in_bytes")
            if (( v >= 1 << 50 )); then out="memory limit lifted"; else out="memory limit $(( v / 1048576 )) MiB"; fi
            out+=", peak usage $(( $(cat "$CGROUP_MEM/memory.max_usage_in_bytes") / 1048576 )) MiB"
            out+=", limit reached $(cat "$CGROUP_MEM/memory.failcnt") times"
            out+=", OOM kills $(awk '$1=="oom_kill"{print $2}' "$CGROUP_MEM/memory.oom_control")"
        fi
    fi
    if [[ -n $CGROUP_CPU ]]; then
        out+="${out:+; }CPU limit $LIMIT_CPU$([[ $LIMIT_CPU == *m ]] || echo ' cores'), throttled in $(awk '$1=="nr_throttled"{print $2}' "$CGROUP_CPU/cpu.stat")"
        out+=" of $(awk '$1=="nr_periods"{print $2}' "$CGROUP_CPU/cpu.stat") periods of 100 ms"
    fi
    echo "$out"
}

bridge_lift_memory_limit() {
    [[ -z $CGROUP_MEM ]] && return 0
    if [[ -f $CGROUP_MEM/memory.max ]]; then echo max >"$CGROUP_MEM/memory.max"; return; fi
    [[ -f $CGROUP_MEM/memory.memsw.limit_in_bytes ]] && echo -1 >"$CGROUP_MEM/memory.memsw.limit_in_bytes"
    echo -1 >"$CGROUP_MEM/memory.limit_in_bytes"
}

bridge_cgroup_java() {   # the pid of the server's JVM in the cgroup, if it runs
    local p
    for p in $(cat "${CGROUP_MEM:-$CGROUP_CPU}/cgroup.procs" 2>/dev/null); do
        grep -qa 'ws-server.jar' "/proc/$p/cmdline" 2>/dev/null && { echo "$p"; return 0; }
    done
    return 0
}

bridge_ready() {   # /health/ready answers 200, asked through bash's /dev/tcp (no process forked a poll)
    local status=""
    { exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT"; } 2>/dev/null || return 1
    trap '' PIPE   # a connection reset before the request is written fails the write, not the harness
    printf 'GET /health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3 2>/dev/null || true
    trap - PIPE
    read -r -t 10 _ status _ <&3 || true
    exec 3<&-
    [[ ${status%$'\r'} == 200 ]]
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
    rm -f "$CALIBRATION_WAR"
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
    bridge_cgroup_setup
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
                BRIDGE_START_FROM=kept BRIDGE_LOG_FORMAT=json BRIDGE_UNLIMITED=true bridge_start
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
    local limited="" poll=0.05 launcher="" log=$SERVER_DIR/logs/messages.log
    [[ -n $CGROUP_MEM$CGROUP_CPU && ${BRIDGE_UNLIMITED:-} != true ]] && limited=true poll=0.1
    local environment=(SCIM_SESSION="$WORK/scimsession" SCIM_TOKEN_FILE="$WORK/token"
        SCIM_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" HTTP_PORT="$HTTP_PORT" HTTP_HOST=127.0.0.1
        SCIM_CONFIRMATION_INTERVAL=manual MALLOC_ARENA_MAX=2 SCIM_LOG_FORMAT="${BRIDGE_LOG_FORMAT:-simple}"
        SCIM_METRICS_ENABLED="${BRIDGE_METRICS:-false}")
    t0=$(date +%s%N)
    BRIDGE_PID=starting   # from here on, bridge_cleanup stops the server
    if [[ -n $limited ]]; then
        log=$WORK/console.log
        (   # this subshell joins the cgroup(s), then becomes the image's CMD
            for dir in $CGROUP_MEM $CGROUP_CPU; do echo "$BASHPID" >"$dir/cgroup.procs"; done   # twice the same on v2: harmless
            exec env "${environment[@]}" "${entrypoint[@]}" "$WLP/bin/server" run scimBridge
        ) >"$log" 2>&1 &
        launcher=$!
    else
        env "${environment[@]}" "${entrypoint[@]}" "$WLP/bin/server" start scimBridge >/dev/null
    fi
    until bridge_ready; do
        if [[ -n $launcher ]] && ! kill -0 "$launcher" 2>/dev/null && [[ -z $(bridge_cgroup_java) ]]; then
            echo "the server exited before it was ready; the end of its console:" >&2
            tail -n 20 "$log" >&2 || true
            exit 1
        fi
        if (( $(date +%s%N) - t0 > 180000000000 )); then
            echo "the bridge was not ready after 180 s; the end of its log:" >&2
            tail -n 20 "$log" >&2 || true
            exit 1
        fi
        sleep "$poll"
    done
    READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
    START_FROM_KIND=$kind
    if [[ -n $limited ]]; then
        local jvm
        jvm=$(bridge_cgroup_java)
        [[ -n $jvm ]] || { echo "ready, but no JVM of the server in its cgroup" >&2; exit 1; }
        BRIDGE_PID=$jvm
        START_FROM_KIND+="; \`server run\` in a cgroup: memory limit ${LIMIT_MEMORY:-none}, CPU limit ${LIMIT_CPU:-none}"
    else
        BRIDGE_PID=$(cat "$WLP/usr/servers/.pid/scimBridge.pid")
    fi
}

bridge_restart() {   # the server stopped and started again (workarea kept) over the same Redis and credentials
    "$WLP/bin/server" stop scimBridge >/dev/null
    while kill -0 "$BRIDGE_PID" 2>/dev/null; do read -rt 0.1 -u "$IDLE_FD" || true; done
    BRIDGE_START_FROM=kept bridge_start
    # the calibration WAR in dropins starts with the server, perhaps after readiness
    [[ ! -f $CALIBRATION_WAR ]] || calibration_started \
        || { echo "the calibration did not answer within 60 s of the restart" >&2; exit 1; }
}

# wrk catches SIGINT to end a run early and print its summary, but its main thread sleeps for the run's whole -d:
# when one of its worker threads takes the signal (round 22: a seeding that waited out its 600 s), the main thread
# sleeps on. Once the workers have ended, the next SIGINT can only reach the main thread, so it is sent again until
# wrk is gone (a zombie counts as gone: its parent, this shell, reaps it with wait).
bridge_end_wrk() {   # bridge_end_wrk <pid of wrk, a child of this shell>
    local state=""
    while kill -INT "$1" 2>/dev/null; do
        read -r _ _ state _ 2>/dev/null <"/proc/$1/stat" || break
        [[ $state == Z ]] && break
        read -rt 0.2 -u "$IDLE_FD" || true
    done
    wait "$1" || true
}

bridge_seeded() {   # bridge_seeded <account name> <count>: bridge_setup, a start from the seed, <count> users into $WORK/users.tsv
    bridge_setup "$1" wrk redis-server
    export BENCH_TOKEN
    BENCH_TOKEN=$(cat "$WORK/token")
    BRIDGE_START_FROM=seed bridge_start
    bridge_log "seeding $2 users"
    bridge_seed_users "$2" "$WORK/users.tsv"
}

bridge_seed_users() {   # bridge_seed_users <count> <file>
    local seeding
    BENCH_KIND=user BENCH_COUNT=$1 BENCH_PREFIX=p BENCH_OUT=$WORK/u BENCH_THREADS=2 BENCH_LUA_DIR=$ROOT/src/bench/lua \
        wrk -t2 -c16 -d600s -s "$ROOT/src/bench/lua/create.lua" "$BASE" >/dev/null 2>&1 &
    seeding=$!
    while kill -0 $seeding 2>/dev/null && [[ $(cat "$WORK"/u.* 2>/dev/null | wc -l) -lt $1 ]]; do sleep 0.5; done
    bridge_end_wrk $seeding
    cat "$WORK"/u.* >"$2"
    rm -f "$WORK"/u.*
    [[ $(wc -l <"$2") -ge $1 ]] || { echo "seeding created $(wc -l <"$2") users, not $1" >&2; exit 1; }
}

bench_group_new() {   # bench_group_new <displayName>: the id of a new group of that name, no members
    curl -sf -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/scim+json' \
        -d "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"$1\"}" \
        "$BASE/scim/v2/Groups" | jq -r .id
}

bench_group_add() {   # bench_group_add <group id> <members a PATCH>: the user ids on stdin added to the group, in PATCHes
    local c
    split -l "$2" - "$WORK/chunk."
    for c in "$WORK"/chunk.*; do
        jq -R '{value: .}' "$c" \
            | jq -s '{schemas:["urn:ietf:params:scim:api:messages:2.0:PatchOp"],Operations:[{op:"add",path:"members",value:.}]}' \
            | curl -sf -o /dev/null -X PATCH -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/scim+json' \
                --data-binary @- "$BASE/scim/v2/Groups/$1"
        rm -f "$c"
    done
}

calibration_deploy() {   # calibration_deploy [floor]
    local cal=$WORK/calibration t
    rm -rf "$cal" && mkdir -p "$cal/war/WEB-INF/classes"
    mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cal/classpath" -Dmdep.includeScope=compile >"$cal/mvn.log" 2>&1 \
        || { cat "$cal/mvn.log" >&2; exit 1; }
    javac -proc:none --release 17 -cp "$(cat "$cal/classpath")" -d "$cal/war/WEB-INF/classes" "$ROOT"/src/bench/calibration/*.java
    if [[ ${1:-} == floor ]]; then
        mkdir -p "$cal/war/WEB-INF/classes/redis"
        cp "$ROOT"/src/main/resources/redis/*.lua "$cal/war/WEB-INF/classes/redis/"
    fi
    (cd "$cal/war" && unzip -q "$ROOT/target/scim-bridge.war" 'WEB-INF/lib/*' && rm -f WEB-INF/lib/embedded-redis-*.jar \
        && jar cf "$cal/calibration.war" .)
    cp "$cal/calibration.war" "$CALIBRATION_WAR"   # Liberty polls dropins (applicationMonitor defaults)
    t=$(date +%s%N)
    calibration_started || return 1
    CAL_DEPLOY_MS=$(( ($(date +%s%N) - t) / 1000000 ))
}

# The endpoint is asked only once Liberty says the application started: a request for /calibration/ping before that
# is the bridge's (its context root is /), and in two dev runs of round 14 Liberty's web container went on sending
# that URI to the bridge (401) after the calibration had started, and after two redeployments of it, while
# /calibration/ping/ reached the calibration.
calibration_started() {   # the calibration WAR started (Liberty's CWWKZ0001I) and answering, within 60 s
    for _ in $(seq 600); do
        grep -q 'CWWKZ0001I: Application calibration started' "$SERVER_DIR/logs/messages.log" \
            && curl -sf "$BASE/calibration/ping" >/dev/null && return 0
        read -rt 0.1 -u "$IDLE_FD" || true
    done
    return 1
}

bench_windowed() {   # bench_windowed <PREFIX> <default ops> <default rounds>: a windowed script's knobs, and the build
    local v
    v=$1_OPS; OPS=${!v:-$2}
    v=$1_ROUNDS; ROUNDS=${!v:-$3}
    v=$1_SECONDS; SECONDS_A_WINDOW=${!v:-10}
    v=$1_WARMUP; WARM=${!v:-3}
    mvn -B -q -DskipTests package liberty:create   # the working tree's build, whatever target/ holds
}

bench_order() {   # bench_order <round> <window>...: the windows one a line, in reverse order in even rounds
    local round=$1 i
    shift
    if (( round % 2 )); then printf '%s\n' "$@"; else for (( i = $#; i >= 1; i-- )); do printf '%s\n' "${!i}"; done; fi
}

bench_list_window() {   # bench_list_window <round> <op> <list> <seconds>: a window of <op> over the users of $WORK/<list>,
    # or, for op calibration (its list -), of the calibration endpoint; bench_list_rounds's one window
    if [[ $2 == calibration ]]; then
        bench_window "$1" calibration ping "$4" /calibration/ping
    else
        BENCH_USERS_FILE=$WORK/$3 bench_window "$1" "$3" "$2" "$4"
    fi
}

bench_list_rounds() {   # bench_list_rounds <lists to warm up on> <list>...: the windows of tail-latency.sh and user-groups.sh
    # WARM windows of 15 s of the calibration and of each op of OPS over each list of the first argument (space
    # separated), unrecorded; then ROUNDS rounds of a window of the calibration and of each op over each list, in
    # bench_order, printed one a line and kept in $WORK/windows
    local warm_lists=$1 r w op list order
    shift
    bridge_log "warm-up: $WARM windows of 15 s of the calibration and of each workload over $warm_lists"
    for _ in $(seq "$WARM"); do
        bench_list_window warm calibration - 15 >/dev/null
        for op in $OPS; do for list in $warm_lists; do bench_list_window warm "$op" "$list" 15 >/dev/null; done; done
    done
    for r in $(seq "$ROUNDS"); do
        order=("calibration -")
        for op in $OPS; do for list in "$@"; do order+=("$op $list"); done; done
        mapfile -t order < <(bench_order "$r" "${order[@]}")
        for w in "${order[@]}"; do
            read -r op list <<<"$w"
            bench_list_window "$r" "$op" "$list" "$SECONDS_A_WINDOW"
        done
    done | tee "$WORK/windows"
}

JSTAT=""   # the JDK's jstat, found at the first bench_window
bench_window() {   # bench_window <round> <label> <op> <seconds> [path]
    local script=users.lua gc0 gc1
    [[ -n $JSTAT ]] || JSTAT=$(dirname "$(readlink -f "$(command -v java)")")/jstat
    [[ $3 == create ]] && script=create.lua
    [[ $3 == ping ]] && script=plain.lua
    [[ $3 == page ]] && script=paging.lua
    redis-cli -p "$REDIS_PORT" config resetstat >/dev/null   # Redis's latency percentiles count this window only
    gc0=$($JSTAT -gc "$BRIDGE_PID" | tail -1)
    cpu_now CPU_START   # the CPU marks close around wrk: jstat, a JVM of its own, and redis-cli stay outside them
    BENCH_BASE_PATH=${5:-} BENCH_PATH=${5:-/ping} BENCH_OP=$3 BENCH_KIND=user BENCH_PREFIX=c$2 BENCH_RUN=$1-$RANDOM \
        BENCH_LUA_DIR=$ROOT/src/bench/lua BENCH_THREADS=2 BENCH_PAGE=100 \
        wrk -t2 -c16 -d"$4"s -s "$ROOT/src/bench/lua/$script" "$BASE" >"$WORK/wrk.out" 2>&1
    cpu_now CPU_END
    gc1=$($JSTAT -gc "$BRIDGE_PID" | tail -1)
    python3 - "$1" "$2" "$3" "$(grep '^BENCH ' "$WORK/wrk.out")" "$gc0" "$gc1" "$TICK_US" \
        $(( CPU_END[0] - CPU_START[0] )) $(( CPU_END[1] - CPU_START[1] )) $(( CPU_END[3] - CPU_START[3] )) \
        "$(redis-cli -p "$REDIS_PORT" info commandstats latencystats | tr -d '\r')" <<'PY'
import re, sys
rnd, label, op, bench, gc0, gc1 = sys.argv[1:7]
tick, jvm, redis, mach = (int(x) for x in sys.argv[7:11])
stats = sys.argv[11]   # INFO's sections commandstats and latencystats
f = dict(kv.split('=') for kv in bench.split()[1:])
n = int(f['requests'])
a, b = gc0.split(), gc1.split()   # jstat -gc: S0C S1C S0U S1U EC EU OC OU ... YGC YGCT (columns 13 and 14)
collections, pause = int(b[12]) - int(a[12]), float(b[13]) - float(a[13])
allocated = collections * float(a[4]) + float(b[5]) - float(a[5])
# Redis 7's own percentiles of the window's EVALSHA (the bridge's one command a read; the commands its scripts run
# are counted as often), or of its most called command (the calibration's GET or SET).
calls = {m[0]: int(m[1]) for m in re.findall(r'^cmdstat_(\S+):calls=(\d+)', stats, re.M)}
top = 'evalsha' if 'evalsha' in calls else max(calls, key=calls.get) if calls else None
percentiles = re.search(r'^latency_percentiles_usec_%s:(\S+)' % re.escape(top), stats, re.M) if top else None
p = dict(kv.split('=') for kv in percentiles.group(1).split(',')) if percentiles else {}
print(f"{op} {rnd} {label} rps={f['rps']} non2xx={f['non2xx']} jvm={jvm * tick / n:.0f} redis={redis * tick / n:.0f} "
      f"machine={mach * tick / n:.0f} gc={pause * 1e6 / n:.1f} alloc_kb={allocated / n:.1f} "
      f"ygc_ms={pause * 1e3 / max(collections, 1):.2f} p50_ms={f['p50_ms']} p99_ms={f['p99_ms']} "
      f"redis_p99_us={p.get('p99', 'nan')}", flush=True)
PY
}
