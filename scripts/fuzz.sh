#!/usr/bin/env bash
# Fuzzes every file parser (docs/build.md "Fuzzing"): configures and builds the `fuzz`
# preset (clang, libFuzzer, ASan + UBSan; only the fuzz targets), then runs each target
# for SECONDS (default 60), one after the other, on its seed corpus.
#
#   scripts/fuzz.sh [SECONDS] [PARSER...]      PARSER: idx_reader cifar_reader (default: all)
#
# New inputs go to build/fuzz/corpus/<parser>/ (kept between runs; the committed seeds in
# tests/fuzz/corpus/<parser>/ are only read), findings to build/fuzz/findings/<parser>/
# (crash-*, leak-*, timeout-*, oom-*), the full log to build/fuzz/logs/<parser>.log.
# Exit status: 0 when no target found anything, 1 otherwise (2: usage or build error).
# Replay a finding: build/fuzz/tests/fuzz/fuzz_<parser> build/fuzz/findings/<parser>/crash-...
#
# The build is serialised with other builds on the machine through flock on
# $OPTVERIFY_BUILD_LOCK (default /tmp/ov-build.lock) when flock exists.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
[[ $seconds =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [SECONDS] [PARSER...]" >&2; exit 2; }
shift || true
parsers=("$@")
[[ ${#parsers[@]} -gt 0 ]] || parsers=(idx_reader cifar_reader)

cmake --preset fuzz >/dev/null || exit 2
lock=${OPTVERIFY_BUILD_LOCK:-/tmp/ov-build.lock}
if command -v flock >/dev/null; then
  flock "$lock" cmake --build --preset fuzz || exit 2
else
  cmake --build --preset fuzz || exit 2
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# The targets that read files write each input to an (unlinked) temporary file in $TMPDIR:
# tmpfs when there is one (about twice the executions per second of /tmp on ext4).
if [[ -z ${TMPDIR:-} && -d /dev/shm && -w /dev/shm ]]; then export TMPDIR=/dev/shm; fi

status=0
summary=()
for p in "${parsers[@]}"; do
  exe=build/fuzz/tests/fuzz/fuzz_$p
  seeds=tests/fuzz/corpus/$p
  [[ -x $exe && -d $seeds ]] || { echo "fuzz.sh: unknown parser '$p' (no $exe or $seeds)" >&2; exit 2; }
  work=build/fuzz/corpus/$p
  findings=build/fuzz/findings/$p
  log=build/fuzz/logs/$p.log
  mkdir -p "$work" "$findings" "$(dirname "$log")"
  echo "== fuzz_$p: ${seconds} s, seeds $seeds, log $log"
  set +e
  # -timeout: one input taking over 10 s is a hang; -rss_limit_mb (and the malloc limit it
  # implies): a parser that allocates 2 GB for a tiny input is a finding.
  "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$findings/" "$work" "$seeds" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$log" | tail -1 || true)
  if [[ $rc -eq 0 ]]; then
    line="fuzz_$p: no finding; ${execs:-?} inputs, ${rate:-?} exec/s; $cov"
  else
    status=1
    line="fuzz_$p: FINDING (exit $rc); see $log and $findings/"
    grep -E 'ERROR: |FINDING|runtime error|Test unit written to' "$log" | head -5 || true
  fi
  echo "$line"
  summary+=("$line")
done
echo "== summary"
printf '%s\n' "${summary[@]}"
exit $status
