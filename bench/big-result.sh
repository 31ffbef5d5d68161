#!/bin/sh
# A big tool result through the user's path, in the real app window, headless (Monocle, software
# rendering): connect a stdio server whose one tool returns a JSON array of small objects as one
# text block, open the Tools tab, call it, wait for the rendered result. Prints the longest FX frame
# gap, the time from the call's answer to the rendered result and the peak RSS, for the first call
# after start and a repeat call, and the RSS once the result left the screen. Then the same frame
# figures for the other places a big payload appears: a resource read, a prompt get, the answer
# selected in the Traffic tab, the payload window, an OUTPUT finding selected in the Findings tab
# (JAVA_OPTS=-Dbench.views=false skips them). -Dbench.rssOnScreenSeconds=5,15,30 samples RSS with
# the first result on screen, -Dbench.rssAfterSeconds=10,30,60 after it left. See docs/payloads.md, "Method".
#
# Usage: bench/big-result.sh [megabytes...]   (default: 10 100; each size in a fresh JVM)
# Needs JAVA_HOME on a JDK >= 21 (25 here). Builds app's test classes offline. Not part of CI.
# The JVM runs as the launcher runs the app (ZGC, default heap); JAVA_OPTS adds flags.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
sizes=${*:-10 100}
cpfile=bench/target/big-result.classpath
mkdir -p bench/target
./mvnw -B -o -q -pl app -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$root/$cpfile" -Dmdep.outputAbsoluteArtifactFilename=true >&2
# build-classpath wrote one file per module; app's is last: keep its own, add the reactor's classes
cp="app/target/test-classes:app/target/classes:inspector/target/classes:oauth-helper/target/classes:lab/target/classes:$(cat "$cpfile")"
# BENCH_DISPLAY=:97 runs the window on that X display (an Xvfb, say) through GTK, as the app runs
# on a desktop, instead of Monocle's headless platform
if [ -n "${BENCH_DISPLAY:-}" ]; then
  platform="-Dtestfx.robot=glass -Dprism.order=sw"
  export DISPLAY="$BENCH_DISPLAY"
else
  platform="-Dtestfx.robot=glass -Dtestfx.headless=true -Dprism.order=sw -Dprism.text=t2k \
    -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dheadless.geometry=1600x1200-32"
fi
for mb in $sizes; do
  # shellcheck disable=SC2086
  "${JAVA_HOME:-/usr}/bin/java" -XX:+UseZGC ${JAVA_OPTS:-} $platform \
    -Djava.awt.headless=true -Dworkbench.root="$root" \
    -cp "$cp" dev.mcpworkbench.app.ui.tools.bench.BigResultBench "$mb"
done
