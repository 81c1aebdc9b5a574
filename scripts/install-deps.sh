#!/usr/bin/env bash
# Installs the Debian packages that building (and, with --test, testing) needs,
# and only those that are missing, so `make` is fast on a machine that has them.
set -euo pipefail

build_pkgs=(pkg-config libcairo2-dev libpango1.0-dev zlib1g-dev libcmark-gfm-dev libcmark-gfm-extensions-dev fonts-noto-cjk)
test_pkgs=()
if [ "${1:-}" = "--test" ]; then
  # The browser tests drive the pages in headless Chromium.
  test_pkgs=(chromium poppler-utils)
  # The notebook tests validate every generated notebook against the nbformat schema and run it
  # top to bottom in a fresh kernel (NotebookTests).
  test_pkgs+=(python3-nbformat python3-nbclient python3-ipykernel)
  # The framework-tab tests run the generated NumPy programs with python3 (never PyTorch: PyPI's
  # torch wheel pulls gigabytes of CUDA libraries, so those checks run only where torch already is).
  if ! command -v python3 >/dev/null 2>&1; then
    test_pkgs+=(python3 python3-numpy)
  elif ! python3 -c 'import numpy' 2>/dev/null; then
    echo "lessons: installing NumPy for python3" >&2
    python3 -m pip install --quiet numpy >&2 || test_pkgs+=(python3-numpy)
  fi
fi

missing=()
for p in "${build_pkgs[@]}" "${test_pkgs[@]+"${test_pkgs[@]}"}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "lessons: missing system packages: ${missing[*]}" >&2
  echo "lessons: this is not a Debian-like system (no apt-get); install the equivalents by hand." >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "lessons: missing system packages: ${missing[*]}" >&2
    echo "lessons: run as root or install them: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
echo "lessons: installing missing system packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]+"${sudo[@]}"}" apt-get update -qq >&2
"${sudo[@]+"${sudo[@]}"}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
