#!/usr/bin/env bash
# Start-up time of the bridge: `server start` (or `server run` inside START_*_LIMIT) to /health/ready UP,
# several starts in a row, each with the scimsession unlocked from scim.token.file against a real Redis
# (docs/benchmarks.md, round 3).
#
#   src/bench/start-up.sh                                   # 5 starts with liberty/config as shipped
#   START_COUNT=3 START_JVM_OPTIONS="-XX:TieredStopAtLevel=1" src/bench/start-up.sh
#   START_FROM=seed src/bench/start-up.sh                  # each start as the container image's (bridge.sh)
#   START_FROM=seed START_CPU_LIMIT=1 START_MEMORY_LIMIT=256Mi src/bench/start-up.sh   # in a container's limits
#
# Installs redis-server with apt-get if it is missing and builds with `mvn -DskipTests package liberty:create`
# if target/ lacks the bridge (src/bench/bridge.sh). Prints one line a start: milliseconds to ready, the
# JVM's CPU time and RSS right after; with limits, also what the cgroup recorded so far.
set -euo pipefail
source "$(dirname "$0")/bridge.sh"
COUNT=${START_COUNT:-5}
BRIDGE_JVM_OPTIONS=${START_JVM_OPTIONS:-} BRIDGE_MEMORY_LIMIT=${START_MEMORY_LIMIT:-} BRIDGE_CPU_LIMIT=${START_CPU_LIMIT:-} \
    bridge_setup StartUp redis-server
for i in $(seq "$COUNT"); do
    BRIDGE_START_FROM=${START_FROM:-kept} bridge_start
    read -r -a stat <"/proc/$BRIDGE_PID/stat"
    echo "start $i: ready after $READY_MS ms, JVM CPU $(( (stat[13] + stat[14]) * 1000 / $(getconf CLK_TCK) )) ms, RSS $(( $(ps -o rss= -p "$BRIDGE_PID") / 1024 )) MiB; $START_FROM_KIND"
    [[ -n ${START_MEMORY_LIMIT:-}${START_CPU_LIMIT:-} ]] && echo "  cgroup so far: $(bridge_cgroup)"
    "$WLP/bin/server" stop scimBridge >/dev/null
done
