#!/bin/sh
# Creates the benchmarks' Python environment (.venv-bench at the repository root) and installs
# from PyPI the peers: numpy, torch (CPU is enough), jax; and, for the notebook reference
# (benchmarks/notebooks/xor.ipynb run by `jupyter nbconvert --execute`), matplotlib, nbconvert
# (which brings the `jupyter` command) and ipykernel. Each package is installed on its own,
# so one that cannot be installed does not keep the others out; run.py then reports that peer
# (or the notebook figure) as unavailable, with the reason. Never fails the bench.
set -u
cd "$(dirname "$0")/.."
VENV=.venv-bench
PYTHON=${PYTHON:-python3}
if ! command -v "$PYTHON" >/dev/null 2>&1; then
    echo "bench: no $PYTHON; the Python peers will be unavailable"; exit 0
fi
if [ ! -x "$VENV/bin/python" ] && ! "$PYTHON" -c "import venv, ensurepip" >/dev/null 2>&1; then
    # Debian splits venv/ensurepip into python3-venv; install it as scripts/install-deps.sh does.
    SUDO=""
    [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO=sudo
    if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || [ -n "$SUDO" ]; }; then
        echo "bench: installing python3-venv"
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends python3-venv >/dev/null 2>&1 \
            || { $SUDO apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends python3-venv >/dev/null 2>&1; }
    fi
fi
if [ ! -x "$VENV/bin/python" ]; then
    echo "bench: creating $VENV"
    "$PYTHON" -m venv "$VENV" || { rm -rf "$VENV"; echo "bench: cannot create $VENV (is python3-venv installed?); the Python peers will be unavailable"; exit 0; }
fi
for package in numpy torch jax matplotlib nbconvert ipykernel; do
    if "$VENV/bin/python" -c "import $package" 2>/dev/null; then continue; fi
    note=""; [ "$package" = torch ] && note="; torch is large, this takes a few minutes once"
    echo "bench: installing $package into $VENV (from PyPI$note)"
    # Quiet on success; on failure, the last lines of pip's log say why.
    "$VENV/bin/pip" install --quiet "$package" >"$VENV/pip-$package.log" 2>&1 \
        || { echo "bench: could not install $package:"; tail -3 "$VENV/pip-$package.log"; }
done
exit 0
