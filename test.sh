#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds OptVerify and all tests, and runs them.
# Extra arguments go to ctest (e.g. ./test.sh -L unit, ./test.sh -R Rosenbrock).
set -euo pipefail
cd "$(dirname "$0")"
start=$(date +%s)
./scripts/install-deps.sh --with-test-tools   # + headless Chromium for the report rendering test
cmake --preset release
cmake --build --preset release
built=$(date +%s)
echo "test.sh: set-up and build took $((built - start)) s"
ctest --preset release -j "$(nproc)" "$@"
echo "test.sh: tests took $(( $(date +%s) - built )) s (total $(( $(date +%s) - start )) s)"
