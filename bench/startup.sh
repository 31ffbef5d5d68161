#!/bin/sh
# Time to the first window of the desktop app, as the launcher starts it: the "Window shown N ms
# after JVM start" line the app logs, over several runs of `mcp-workbench --self-test` (the real
# window, the demo lab connected, then exit). The first run after a build also records the
# desktop's class-data archive, so it is reported apart. Needs a display, or xvfb-run.
# Usage: bench/startup.sh [runs]   (default 5)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
run() {
  if [ -n "${DISPLAY:-}" ]; then "$here/mcp-workbench" --self-test; else xvfb-run -a "$here/mcp-workbench" --self-test; fi
}
"$here/mcp-workbench" --version >/dev/null   # build first, outside the timings
first=$(run 2>&1 | sed -n 's/.*Window shown \([0-9]*\) ms.*/\1/p')
echo "first run after a build (records the archive): ${first:-?} ms"
times=""
i=0
while [ "$i" -lt "$runs" ]; do
  t=$(run 2>&1 | sed -n 's/.*Window shown \([0-9]*\) ms.*/\1/p')
  times="$times ${t:-0}"
  i=$((i + 1))
done
echo "$times" | tr ' ' '\n' | sed '/^$/d' | sort -n | awk -v cores="$(nproc)" -v load="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null)" '
  { t[NR] = $1 } END { printf "later runs (%d): min %d ms, median %d ms, max %d ms; %s cores, load %s\n", NR, t[1], t[int((NR + 1) / 2)], t[NR], cores, load }'
