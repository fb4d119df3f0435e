# Sourced by ./mvnw and ./farmhand: points JAVA_HOME at a JDK 25 or newer.
# Keeps JAVA_HOME when it already names one; otherwise looks in the system's JVM directory.
farmhand_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1
}
farmhand_select_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    local v; v=$(farmhand_java_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 25 ] 2>/dev/null; then return 0; fi
  fi
  local d v
  for d in /usr/lib/jvm/*; do
    [ -x "$d/bin/javac" ] || continue
    v=$(farmhand_java_major "$d")
    if [ -n "$v" ] && [ "$v" -ge 25 ] 2>/dev/null; then export JAVA_HOME="$d"; return 0; fi
  done
  echo "farmhand needs a JDK 25 or newer: none found in JAVA_HOME or /usr/lib/jvm. Install one (for example Temurin 25) and set JAVA_HOME." >&2
  return 1
}
