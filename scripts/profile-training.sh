#!/usr/bin/env bash
# Where training time goes, function by function: profiles `LessonsBench train W1|W3` (release
# build) with perf when it can sample, else with callgrind (instruction counts, not time).
#
#   scripts/profile-training.sh W3 [runs]
#
# valgrind 3.19 (Debian 12) cannot read the DWARF 5 debug info Swift 6 writes, so callgrind
# runs on a copy of the binary without debug info (function symbols are kept).
set -euo pipefail
cd "$(dirname "$0")/.."
workload=${1:-W3}
runs=${2:-5}
swift build -c release --product LessonsBench >/dev/null
bin=$(swift build -c release --show-bin-path)/LessonsBench
fixtures=$PWD/Tests/TrainingTests/Fixtures
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if command -v perf >/dev/null && perf record -q -F 10000 -o "$tmp/perf.data" "$bin" train "$workload" --runs "$runs" >/dev/null 2>&1; then
    echo "perf: share of samples by function, LessonsBench train $workload --runs $runs"
    perf report -i "$tmp/perf.data" --no-children --percent-limit 0.5 --stdio 2>/dev/null \
        | grep '%' | awk '{ printf "%8s  %s\n", $1, $NF }' | swift demangle --simplified | cut -c1-150
elif command -v valgrind >/dev/null; then
    objcopy --strip-debug "$bin" "$tmp/LessonsBench"
    valgrind --tool=callgrind --callgrind-out-file="$tmp/callgrind.out" \
        "$tmp/LessonsBench" train "$workload" --runs 1 --fixtures "$fixtures" >/dev/null 2>&1
    echo "callgrind: instructions by function, LessonsBench train $workload --runs 1"
    callgrind_annotate "$tmp/callgrind.out" 2>/dev/null | sed -n '/file:function/,$p' | head -30 \
        | swift demangle --simplified | cut -c1-150
else
    echo "profile-training: needs perf or valgrind (apt-get install linux-perf valgrind)" >&2
    exit 1
fi
