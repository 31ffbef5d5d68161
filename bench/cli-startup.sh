#!/bin/sh
# Wall time of `mcp-workbench snapshot --stdio <server-everything>` against the official MCP
# Inspector CLI (`npx @modelcontextprotocol/inspector --cli <server> --method tools/list`),
# both starting the same server over stdio on the same Node 22.
#
# Usage: bench/cli-startup.sh [runs]   (default 10)
# Needs: hyperfine (Debian: apt-get install -y hyperfine), npm; installs the Inspector once into
# $INSPECTOR_DIR (default /tmp/inspector-bench). Not part of CI.
# Example: NODE_TOOLS=/tmp/bench-tools/node bench/cli-startup.sh 10
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-10}
inspector_dir=${INSPECTOR_DIR:-/tmp/inspector-bench}
inspector_version=2.12.0
# NODE_TOOLS: a private copy of .tools/node, if other builds keep reinstalling the shared one.
tools=${NODE_TOOLS:-$("$root/.ci/node-tools.sh")}
bin="$tools/node_modules/.bin"
server="$bin/mcp-server-everything"
# Node 22 first on PATH: the server's and the Inspector's `#!/usr/bin/env node` use it.
PATH="$bin:$PATH"
export PATH

command -v hyperfine >/dev/null 2>&1 || { echo "cli-startup: hyperfine is needed (apt-get install -y hyperfine)" >&2; exit 1; }
if [ ! -x "$inspector_dir/node_modules/.bin/mcp-inspector" ]; then
  mkdir -p "$inspector_dir"
  [ -f "$inspector_dir/package.json" ] || echo '{"name":"inspector-bench","private":true}' > "$inspector_dir/package.json"
  npm install --prefix "$inspector_dir" --no-audit --no-fund --loglevel=error --save-exact "@modelcontextprotocol/inspector@$inspector_version" >&2
fi

# Build once and record the class-data archive, so the timed runs measure a warm install.
"$root/mcp-workbench" snapshot --stdio "$server stdio" > /dev/null
"$root/mcp-workbench" snapshot --stdio "$server stdio" > /dev/null

cd "$inspector_dir"
mkdir -p "$root/bench/target"
hyperfine --runs "$runs" --warmup 2 --export-markdown "$root/bench/target/cli-startup-results.md" \
  -n "mcp-workbench snapshot" "'$root/mcp-workbench' snapshot --stdio '$server stdio' > /dev/null" \
  -n "inspector --cli tools/list" "npx --no-install @modelcontextprotocol/inspector --cli '$server' stdio --method tools/list > /dev/null"

# hyperfine runs each command in a block; also alternate them one by one, so load changes on a
# shared machine hit both alike.
echo "Alternating runs (seconds, wall):"
i=0
while [ "$i" -lt "$runs" ]; do
  a0=$(date +%s%N); "$root/mcp-workbench" snapshot --stdio "$server stdio" > /dev/null; a1=$(date +%s%N)
  b0=$(date +%s%N); npx --no-install @modelcontextprotocol/inspector --cli "$server" stdio --method tools/list > /dev/null; b1=$(date +%s%N)
  awk -v a=$((a1 - a0)) -v b=$((b1 - b0)) 'BEGIN { printf "workbench %.3f  inspector %.3f  ratio %.2f\n", a/1e9, b/1e9, a/b }'
  i=$((i + 1))
done
