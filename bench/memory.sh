#!/usr/bin/env bash
# Resident memory of the demo (gateway + sandbox in one process) under load, with the JVM's
# defaults and with packaging/jvm.options (what ./keap-gateway and the package's bin/keap-gateway
# use). For each: start the demo on free ports, run wrk for the given seconds against a data-plane
# path, then print the process's high-water mark of resident memory (VmHWM in /proc/PID/status).
# Usage: bench/memory.sh [seconds] [connections]     (needs wrk; builds nothing: run ./keap-gateway once first)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-30}"
connections="${2:-50}"
source "$root/scripts/find-java.sh"
java_bin="$(find_java)"
jar="$root/app/target/keap-gateway.jar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
for mode in defaults jvm.options; do
  if [[ $mode == defaults ]]; then
    opts=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
  else
    opts=(@"$root/packaging/jvm.options" --sun-misc-unsafe-memory-access=allow)
  fi
  port="$(free_port)"
  "$java_bin" "${opts[@]}" -jar "$jar" demo --port "$port" --sandbox-port "$(free_port)" --data-dir "$work/$mode" \
    > "$work/$mode.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do grep -q "Stop with Ctrl+C" "$work/$mode.log" && break; sleep 1; done
  key="$(cat "$work/$mode/demo-api-key")"
  wrk -t2 -c"$connections" -d"${seconds}s" -H "Authorization: Bearer $key" \
    "http://localhost:$port/keap/crm/rest/v2/contacts?page_size=2" > "$work/$mode.wrk"
  hwm="$(awk '/VmHWM/ {print $2, $3}' "/proc/$pid/status")"
  rate="$(awk '/Requests\/sec/ {print $2}' "$work/$mode.wrk")"
  refused="$(awk '/Non-2xx/ {print $5}' "$work/$mode.wrk")"
  echo "$mode: VmHWM $hwm; $rate requests/s; non-2xx answers: ${refused:-0}"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
done
