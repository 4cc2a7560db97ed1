#!/usr/bin/env bash
# Start-up time of the bridge: `server start` to /health/ready UP, several starts in a row, each with the
# scimsession unlocked from scim.token.file against a real Redis (docs/benchmarks.md, round 3).
#
#   src/bench/start-up.sh                                   # 5 starts with liberty/config as shipped
#   START_COUNT=3 START_JVM_OPTIONS="-XX:TieredStopAtLevel=1" src/bench/start-up.sh
#   START_FROM=seed src/bench/start-up.sh                  # each start as the container image's (bridge.sh)
#
# Installs redis-server with apt-get if it is missing and builds with `mvn -DskipTests package liberty:create`
# if target/ lacks the bridge (src/bench/bridge.sh). Prints one line a start: milliseconds to ready and RSS right after.
set -euo pipefail
source "$(dirname "$0")/bridge.sh"
COUNT=${START_COUNT:-5}
BRIDGE_JVM_OPTIONS=${START_JVM_OPTIONS:-} bridge_setup StartUp redis-server
for i in $(seq "$COUNT"); do
    BRIDGE_START_FROM=${START_FROM:-kept} bridge_start
    echo "start $i: ready after $READY_MS ms, RSS $(( $(ps -o rss= -p "$BRIDGE_PID") / 1024 )) MiB; $START_FROM_KIND"
    "$WLP/bin/server" stop scimBridge >/dev/null
done
