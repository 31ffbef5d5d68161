# Sourced by the launcher (mcp-workbench) and installers/package.sh: the JVM options of the desktop
# app. Each states an intent the JVM would otherwise warn about on every start.
# desktop_java_options MAJOR  prints them for a JDK of that major version.
desktop_java_options() {
  major=${1:-21}
  # JavaFX loads its native libraries (glass, prism) with System.load, and so does JNA (the OS
  # keychain's D-Bus and Windows back ends) from the class path: JDK 22+ warns unless they are
  # allowed native access.
  opts="--enable-native-access=javafx.graphics,ALL-UNNAMED"
  # JavaFX 21's Marlin renderer allocates off-heap memory through sun.misc.Unsafe: JDK 24+ warns on
  # its first use. The option exists from JDK 23 on (older JDKs refuse to start with it).
  if [ "$major" -ge 23 ] 2>/dev/null; then opts="$opts --sun-misc-unsafe-memory-access=allow"; fi
  # With JavaFX as named modules, the libraries on the class path that reach into its internals
  # (ControlsFX's check combo box and table behaviour, ReactFX's bindings) need those packages.
  for p in javafx.base/com.sun.javafx.event javafx.base/com.sun.javafx.binding \
           javafx.controls/com.sun.javafx.scene.control javafx.controls/com.sun.javafx.scene.control.behavior; do
    opts="$opts --add-exports=$p=ALL-UNNAMED"
  done
  opts="$opts --add-opens=javafx.graphics/javafx.scene=ALL-UNNAMED"
  # ZGC: loading a 100 MB payload under G1 stalls the window for 150 ms in young-collection pauses;
  # ZGC's pauses stay under a millisecond. JDK 21 and 22 need its generational mode asked for.
  opts="$opts -XX:+UseZGC"
  if [ "$major" -lt 23 ] 2>/dev/null; then opts="$opts -XX:+ZGenerational"; fi
  # Left alone, ZGC grows the heap it keeps toward a quarter of the machine's memory and returns
  # unused memory only after 5 minutes: the app held 667 MB RSS with the demo lab connected (heap in
  # use after GC about 110 MB). A soft limit makes it collect before growing past 128 MB (a big
  # payload still gets the heap it needs) and unused memory goes back after 5 s: with the two
  # options below, 371 MB after connecting (bench/desktop-memory.sh, docs/desktop.md). The app raises
  # the soft limit while a big result is on screen and lowers it again after (HeapPolicy). 5 s rather
  # than 10: with a 100 MB result on screen, RSS came back under 3 times the payload 15 s after its
  # check instead of 35 to 45 s (bench/big-result.sh, docs/payloads.md).
  opts="$opts -XX:SoftMaxHeapSize=128m -XX:ZUncommitDelay=5"
  # JavaFX and the JIT compilers free native memory that glibc keeps mapped; trimming it every 5 s
  # gives about 10 MB back (a product option from JDK 22 on).
  if [ "$major" -ge 22 ] 2>/dev/null; then opts="$opts -XX:TrimNativeHeapInterval=5000"; fi
  echo "$opts -Dprism.lcdtext=false"
}
