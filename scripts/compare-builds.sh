#!/usr/bin/env bash
# Builds the course with two versions of `lessons` and compares the two output trees byte for
# byte, so a restructuring that should change nothing can prove it changed nothing.
#
#   scripts/compare-builds.sh [--lessons DIR] [--keep] OLD NEW
#
# OLD and NEW are each either a `lessons` executable or a git revision (a commit, branch or tag
# of this repository, built in a temporary worktree with `swift build -c release`; `WORKTREE`
# means the current working tree, uncommitted changes included). Each version builds the course
# twice, with --no-cache: once plain and once with --base-url (which adds canonical links and
# sitemap.xml). Exit status 0: the trees are identical; 1: they differ (the differing files are
# listed, with a diff of the first text file); 2: a build failed or the call was wrong.
# --keep leaves the output trees in the temporary folder it prints.
set -euo pipefail

usage() { echo "usage: scripts/compare-builds.sh [--lessons DIR] [--keep] OLD NEW (executables or git revisions)" >&2; exit 2; }

repo=$(cd "$(dirname "$0")/.." && pwd)
lessons_dir="$repo/lessons"
keep=0
while [ $# -gt 0 ]; do
    case "$1" in
        --lessons) [ $# -ge 2 ] || usage; lessons_dir=$(cd "$2" && pwd); shift 2 ;;
        --keep) keep=1; shift ;;
        -h|--help) usage ;;
        -*) echo "compare-builds: unknown option '$1'" >&2; usage ;;
        *) break ;;
    esac
done
[ $# -eq 2 ] || usage

swift=${SWIFT:-$(command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)}
work=$(mktemp -d "${TMPDIR:-/tmp}/compare-builds.XXXXXX")
worktrees=()
cleanup() {
    for tree in "${worktrees[@]:-}"; do
        [ -n "$tree" ] && git -C "$repo" worktree remove --force "$tree" >/dev/null 2>&1 || true
    done
    if [ "$keep" -eq 0 ]; then rm -rf "$work"; else echo "compare-builds: outputs kept in $work" >&2; fi
}
trap cleanup EXIT
trap 'exit 2' INT TERM  # so an interrupted run still removes its worktrees

# Sets $binary to the path of a `lessons` executable for $1 (an executable, WORKTREE, or a git
# revision). Not run in a subshell, so the worktrees it adds are known to cleanup.
binary_for() {
    local spec=$1 label=$2
    if [ -f "$spec" ] && [ -x "$spec" ]; then
        binary="$(cd "$(dirname "$spec")" && pwd)/$(basename "$spec")"
        return
    fi
    local source
    if [ "$spec" = WORKTREE ]; then
        source=$repo
    else
        git -C "$repo" rev-parse --verify --quiet "$spec^{commit}" >/dev/null \
            || { echo "compare-builds: '$spec' is neither an executable nor a git revision" >&2; exit 2; }
        source="$work/tree-$label"
        git -C "$repo" worktree add --detach --quiet "$source" "$spec" >&2
        worktrees+=("$source")
    fi
    echo "compare-builds: building $spec (release) in $source" >&2
    (cd "$source" && "$swift" build -c release --product lessons >&2) \
        || { echo "compare-builds: building $spec failed" >&2; exit 2; }
    binary="$(cd "$source" && "$swift" build -c release --show-bin-path)/lessons"
}

binary_for "$1" old; old_bin=$binary
binary_for "$2" new; new_bin=$binary

status=0
for variant in plain base-url; do
    for side in old new; do
        bin=$old_bin; [ "$side" = new ] && bin=$new_bin
        extra=(); [ "$variant" = base-url ] && extra=(--base-url https://example.org/course/)
        out="$work/$variant-$side"
        echo "compare-builds: $side ($bin) -> $out" >&2
        "$bin" build "$lessons_dir" --output "$out" --no-cache --cache-dir "$work/cache-$side" "${extra[@]}" >/dev/null 2>"$work/$variant-$side.log" \
            || { cat "$work/$variant-$side.log" >&2; echo "compare-builds: the $side build ($variant) failed" >&2; exit 2; }
    done
    if diff -rq "$work/$variant-old" "$work/$variant-new" >"$work/$variant.diff"; then
        echo "compare-builds: $variant: identical ($(find "$work/$variant-old" -type f | wc -l) files)"
    else
        status=1
        echo "compare-builds: $variant: the outputs differ:"
        sed "s|$work/||g" "$work/$variant.diff"
        first=$(grep -m1 '^Files .* differ$' "$work/$variant.diff" | sed 's/^Files \(.*\) and \(.*\) differ$/\1\t\2/' || true)
        if [ -n "$first" ]; then
            IFS=$'\t' read -r a b <<<"$first"
            if grep -Iq . "$a"; then diff -u "$a" "$b" | head -40 || true; fi
        fi
    fi
done
exit $status
