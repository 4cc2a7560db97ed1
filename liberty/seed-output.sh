#!/bin/sh
# Entrypoint of the container image (liberty/Containerfile): puts back the server output that the image's
# build-time warm-up left, then runs the command it is given (the Open Liberty image's own entrypoint,
# docker-server.sh, with `server run defaultServer`).
#
# Every documented deployment mounts Liberty's output directory (WLP_OUTPUT_DIR) as a tmpfs or emptyDir
# under a read-only root filesystem. On an empty one every start is the server's first: features resolved,
# bundles installed, the WAR scanned and expanded afresh, which took 2.3 s longer and left about 30 MiB more
# resident memory than a start from a kept workarea (docs/benchmarks.md, round 7). The build keeps that
# output under SCIM_SEED_DIR/metrics-<SCIM_METRICS_ENABLED at build time>; this copies the one matching the
# current SCIM_METRICS_ENABLED into the server's output directory when that holds no workarea yet. Liberty
# keeps the parsed configuration in the workarea and does not notice a variable that chooses an include,
# so with a value no seed was made for the server starts from an empty workarea, as before.
#
# SCIM_SEED_TARGET (the server's output directory) exists for src/bench/bridge.sh, which runs this script
# against a Maven-built server to measure it.
set -eu
seed=${SCIM_SEED_DIR:-/opt/scim-bridge/seed}/metrics-${SCIM_METRICS_ENABLED:-false}
target=${SCIM_SEED_TARGET:-${WLP_OUTPUT_DIR:-/opt/ol/wlp/output}/defaultServer}

if [ -d "$seed/workarea" ] && [ ! -e "$target/workarea" ]; then
    # A partial workarea would be worse than none: on any failure remove what was copied and start empty.
    if ! { mkdir -p "$target/apps" && cp -Rp "$seed/workarea" "$target/" \
            && { [ ! -d "$seed/apps/expanded" ] || cp -Rp "$seed/apps/expanded" "$target/apps/"; }; }; then
        rm -rf "$target/workarea" "$target/apps/expanded"
        echo "seed-output.sh: could not copy $seed into $target; the server starts with an empty workarea" >&2
    fi
fi
exec "$@"
