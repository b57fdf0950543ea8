#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds OptVerify (release) and runs the main job.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/install-deps.sh
cmake --preset release
cmake --build --preset release --target optverify
# The main job for now: verify every problem of the library (derivatives,
# critical points, Lipschitz constants, cross-precision agreement).
./build/release/cli/optverify problems check --all
