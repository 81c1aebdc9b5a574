#!/usr/bin/env bash
# Checks that training steps allocate nothing: builds scripts/malloc-counter.c, preloads it
# under the test binary and runs the tests named allocationFree* (they are skipped when the
# counter is not preloaded, as in a plain `swift test`). Linux with glibc only.
# Usage: scripts/check-allocations.sh [debug|release]   (default: debug)
set -euo pipefail
cd "$(dirname "$0")/.."
configuration="${1:-debug}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cc -shared -fPIC -O2 -o "$work/libmalloc-counter.so" scripts/malloc-counter.c
swift build --build-tests -c "$configuration"
LD_PRELOAD="$work/libmalloc-counter.so" swift test --skip-build -c "$configuration" --filter allocationFree
