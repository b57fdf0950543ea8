#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds OptVerify (release) and runs the main job.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/install-deps.sh
cmake --preset release
cmake --build --preset release --target optverify
# The main job: verify every problem of the library (derivatives, critical points,
# Lipschitz constants, cross-precision agreement), then run the claims catalog and
# write the verification report (JSON, CSV, Markdown, HTML with plots) to report/.
./build/release/cli/optverify problems check --all
./build/release/cli/optverify verify --all --report report/
# Then 003 §5's experiments at CPU scale (default sizes, about a minute in all on 2 cores;
# --full runs the whole protocols: hours), each with its own report (docs/experiments.md).
for e in local_minima efficiency asymptotic; do
  ./build/release/cli/optverify experiment "$e" --jobs "$(nproc)" --report "report/experiments/$e"
done
# Then two of the documents' benchmark protocols at CPU scale (MBT Table 3 and Figures 2-3 on
# Fashion-MNIST, about 70 s; docs/protocols-mbt.md; `bench protocol --suite` runs all of them).
# Exit status 1 means a claim was refuted at this scale: a finding written to the report, not a
# failure of the job.
./build/release/cli/optverify bench protocol bench/protocols/mbt_table3_models.json \
  bench/protocols/mbt_figures2_3_learning_rate_traces.json --report report/bench || test $? -eq 1
# Then the conformance suites on every built-in rule (docs/conformance.md; about 4 s): the
# findings (RMSprop's eps inside the square root, inexact backtracking's index-dependent direction) are refuted
# properties in report/conformance, exit status 1, not a failure of the job.
./build/release/cli/optverify conform --optimizer all --cases 4 --seed 20261130 --report report/conformance \
  || test $? -eq 1
