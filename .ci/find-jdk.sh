# Sourced by .ci/run and the launcher: exports JAVA_HOME pointing at a JDK >= 21.
# Keeps JAVA_HOME when it is good enough, else picks the newest JDK under /usr/lib/jvm.
# The major version from the JDK's release file; starting a JVM to ask (the fallback) costs
# about 100 ms, which every launch of the CLI paid twice.
jdk_major() {
  v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -n1)
  [ -n "$v" ] || v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1)
  echo "$v"
}
jdk_ok() {
  [ -x "$1/bin/javac" ] || return 1
  v=$(jdk_major "$1")
  [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null
}
# Without JAVA_HOME, the JDK of the javac on PATH counts too (macOS, SDKMAN, a JDK installed by hand).
if [ -z "${JAVA_HOME:-}" ] && command -v javac >/dev/null 2>&1; then
  path_jdk=$(cd "$(dirname "$(readlink -f "$(command -v javac)" 2>/dev/null || command -v javac)")/.." 2>/dev/null && pwd)
  if [ -n "$path_jdk" ] && jdk_ok "$path_jdk"; then JAVA_HOME="$path_jdk"; fi
fi
if [ -z "${JAVA_HOME:-}" ] || ! jdk_ok "$JAVA_HOME"; then
  found=""
  for candidate in /usr/lib/jvm/*; do
    [ -d "$candidate" ] || continue
    if jdk_ok "$candidate"; then
      if [ -z "$found" ] || [ "$(jdk_major "$candidate")" -gt "$(jdk_major "$found")" ]; then found="$candidate"; fi
    fi
  done
  if [ -z "$found" ]; then
    echo "No JDK 21 or newer found (JAVA_HOME=${JAVA_HOME:-unset}, nothing suitable under /usr/lib/jvm). Install one, e.g. apt-get install openjdk-21-jdk-headless." >&2
    return 1 2>/dev/null || exit 1
  fi
  JAVA_HOME="$found"
fi
export JAVA_HOME
# The major version: the launcher tunes GC flags by it.
JAVA_MAJOR=$(jdk_major "$JAVA_HOME" | cut -d. -f1)
export JAVA_MAJOR
# Maven's Guice uses sun.misc.Unsafe; JDK 24+ warns on every build unless told it is expected.
if [ "$JAVA_MAJOR" -ge 24 ] 2>/dev/null; then
  case "${MAVEN_OPTS:-}" in *sun-misc-unsafe*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
fi
