#!/bin/sh
# Wall time of one `mcp-workbench scan --snapshot DIR...` over every real server snapshot in the
# repository (the small corpus and corpus-wide), as one workspace, SARIF to a file. Issue 20's
# target: 40 snapshots under 5 s on a 2-core machine (one JVM for all; one process per snapshot
# took ~40 s for 39).
#
# Usage: bench/scan-many.sh [runs] [FILE|DIR...]   (default: 5 runs over corpus and corpus-wide)
# Needs only the JDK the launcher finds. Not part of CI. The first (untimed) run builds the app if
# needed and records the class-data archive, so the timed runs measure a warm install.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
[ $# -gt 0 ] && shift
if [ $# -eq 0 ]; then
  set -- "$root/inspector/src/test/resources/corpus" "$root/inspector/src/test/resources/corpus-wide"
fi
out=${SARIF_OUT:-/tmp/scan-many.sarif}

count=0
for arg in "$@"; do
  if [ -d "$arg" ]; then
    n=$(find "$arg" -maxdepth 1 -type f -name '*.json' | wc -l)
  else
    n=1
  fi
  count=$((count + n))
done

scan() {
  # exit 1 only says findings reached --fail-on: not a failure of the benchmark
  "$root/mcp-workbench" scan --snapshot "$@" --format sarif -o "$out" --fail-on critical 2>/dev/null || [ $? -eq 1 ]
}

scan "$@"
times=""
i=0
while [ "$i" -lt "$runs" ]; do
  start=$(date +%s%N)
  scan "$@"
  end=$(date +%s%N)
  times="$times $(( (end - start) / 1000000 ))"
  i=$((i + 1))
done
sorted=$(echo $times | tr ' ' '\n' | sort -n)
min=$(echo "$sorted" | head -1)
median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
max=$(echo "$sorted" | tail -1)
results=$(grep -o '"ruleId"' "$out" | wc -l)
echo "scan-many: $count snapshots in one run, $runs timed runs: min ${min} ms, median ${median} ms, max ${max} ms ($results results in $out)"
echo "scan-many: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (a shared machine: other work skews the times)"
