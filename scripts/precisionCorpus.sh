#!/usr/bin/env bash
# Fetches the clean corpus for `npm run bench:shield -- --precision`: maintained code that nobody
# on this project wrote, from Debian packages (C, C++, Java, PHP, Rust, Go), into a cache outside
# the repository. JavaScript/TypeScript come from this project's node_modules and Python from the
# machine's standard library, so they need no download. Needs apt (run `apt-get update` once).
set -euo pipefail
cache="${ENCLAVE_PRECISION_CORPUS:-$HOME/.cache/enclave/precision-corpus}"
mkdir -p "$cache/debs" "$cache/src"
cd "$cache/debs"
# language:package pairs; each package ships source files (or a source archive).
packages=(
  c:glibc-source
  cpp:libboost1.74-dev
  java:openjdk-17-source
  php:php-twig php:php-monolog php:php-guzzlehttp-guzzle php:php-symfony-console php:php-league-commonmark
  rust:librust-regex-dev rust:librust-serde-dev rust:librust-tokio-dev rust:librust-hyper-dev rust:librust-rand-dev rust:librust-clap-dev rust:librust-syn-dev
  go:golang-golang-x-net-dev go:golang-golang-x-crypto-dev
)
for entry in "${packages[@]}"; do
  lang="${entry%%:*}"; pkg="${entry#*:}"
  dest="$cache/src/$lang/$pkg"
  [ -d "$dest" ] && continue
  ls "${pkg}"_*.deb >/dev/null 2>&1 || apt-get download "$pkg" >/dev/null
  mkdir -p "$dest.tmp"
  dpkg-deb -x "${pkg}"_*.deb "$dest.tmp"
  # Source archives inside the package (glibc's tarball, the JDK's src.zip) are unpacked too.
  find "$dest.tmp" -name '*.tar.xz' -exec tar -xJf {} -C "$dest.tmp" \; -delete
  find "$dest.tmp" -name 'src.zip' -exec sh -c 'mkdir -p "$1.d" && cd "$1.d" && unzip -q "$1"' _ {} \; -delete
  mv "$dest.tmp" "$dest"
  echo "fetched $lang $pkg"
done
echo "$cache"
