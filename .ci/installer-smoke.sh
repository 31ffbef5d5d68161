#!/usr/bin/env bash
# CI step after the README's test command: builds the .deb with installers/package.sh, installs it
# as a user would, starts the installed app under Xvfb with --self-test (the real window opens,
# the demo lab starts, the app connects and exits 0 once the tools are listed), checks that the
# start printed no JVM warning, and removes the package again. Prints how long it took.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
export DEBIAN_FRONTEND=noninteractive

needed=""
for pkg in fakeroot xvfb xauth; do
  dpkg -s "$pkg" >/dev/null 2>&1 || needed="$needed $pkg"
done
if [ -n "$needed" ]; then
  echo "installer-smoke: installing Debian packages:$needed"
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $needed >/dev/null
fi

./installers/package.sh deb
deb=$(ls app/target/installers/mcp-workbench_*.deb)
echo "installer-smoke: built $deb ($(du -h "$deb" | cut -f1))"

# apt-get resolves the package's dependencies (libgtk-3-0...); refresh the lists once if it cannot.
if ! apt-get install -y -qq "./$deb" >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq "./$deb" >/dev/null
fi
trap 'apt-get remove -y -qq --purge mcp-workbench >/dev/null || true' EXIT
app=/opt/mcp-workbench/bin/mcp-workbench
[ -x "$app" ] || { echo "installer-smoke: $app missing after installing $deb" >&2; exit 1; }

log=$(mktemp)
# --self-test has its own timeout (120 s) and says why it failed; timeout(1) only guards a hung JVM.
if ! timeout 240 xvfb-run -a -s "-screen 0 1440x900x24" "$app" --self-test >"$log" 2>&1; then
  cat "$log" >&2
  echo "installer-smoke: the installed app failed its self-test" >&2
  exit 1
fi
cat "$log"
grep -q "self-test passed" "$log" || { echo "installer-smoke: no self-test verdict in the output" >&2; exit 1; }
# A normal start prints no JVM warnings (native access, Unsafe, JavaFX on the class path...).
if grep -E "^WARNING:|Unsupported JavaFX configuration" "$log" >&2; then
  echo "installer-smoke: the installed app printed JVM warnings at start" >&2
  exit 1
fi

apt-get remove -y -qq --purge mcp-workbench >/dev/null
trap - EXIT
[ ! -e "$app" ] || { echo "installer-smoke: $app still there after removing the package" >&2; exit 1; }
echo "installer-smoke: passed in $(( $(date +%s) - started )) s (build, install, self-test, removal)"
