# Sourced by ./keap-gateway and the bench scripts: find_java prints the path of a JDK 21+
# java binary (JAVA_HOME, then java on PATH, then the newest under /usr/lib/jvm), or fails.
# The feature version of a java binary (17, 21, 25...), or nothing if it does not run. Read from
# the JDK's release file when there is one (no JVM to start), else asked of the binary itself.
java_version() {
  local home v
  home="$(dirname "$(dirname "$(readlink -f "$1")")")"
  if [[ -f "$home/release" ]]; then
    v="$(sed -n 's/^JAVA_VERSION="\([0-9.]*\).*/\1/p' "$home/release" | sed 's/^1\.//' | cut -d. -f1)"
    [[ -n "$v" ]] && { echo "$v"; return; }
  fi
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9.]*\).*/\1/p' | sed 's/^1\.//' | cut -d. -f1
}

is_21_plus() {
  local v
  v="$(java_version "$1" 2>/dev/null || true)"
  [[ -n "$v" && "$v" -ge 21 ]]
}

find_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && is_21_plus "$JAVA_HOME/bin/java"; then
    echo "$JAVA_HOME/bin/java"; return
  fi
  if command -v java >/dev/null 2>&1 && is_21_plus "$(command -v java)"; then
    command -v java; return
  fi
  local best="" best_v=0 candidate v
  for candidate in /usr/lib/jvm/*/bin/java; do
    [[ -x "$candidate" ]] || continue
    v="$(java_version "$candidate" 2>/dev/null || true)"
    if [[ -n "$v" && "$v" -ge 21 && "$v" -gt "$best_v" ]]; then
      best="$candidate"; best_v="$v"
    fi
  done
  [[ -n "$best" ]] && echo "$best"
}

