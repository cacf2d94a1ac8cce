#!/usr/bin/env bash
# A stand-in "VS Code executable" for @vscode/test-electron's runTests (vscodeExecutablePath):
# runs code-server + headless chromium with the extension-test payload under Node 24.
# See launch-code-server.mjs.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NODE24="$HERE/../../.vscode-test/node24/bin/node"
if [ ! -x "$NODE24" ]; then
  echo "Node 24 is missing at $NODE24: run \`npm run e2e:setup\` first." >&2
  exit 2
fi
exec "$NODE24" "$HERE/launch-code-server.mjs" "$@"
