#!/usr/bin/env bash
# The installed package end to end (tests/conformance/cli_and_package.cmake):
#   1. cmake --install <build> into a temporary prefix;
#   2. configure examples/conformance-own-optimizer against it in a fresh build directory,
#      build it and run its conformance test (GoogleTest + RapidCheck);
#   3. run the installed `optverify conform --library` on the example's plugin: the correct
#      optimizer must hold (exit 0), its deliberately broken variant must be refuted (exit 1).
# Usage: example_install_test.sh CMAKE BUILD_DIR EXAMPLE_DIR CXX_COMPILER MAKE_PROGRAM
set -euo pipefail
cmake_bin=$1 build=$2 example=$3 cxx=$4 make_program=$5
work=$(mktemp -d "${TMPDIR:-/tmp}/optverify-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
t0=$(date +%s)
"$cmake_bin" --install "$build" --prefix "$work/prefix" > "$work/install.log" \
  || { cat "$work/install.log"; echo "FAIL: cmake --install $build"; exit 1; }
for f in bin/optverify lib/cmake/OptVerify/OptVerifyConfig.cmake include/proofs-checks/conformance/gtest_suite.hpp \
         include/optim/core/optimizer.hpp; do
  [[ -e "$work/prefix/$f" ]] || { echo "FAIL: $f not installed"; exit 1; }
done
t1=$(date +%s)
# Compiler cache as in the main build, when present.
launcher=()
if command -v ccache > /dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
"$cmake_bin" -S "$example" -B "$work/build" -G Ninja -DCMAKE_MAKE_PROGRAM="$make_program" \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$work/prefix" "${launcher[@]}" \
  > "$work/configure.log" 2>&1 || { cat "$work/configure.log"; echo "FAIL: configuring the example"; exit 1; }
"$cmake_bin" --build "$work/build" > "$work/build.log" 2>&1 \
  || { cat "$work/build.log"; echo "FAIL: building the example"; exit 1; }
t2=$(date +%s)
# The example's own test: few RapidCheck cases (each case runs a property on fresh problems).
RC_PARAMS="max_success=10 seed=1" "$work/build/clipped_gd_conformance_test" > "$work/test.log" 2>&1 \
  || { cat "$work/test.log"; echo "FAIL: the example's conformance test"; exit 1; }
# The declared suites must have run (not been skipped): the descent properties among them.
grep -q "^\[       OK \] .*conformance_descent_monotone_decrease" "$work/test.log" \
  && grep -q "^\[       OK \] .*conformance_universal_checkpoint_round_trip" "$work/test.log" \
  || { cat "$work/test.log"; echo "FAIL: the example's descent/checkpoint properties did not pass"; exit 1; }
t3=$(date +%s)
plugin="$work/build/libclipped_gd_plugin.so"
set +e
"$work/prefix/bin/optverify" conform --library "$plugin" --optimizer clipped_warmup_gd --cases 4 \
  --report "$work/report" > "$work/conform.log" 2>&1
rc_good=$?
"$work/prefix/bin/optverify" conform --library "$plugin" --optimizer clipped_warmup_gd_wrong_sign --cases 4 \
  > "$work/conform_broken.log" 2>&1
rc_broken=$?
set -e
cat "$work/conform.log"
[[ $rc_good -eq 0 ]] || { echo "FAIL: optverify conform on the plugin's optimizer exited $rc_good (expected 0)"; exit 1; }
[[ -s "$work/report/report.json" ]] || { echo "FAIL: no report written"; exit 1; }
cat "$work/conform_broken.log"
[[ $rc_broken -eq 1 ]] || { echo "FAIL: the broken variant exited $rc_broken (expected 1: refuted)"; exit 1; }
grep -q "^refuted" "$work/conform_broken.log" || { echo "FAIL: no refuted property on the broken variant"; exit 1; }
t4=$(date +%s)
echo "package test: install $((t1 - t0)) s, configure+build $((t2 - t1)) s, example test $((t3 - t2)) s," \
     "optverify conform $((t4 - t3)) s (total $((t4 - t0)) s)"
