#!/bin/sh
# Entrypoint of the container image (liberty/Containerfile): puts back the server output that the image's
# build-time warm-up left, then runs the command it is given (the Open Liberty image's own entrypoint,
# docker-server.sh, with `server run defaultServer`).
#
# Every documented deployment mounts Liberty's output directory (WLP_OUTPUT_DIR) as a tmpfs or emptyDir
# under a read-only root filesystem. On an empty one every start is the server's first: features resolved,
# bundles installed, the WAR scanned and expanded afresh, which took 2.3 s longer and left about 30 MiB more
# resident memory than a start from a kept workarea (measured through this script on the Maven-built
# server, HotSpot; docs/benchmarks.md, round 7). The build keeps that
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
    # Copied beside the target first and moved in, the workarea last: a start interrupted while copying
    # leaves no workarea, so the next start seeds again; on any failure the server starts empty.
    staging=$target/.seed-output.$$
    rm -rf "$target"/.seed-output.*
    if mkdir -p "$staging/apps" "$target/apps" && cp -Rp "$seed/workarea" "$staging/" \
            && { [ ! -d "$seed/apps/expanded" ] || { cp -Rp "$seed/apps/expanded" "$staging/apps/" \
                && rm -rf "$target/apps/expanded" && mv "$staging/apps/expanded" "$target/apps/"; }; } \
            && mv "$staging/workarea" "$target/"; then
        rm -rf "$staging"
    else
        rm -rf "$staging" "$target/workarea"
        echo "seed-output.sh: could not copy $seed into $target; the server starts with an empty workarea" >&2
    fi
fi
exec "$@"
