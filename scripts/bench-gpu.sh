#!/usr/bin/env bash
# Runs the performance figures of issue 10 (docs/performance.md, "Validation benchmarks
# (issue 10)") on this machine's device and writes them, with the device named, into one
# results file:
#   1. optimizer_step_bench      our fused steps vs torch::optim vs the triad bound on
#                                ResNet-18's parameters; on a GPU also the fraction of HBM
#                                bandwidth reached (--peak-gbs, the data-sheet figure)
#   2. training_throughput_bench ResNet-18, batch 200: images/s
#   3. mbt_epoch_time_bench      MBT-MMT epoch time / momentum SGD epoch time, batch 200
#                                (LeNet on Fashion-MNIST; ResNet-18 on a subset with --full)
#
# Usage: scripts/bench-gpu.sh [options]
#   --device D       cuda (default when nvidia-smi sees a device) | cpu | cuda:N
#   --build-dir DIR  where the programs were built (DIR/bench/<program>); default build/release,
#                    else build/gpu. The programs come from bench/train.cmake (the full build:
#                    cmake --preset release; the GPU-only build: scripts/build-gpu.sh).
#   --out FILE       results file (default bench-results/<device>-<UTC date>.md)
#   --peak-gbs N     nominal memory bandwidth of the device in GB/s (e.g. 4800 for an H200,
#                    NVIDIA's data sheet); default: looked up from the device name for H100/H200/
#                    A100 where known, else none (the table then gives the fraction of the
#                    measured triad only)
#   --threads N      CPU threads (default: nproc)
#   --quick          fewer rounds and epochs (a smoke run: checks that everything runs)
#   --full           add ResNet-18 to the MBT ratio (Fashion-MNIST has 1x28x28 images: the zoo
#                    adapts; 10000-sample subset)
# Exit status: 0 all figures written; 2 bad usage or missing programs; otherwise the status of
# the failing program (the results file keeps what ran before it).
set -euo pipefail
cd "$(dirname "$0")/.."

device=""
build_dir=""
out=""
peak=""
threads="$(nproc 2>/dev/null || echo 2)"
quick=0
full=0

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
die() { echo "bench-gpu.sh: $*" >&2; exit 2; }
need_value() { [[ $# -ge 2 && -n "$2" ]] || die "option $1 needs a value (see --help)"; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --device) need_value "$@"; device="$2"; shift 2 ;;
    --build-dir) need_value "$@"; build_dir="$2"; shift 2 ;;
    --out) need_value "$@"; out="$2"; shift 2 ;;
    --peak-gbs) need_value "$@"; peak="$2"; shift 2 ;;
    --threads) need_value "$@"; threads="$2"; shift 2 ;;
    --quick) quick=1; shift ;;
    --full) full=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[[ "$threads" =~ ^[1-9][0-9]*$ ]] || die "--threads must be a positive integer, got '$threads'"
[[ -z "$peak" || "$peak" =~ ^[1-9][0-9]*$ ]] || die "--peak-gbs must be a positive integer (GB/s), got '$peak'"

gpu_name=""
if command -v nvidia-smi > /dev/null 2>&1; then
  gpu_name="$(nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null | head -1 || true)"
fi
if [[ -z "$device" ]]; then
  if [[ -n "$gpu_name" ]]; then device=cuda; else device=cpu; fi
fi
[[ "$device" =~ ^(cpu|cuda|cuda:[0-9]+)$ ]] || die "--device must be cpu, cuda or cuda:N, got '$device'"

if [[ -z "$build_dir" ]]; then
  if [[ -x build/release/bench/optimizer_step_bench ]]; then build_dir=build/release; else build_dir=build/gpu; fi
fi
for p in optimizer_step_bench training_throughput_bench mbt_epoch_time_bench; do
  [[ -x "$build_dir/bench/$p" ]] || die "missing $build_dir/bench/$p: build it first (cmake --build $build_dir --target $p)"
done

cpu_name="$(lscpu 2>/dev/null | awk -F: '/Model name/ { sub(/^ +/, "", $2); print $2; exit }')"
if [[ "$device" == cpu ]]; then
  device_name="CPU: ${cpu_name:-unknown}, $(nproc) cores, $threads threads"
else
  device_name="GPU: ${gpu_name:-unknown} (host CPU: ${cpu_name:-unknown})"
  if [[ -z "$peak" ]]; then
    case "$gpu_name" in
      *H200*) peak=4800 ;;  # NVIDIA H200 data sheet: 4.8 TB/s HBM3e
      *H100*SXM*|*H100*HBM3*) peak=3350 ;;  # H100 SXM: 3.35 TB/s
      *H100*) peak=2000 ;;  # H100 PCIe: 2 TB/s
      *A100*80GB*) peak=2039 ;;
      *A100*) peak=1555 ;;
    esac
  fi
fi

slug="$(echo "${gpu_name:-$device}" | tr -c 'A-Za-z0-9\n' '-' | tr -s '-' | sed 's/^-//; s/-$//')"
stamp="$(date -u +%Y-%m-%dT%H%MZ)"
[[ -n "$out" ]] || out="bench-results/${slug:-device}-${stamp}.md"
mkdir -p "$(dirname "$out")"
json_dir="${out%.md}-json"
mkdir -p "$json_dir"

rounds=20; iters=5; epochs=2; repeats=3
if [[ $quick == 1 ]]; then rounds=4; iters=1; epochs=1; repeats=1; fi

{
  echo "# Issue 10 performance figures on $device_name"
  echo
  echo "Run $stamp by scripts/bench-gpu.sh (device $device, build $build_dir, git $(git rev-parse --short HEAD 2>/dev/null || echo '?'))."
  [[ $quick == 1 ]] && echo "QUICK run (--quick): a smoke test, not a measurement."
  echo
} > "$out"

run() {  # title, command...
  local title="$1"; shift
  echo "== $title: $*" >&2
  {
    echo "## $title"
    echo
    echo '```'
    echo "\$ $*"
  } >> "$out"
  local rc=0
  "$@" >> "$out" 2>&1 || rc=$?
  echo '```' >> "$out"
  echo >> "$out"
  if [[ $rc != 0 ]]; then echo "bench-gpu.sh: '$title' failed (status $rc); results so far in $out" >&2; exit "$rc"; fi
}

run "Optimizer step, ResNet-18 parameters" "$build_dir/bench/optimizer_step_bench" --device "$device" \
  --threads "$threads" --rounds "$rounds" ${peak:+--peak-gbs "$peak"} --json "$json_dir/optimizer_step.json"
run "Training throughput, ResNet-18, batch 200" "$build_dir/bench/training_throughput_bench" --device "$device" \
  --threads "$threads" --batch 200 --iters "$iters" --json "$json_dir/throughput.json"
run "MBT / MMT epoch time, LeNet, Fashion-MNIST, batch 200" "$build_dir/bench/mbt_epoch_time_bench" \
  --device "$device" --threads "$threads" --batch 200 --epochs "$epochs" --repeats "$repeats" \
  --json "$json_dir/mbt_lenet.json"
if [[ $full == 1 ]]; then
  run "MBT / MMT epoch time, ResNet-18, Fashion-MNIST (10000 samples), batch 200" \
    "$build_dir/bench/mbt_epoch_time_bench" --model resnet18 --subset 10000 --device "$device" \
    --threads "$threads" --batch 200 --epochs "$epochs" --repeats "$repeats" --json "$json_dir/mbt_resnet18.json"
fi
echo "bench-gpu.sh: results in $out (JSON in $json_dir)" >&2
