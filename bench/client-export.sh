#!/usr/bin/env bash
# Benchmarks the keap command's export: `keap contacts list --all --output jsonl` of a Keap
# account with many contacts (default 100,000 on top of the sample data), through a gateway in
# front of the sandbox, against a plain HTTP loop (bare JDK client, no SDK) fetching the same
# pages of 1000 in the same run. Each side runs in a JVM of its own, timed from launch to exit,
# alternating, three times; prints contacts per second of each.
# Usage: bench/client-export.sh [contacts] [rounds]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
contacts="${1:-100000}"
rounds="${2:-3}"
port=19480
key_file=/tmp/client-bench.key
cd "$root"
source "$root/scripts/find-java.sh"
java_bin="$(find_java)"

# One reactor build: the cli's test classpath holds the SDK's, the gateway's and the sandbox's test
# classes (the last module built, cli, writes the classpath file last); it also makes ./keap's jar.
mvn -q -B -o -DskipTests package dependency:build-classpath -pl cli -am -Dmdep.includeScope=test \
  -Dmdep.outputFile=/tmp/client-bench.cp >/tmp/client-bench-build.log 2>&1 \
  || { echo "the build failed; see /tmp/client-bench-build.log" >&2; exit 1; }
cp="$(cat /tmp/client-bench.cp):$root/client/target/classes:$root/client/target/test-classes"

rm -f "$key_file"
"$java_bin" -Xmx2g -cp "$cp" dev.keapgw.client.bench.ClientBenchServer "$port" "$contacts" "$key_file" \
  >/tmp/client-bench-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 1200); do [[ -s "$key_file" ]] && break; sleep 0.1; done
[[ -s "$key_file" ]] || { echo "the bench server did not start; see /tmp/client-bench-server.log" >&2; exit 1; }
export MATON_API_KEY="$(cat "$key_file")" KEAP_GATEWAY_URL="http://127.0.0.1:$port"

now_ms() { date +%s%3N; }
run_keap() {
  local t0 lines t1
  t0=$(now_ms)
  lines=$(./keap contacts list --all --output jsonl | wc -l)
  t1=$(now_ms)
  echo "$lines $((t1 - t0))"
}
run_plain() {
  local t0 t1
  t0=$(now_ms)
  "$java_bin" -XX:+UseSerialGC -cp "$root/client/target/test-classes" dev.keapgw.client.bench.PlainPageLoop \
    "$KEAP_GATEWAY_URL" "$MATON_API_KEY" >/dev/null
  t1=$(now_ms)
  echo "$((t1 - t0))"
}

median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

run_keap >/dev/null   # warm the gateway and the sandbox once
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
keap_all=() plain_all=()
for i in $(seq 1 "$rounds"); do
  read -r n keap_ms < <(run_keap)
  plain_ms=$(run_plain)
  keap_all+=("$keap_ms") plain_all+=("$plain_ms")
  echo "round $i: keap $n contacts in ${keap_ms} ms = $((n * 1000 / keap_ms))/s; plain loop ${plain_ms} ms = $((n * 1000 / plain_ms))/s; keap/plain = $(awk "BEGIN{printf \"%.2f\", $plain_ms/$keap_ms}")"
done
keap_med=$(printf '%s\n' "${keap_all[@]}" | median)
plain_med=$(printf '%s\n' "${plain_all[@]}" | median)
echo "median of $rounds: keap $((n * 1000 / keap_med)) contacts/s (${keap_med} ms), plain loop $((n * 1000 / plain_med)) contacts/s (${plain_med} ms), keap/plain = $(awk "BEGIN{printf \"%.2f\", $plain_med/$keap_med}")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
