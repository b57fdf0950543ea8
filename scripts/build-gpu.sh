#!/usr/bin/env bash
# Builds the LibTorch layer on a machine that has only a LibTorch (CUDA or CPU), CMake and a
# C++17 compiler: the update rules (optim/, header-only), the data readers (nets/data), the
# model zoo (nets/torch), the LibTorch optimizers and data pipeline (gpu/) and their tests,
# WITHOUT the rigorous core (OPTVERIFY_RIGOROUS_CORE=OFF: no Boost, MPFR, Ceres, ...).
# docs/gpu.md says what such a build contains and how to run the device checks.
#
# Usage: scripts/build-gpu.sh [options]
#   --torch DIR      LibTorch: its root (holding share/cmake/Torch) or that cmake folder.
#                    Default: $LIBTORCH, else the pip PyTorch that python3 imports, else the
#                    system's (Debian's libtorch-dev).
#   --debs DIR       Debian packages (.deb) of header-only dependencies, unpacked into
#                    BUILD_DIR/deps and preferred to the system's: libeigen3-dev_*.deb and
#                    nlohmann-json3-dev_*.deb (`apt-get download libeigen3-dev
#                    nlohmann-json3-dev` on any Debian 12 machine). Unpacked with
#                    dpkg-deb, or with ar + tar where dpkg is absent.
#   --build-dir DIR  default build/gpu
#   --cuda-kernels on|off|auto
#                    compile the elementwise rules as one CUDA kernel per step (nvcc; option
#                    OPTVERIFY_CUDA_KERNELS). auto (default): on when the LibTorch has CUDA
#                    (libtorch_cuda) and nvcc is found (PATH or /usr/local/cuda/bin).
#   --cuda-arch LIST CMAKE_CUDA_ARCHITECTURES (default: "native" where nvidia-smi sees a device,
#                    else "80;90")
#   --no-tests       do not build the tests (they need GoogleTest: libgtest-dev)
#   --test           run the tests after the build (ctest)
#   --jobs N         parallel build jobs (default: the number of cores)
# Exit status: 0 built (and tested); 2 bad usage; otherwise the failing step's status.
set -euo pipefail
cd "$(dirname "$0")/.."

torch_dir="${LIBTORCH:-}"
debs=""
build_dir="build/gpu"
tests=ON
run_tests=0
cuda_kernels=auto
cuda_arch=""
jobs="$(nproc 2>/dev/null || echo 2)"

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --torch) torch_dir="${2:?--torch needs a folder}"; shift 2 ;;
    --debs) debs="${2:?--debs needs a folder}"; shift 2 ;;
    --build-dir) build_dir="${2:?--build-dir needs a folder}"; shift 2 ;;
    --cuda-kernels) cuda_kernels="${2:?--cuda-kernels needs on, off or auto}"; shift 2 ;;
    --cuda-arch) cuda_arch="${2:?--cuda-arch needs a list}"; shift 2 ;;
    --no-tests) tests=OFF; shift ;;
    --test) run_tests=1; shift ;;
    --jobs) jobs="${2:?--jobs needs a number}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "build-gpu.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
if [ "$run_tests" = 1 ] && [ "$tests" = OFF ]; then
  echo "build-gpu.sh: --test and --no-tests contradict each other" >&2; exit 2
fi

prefix_path=""
add_prefix() { prefix_path="${prefix_path:+$prefix_path;}$1"; }

# LibTorch.
if [ -z "$torch_dir" ] && command -v python3 >/dev/null; then
  torch_dir="$(python3 -c 'import torch.utils; print(torch.utils.cmake_prefix_path)' 2>/dev/null || true)"
  [ -n "$torch_dir" ] && echo "build-gpu.sh: LibTorch from the pip PyTorch: $torch_dir"
fi
if [ -n "$torch_dir" ]; then
  if [ ! -d "$torch_dir" ]; then echo "build-gpu.sh: --torch $torch_dir: no such folder" >&2; exit 2; fi
  add_prefix "$(cd "$torch_dir" && pwd)"
else
  echo "build-gpu.sh: using the system's LibTorch (no --torch, no \$LIBTORCH, no pip PyTorch)"
fi

# Header-only dependencies shipped as Debian packages.
if [ -n "$debs" ]; then
  if [ ! -d "$debs" ]; then echo "build-gpu.sh: --debs $debs: no such folder" >&2; exit 2; fi
  deps="$build_dir/deps"
  mkdir -p "$deps"
  deps="$(cd "$deps" && pwd)"
  found=0
  for pkg in libeigen3-dev nlohmann-json3-dev; do
    deb="$(ls "$debs"/${pkg}_*.deb 2>/dev/null | head -n 1 || true)"
    if [ -z "$deb" ]; then echo "build-gpu.sh: no ${pkg}_*.deb in $debs (using the system's)"; continue; fi
    echo "build-gpu.sh: unpacking $(basename "$deb") into $deps"
    if command -v dpkg-deb >/dev/null; then
      dpkg-deb -x "$deb" "$deps"
    else
      tmp="$(mktemp -d)"
      (cd "$tmp" && ar x "$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")" && tar -xf data.tar.* -C "$deps")
      rm -rf "$tmp"
    fi
    found=1
  done
  [ "$found" = 1 ] && add_prefix "$deps/usr"
fi

# CUDA kernels.
case "$cuda_kernels" in on|off|auto) ;; *) echo "build-gpu.sh: --cuda-kernels must be on, off or auto" >&2; exit 2 ;; esac
nvcc="$(command -v nvcc || true)"
[ -z "$nvcc" ] && [ -x /usr/local/cuda/bin/nvcc ] && nvcc=/usr/local/cuda/bin/nvcc
if [ "$cuda_kernels" = auto ]; then
  cuda_kernels=off
  search=(/usr/lib /usr/local/lib)
  [ -n "$torch_dir" ] && search=("$torch_dir/../.." "$torch_dir/lib" "${search[@]}")
  if [ -n "$nvcc" ] && find "${search[@]}" -maxdepth 4 -name 'libtorch_cuda*.so*' 2>/dev/null | grep -q .; then
    cuda_kernels=on
  fi
  echo "build-gpu.sh: CUDA kernels: $cuda_kernels (auto)"
fi
cuda_args=()
if [ "$cuda_kernels" = on ]; then
  if [ -z "$nvcc" ]; then echo "build-gpu.sh: --cuda-kernels on, but no nvcc on PATH or in /usr/local/cuda/bin" >&2; exit 2; fi
  if [ -z "$cuda_arch" ]; then
    if command -v nvidia-smi >/dev/null && nvidia-smi -L >/dev/null 2>&1; then cuda_arch=native; else cuda_arch="80;90"; fi
  fi
  cuda_args=(-DOPTVERIFY_CUDA_KERNELS=ON -DCMAKE_CUDA_COMPILER="$nvcc" -DCMAKE_CUDA_ARCHITECTURES="$cuda_arch")
else
  cuda_args=(-DOPTVERIFY_CUDA_KERNELS=OFF)
fi

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
set -x
cmake -S . -B "$build_dir" "${generator[@]}" \
  -DCMAKE_BUILD_TYPE=Release \
  -DOPTVERIFY_RIGOROUS_CORE=OFF -DOPTVERIFY_WITH_TORCH=ON \
  -DOPTVERIFY_BUILD_TESTS="$tests" -DOPTVERIFY_BUILD_BENCH=ON "${cuda_args[@]}" \
  ${prefix_path:+-DCMAKE_PREFIX_PATH="$prefix_path"}
cmake --build "$build_dir" --parallel "$jobs"
if [ "$run_tests" = 1 ]; then
  ctest --test-dir "$build_dir" --output-on-failure --parallel "$jobs"
fi
