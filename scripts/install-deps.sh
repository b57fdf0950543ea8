#!/usr/bin/env bash
# Installs exactly the Debian 12 packages OptVerify needs. Idempotent: packages
# already installed are left alone, and `apt-get update` runs only when something
# is missing. Works as root on a fresh machine (or through sudo).
set -euo pipefail

PACKAGES=(
  g++ cmake ninja-build ccache make pkg-config   # toolchain
  libboost-dev                                   # Boost 1.74: Multiprecision, Math (header-only)
  libmpfr-dev libmpfi-dev libgmp-dev             # MPFR, MPFI, GMP backends
  libeigen3-dev                                  # Eigen 3.4
  libceres-dev                                   # ceres::Jet (forward-mode autodiff)
  zlib1g-dev                                     # zlib (gzip-compressed IDX data files)
  dataset-fashion-mnist                          # Fashion-MNIST (nets/data, gpu/data loaders, experiment asymptotic)
  libtorch-dev                                   # LibTorch 1.13 (CPU)
  libgloo-dev                                    # Gloo headers: c10d process groups of LibTorch (data-parallel training)
  libgtest-dev libgmock-dev librapidcheck-dev    # GoogleTest, RapidCheck
  libbenchmark-dev                               # Google Benchmark
  libcli11-dev nlohmann-json3-dev libfmt-dev     # CLI, JSON, formatting
  gnuplot-nox                                    # plots
)

# TEST-ONLY packages, installed with --with-test-tools (./test.sh passes it):
# headless Chromium renders the report page in tests/report/report_render_test.cpp.
TEST_PACKAGES=(
  chromium                                       # headless browser for the report rendering test
)
for arg in "$@"; do
  case "$arg" in
    --with-test-tools) PACKAGES+=("${TEST_PACKAGES[@]}") ;;
    *) echo "install-deps: unknown option '$arg' (valid: --with-test-tools)" >&2; exit 2 ;;
  esac
done

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-deps: not root and no sudo; install these packages by hand: ${PACKAGES[*]}" >&2
    exit 1
  fi
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} missing package(s): ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
echo "install-deps: apt-get update"
$SUDO apt-get update -qq
echo "install-deps: apt-get install ${missing[*]}"
$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
echo "install-deps: done"
