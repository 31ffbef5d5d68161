#!/bin/sh
# Time and peak memory of reading, scanning and reporting a huge server (ReportScale): 200,000
# tools to SARIF, and one tool with a 100 MB description. Targets (2-core machine): under 60 s
# and 2 GB for the tools, under 5 s for the description.
#
# Usage: bench/report-scale.sh [tools] [format]   (default 200000 sarif)
# Needs: the bench jar (./mvnw -B -o -q -pl bench -am package -DskipTests), /usr/bin/time. Not part of CI.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
tools=${1:-200000}
format=${2:-sarif}
jar="$root/bench/target/benchmarks.jar"
work=${WORK:-/tmp/report-scale}
mkdir -p "$work"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
heap=${HEAP:--Xmx1600m}
[ -f "$work/tools-$tools.json" ] || "$java" -cp "$jar" dev.mcpworkbench.bench.ReportScale generate "$tools" "$work/tools-$tools.json"
[ -f "$work/description-100.json" ] || "$java" -cp "$jar" dev.mcpworkbench.bench.ReportScale generate-description 100 "$work/description-100.json"
for input in "tools-$tools.json" description-100.json; do
  echo "== $input -> $format"
  /usr/bin/time -f "wall %e s, peak RSS %M KB" "$java" $heap -cp "$jar" dev.mcpworkbench.bench.ReportScale run "$work/$input" "$format" "$work/out.$format"
done
