#!/bin/sh
# Builds MCP Workbench installers with jpackage: an app-image (any OS), and a .deb / .rpm on
# Linux, .dmg on macOS, .msi on Windows (each must be built on its own OS).
# Usage: installers/package.sh [app-image|deb|rpm|dmg|msi]   (default: app-image)
# Output: app/target/installers/. Not run in CI: needs a JDK 21+ with jpackage (and fakeroot for deb).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
type=${1:-app-image}
. "$here/.ci/find-jdk.sh"
cd "$here"
./mvnw -B -q -DskipTests -pl app -am package
target=app/target
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -1)
input="$target/installer-input"
rm -rf "$input" "$target/installer-runtime" "$target/installers"
mkdir -p "$input" "$target/installers"
cp "$target/mcp-workbench.jar" "$target"/lib/*.jar "$input/"

# The runtime: only the JDK modules the app and its libraries use (jdeps), plus the ones they
# load reflectively (logback's JNDI lookup, TLS providers). The app itself stays on the classpath:
# some dependencies (Nimbus) have no module name.
modules=$("$JAVA_HOME/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 21 \
  --class-path "$target/lib/*" "$target/mcp-workbench.jar" 2>/dev/null || true)
[ -n "$modules" ] || modules="java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.sql,java.xml,jdk.unsupported"
modules="$modules,jdk.crypto.ec,jdk.localedata,java.naming,jdk.unsupported"
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --output "$target/installer-runtime"

os_args="$here/installers/linux.args"
case "$(uname -s)" in
  Darwin) os_args="$here/installers/macos.args" ;;
  MINGW*|MSYS*|CYGWIN*) os_args="$here/installers/windows.args" ;;
esac
# OS options (menus, shortcuts, package dependencies) apply to installers, not to a bare app-image.
[ "$type" = app-image ] && os_args=""
# jpackage takes a PNG icon on Linux only (macOS wants .icns, Windows .ico).
icon=""
[ "$(uname -s)" = Linux ] && icon="$here/assets/logo.png"
"$JAVA_HOME/bin/jpackage" @"$here/installers/common.args" ${os_args:+@"$os_args"} \
  --type "$type" --app-version "$version" \
  --input "$input" --runtime-image "$target/installer-runtime" \
  ${icon:+--icon "$icon"} --dest "$target/installers"
echo "installers: $(ls "$target/installers")"
