#!/usr/bin/env bash
# Builds llama.cpp's llama-server from the source node-llama-cpp ships (a git bundle), once per
# machine: the binary lives in a cache outside the checkout, because CI runs in a fresh clone
# each time. The last line printed is the binary's path; nothing is built when it exists.
# `--path` only prints where the binary is (exit 3 when it is not built yet), for the tests and
# benchmarks that run it: they must never start a 15-minute build themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
bundle="node_modules/node-llama-cpp/llama/gitRelease.bundle"
if [ ! -f "$bundle" ]; then
  echo "llama-server:build: $bundle is missing; run npm ci first" >&2
  exit 2
fi
# The CPU flags are part of the cache key: a binary built for AVX-512 must not be reused on a
# machine without it. GGML_NATIVE stays off because these CPUs report AMX, and the native build
# dies with SIGILL at the server's warm-up (see ../shared/notes/node-llama-cpp-here.md).
avx512=OFF
if grep -qw avx512f /proc/cpuinfo 2>/dev/null; then avx512=ON; fi
flags=(
  -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF
  -DLLAMA_CURL=OFF -DLLAMA_OPENSSL=OFF -DLLAMA_BUILD_UI=OFF -DLLAMA_USE_PREBUILT_UI=OFF
  -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF
  -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON
  "-DGGML_AVX512=$avx512" -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF
)
bundleHash=$(sha256sum "$bundle" | cut -c1-16)
flagsHash=$(printf '%s\n' "${flags[@]}" | sha256sum | cut -c1-8)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/enclave/llama-server/$bundleHash-$flagsHash"
binary="$cache/llama-server"
if [ -x "$binary" ]; then
  echo "$binary"
  exit 0
fi
if [ "${1:-}" = "--path" ]; then
  echo "llama-server:build: $binary is not built yet; run npm run llama-server:build (about 15 min on 2 cores, once per machine)" >&2
  exit 3
fi
for tool in git cmake ninja c++; do
  if ! command -v "$tool" >/dev/null; then
    echo "llama-server:build: '$tool' is missing (Debian: apt-get install git cmake ninja-build g++)" >&2
    exit 2
  fi
done
mkdir -p "$cache"
work="$cache/build.tmp"
rm -rf "$work"
echo "llama-server:build: cloning the bundle into $work" >&2
git -c advice.detachedHead=false clone --quiet "$bundle" "$work/src"
echo "llama-server:build: configuring (${flags[*]})" >&2
cmake -S "$work/src" -B "$work/build" -G Ninja "${flags[@]}" >"$cache/cmake.log" 2>&1 \
  || { tail -30 "$cache/cmake.log" >&2; exit 1; }
jobs="${ENCLAVE_BUILD_JOBS:-$(nproc)}"
echo "llama-server:build: ninja -j$jobs llama-server (about 15 min on 2 idle cores)" >&2
ninja -C "$work/build" -j "$jobs" llama-server >"$cache/ninja.log" 2>&1 \
  || { tail -30 "$cache/ninja.log" >&2; exit 1; }
# The binary is moved into place last, so an interrupted build never looks finished.
cp "$work/build/bin/llama-server" "$binary.tmp"
mv "$binary.tmp" "$binary"
rm -rf "$work"
echo "$binary"
