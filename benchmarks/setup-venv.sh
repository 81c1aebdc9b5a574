#!/bin/sh
# Creates benchmarks' Python environment (.venv-bench at the repository root) and installs the
# peers from PyPI: numpy, torch (CPU), jax. Each package is installed on its own, so one that
# cannot be installed does not keep the others out; run.py then reports that peer as
# unavailable, with the reason it finds when importing it. Never fails the bench.
set -u
cd "$(dirname "$0")/.."
VENV=.venv-bench
PYTHON=${PYTHON:-python3}
if [ ! -x "$VENV/bin/python" ]; then
    echo "bench: creating $VENV"
    "$PYTHON" -m venv "$VENV" || { echo "bench: cannot create $VENV (python3-venv missing?); peers will be unavailable"; exit 0; }
fi
for package in numpy torch jax; do
    if "$VENV/bin/python" -c "import $package" 2>/dev/null; then continue; fi
    echo "bench: installing $package into $VENV"
    # Quiet on success; the last lines of pip's output say why on failure.
    "$VENV/bin/pip" install --quiet "$package" >"$VENV/pip-$package.log" 2>&1 \
        || { echo "bench: could not install $package:"; tail -3 "$VENV/pip-$package.log"; }
done
exit 0
