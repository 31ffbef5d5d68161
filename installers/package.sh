#!/bin/sh
# Builds MCP Workbench installers with jpackage: an app-image (any OS), and a .deb / .rpm on
# Linux, .dmg on macOS, .msi on Windows (each must be built on its own OS).
# Usage: installers/package.sh [app-image|deb|rpm|dmg|msi]   (default: app-image)
# Output: app/target/installers/. Needs a JDK 21+ with jpackage (found like ./mvnw finds one) and,
# for a .deb, fakeroot and dpkg-deb (installed with apt-get when missing and allowed to).
# CI builds and installs the .deb in .ci/installer-smoke.sh.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
type=${1:-app-image}
. "$here/.ci/find-jdk.sh"
. "$here/installers/desktop-java-options.sh"
cd "$here"
if [ "$type" = deb ] && ! command -v fakeroot >/dev/null 2>&1; then
  echo "package: installing fakeroot (jpackage needs it for a .deb)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends fakeroot >&2 \
    || { apt-get update -qq && apt-get install -y -qq --no-install-recommends fakeroot >&2; }
fi
./mvnw -B -q -DskipTests -pl app -am package
target=app/target
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -1)
input="$target/installer-input"
rm -rf "$input" "$target/installer-runtime" "$target/installers"
mkdir -p "$input" "$target/installers"
# The app and its libraries go on the class path; JavaFX goes into the runtime as named modules
# (on the class path it logs "Unsupported JavaFX configuration" at every start). The per-artifact
# javafx-*-21.jar are empty; the platform ones (javafx-base-21-linux.jar) hold classes and natives.
cp "$target/mcp-workbench.jar" "$input/"
fx=""
for f in "$target"/lib/*.jar; do
  case $(basename "$f") in
    javafx-*[0-9].jar) ;;
    javafx-*) fx="$fx${fx:+:}$f" ;;
    *) cp "$f" "$input/" ;;
  esac
done

# The runtime: only the JDK modules the app and its libraries use (jdeps), plus the ones they
# load reflectively (logback's JNDI lookup, TLS providers), plus JavaFX. The app itself stays on
# the classpath: some dependencies (Nimbus) have no module name.
modules=$("$JAVA_HOME/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 21 \
  --module-path "$fx" --class-path "$input/*" "$input/mcp-workbench.jar" 2>/dev/null || true)
[ -n "$modules" ] || modules="java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.sql,java.xml,jdk.unsupported"
modules="$modules,jdk.crypto.ec,jdk.localedata,java.naming,jdk.unsupported,javafx.controls,javafx.swing"
"$JAVA_HOME/bin/jlink" --module-path "$fx" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
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
# The same JVM options as the launcher's, for the runtime's major version (the JDK that built it).
java_options=""
for o in $(desktop_java_options "$JAVA_MAJOR"); do java_options="$java_options --java-options $o"; done
# shellcheck disable=SC2086
"$JAVA_HOME/bin/jpackage" @"$here/installers/common.args" ${os_args:+@"$os_args"} $java_options \
  --type "$type" --app-version "$version" \
  --input "$input" --runtime-image "$target/installer-runtime" \
  ${icon:+--icon "$icon"} --dest "$target/installers"
echo "installers: $(ls "$target/installers")"
