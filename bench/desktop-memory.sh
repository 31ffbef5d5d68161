#!/bin/sh
# Memory of the desktop app with a server connected, and whether it grows: runs
# `mcp-workbench --self-test-cycles=N` (the real window, the demo lab's flawed server connected,
# then N disconnect/connect cycles), which prints the process's RSS and the heap in use after a GC
# after the first connection and after each cycle. Also prints the peak RSS the OS saw (GNU time).
# Needs a display, or xvfb-run. Usage: bench/desktop-memory.sh [cycles]   (default 10)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
cycles=${1:-10}
"$here/mcp-workbench" --version >/dev/null   # build first, outside the figures
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if command -v /usr/bin/time >/dev/null 2>&1; then timer="/usr/bin/time -f peak-rss-kb=%M"; else timer=""; fi
status=0
if [ -n "${DISPLAY:-}" ]; then
  $timer "$here/mcp-workbench" --self-test-cycles="$cycles" >"$log" 2>&1 || status=$?
else
  $timer xvfb-run -a -s "-screen 0 1440x900x24" "$here/mcp-workbench" --self-test-cycles="$cycles" >"$log" 2>&1 || status=$?
fi
grep -E '^memory:|self-test|peak-rss-kb' "$log" | sed 's/peak-rss-kb=\([0-9]*\)/peak RSS of the whole run (xvfb-run and children, max of one process): \1 kB/'
printf 'cores %s, load %s, exit %s\n' "$(nproc)" "$(cut -d' ' -f1 /proc/loadavg 2>/dev/null)" "$status"
exit "$status"
