#!/usr/bin/env bash
# Benchmarks the sandbox with many contacts (default 1,000,000) loaded: start-up time with an
# empty store, email lookups, pages of 1000, a walk over every contact, sequential creates,
# and the heap after loading. Prints one line per number. Usage: bench/sandbox.sh [contacts]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
contacts="${1:-1000000}"
port=19090
cd "$root"
mvn -q -B -o -DskipTests package >/dev/null
mvn -q -B -o dependency:build-classpath -pl sandbox -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/sandbox-bench.cp >/dev/null
cp="$(cat /tmp/sandbox-bench.cp):$root/sandbox/target/classes:$root/sandbox/target/test-classes"
source "$root/scripts/find-java.sh"
java_bin="$(find_java)"

wait_up() { for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$1/_sandbox/stats" >/dev/null && return 0; sleep 0.05; done; return 1; }

# start-up with an empty store, as ./keap-gateway starts it (with its class-data archive, made
# by a first run): from launch to the first answer
cds=(-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=app/target/keap-gateway.jsa)
for run in first second; do
  start=$(date +%s%N)
  "$java_bin" "${cds[@]}" -jar app/target/keap-gateway.jar sandbox --port $port --tenants 1 >/tmp/sandbox-bench-empty.log 2>&1 &
  pid=$!
  wait_up $port
  echo "start-up with an empty store ($run run): $(( ($(date +%s%N) - start) / 1000000 )) ms (launch to first answer)"
  kill $pid; wait $pid 2>/dev/null || true
done

# loaded
start=$(date +%s%N)
"$java_bin" -Xmx1500m -jar app/target/keap-gateway.jar sandbox --port $port --tenants 1 --seed-contacts "$contacts" --no-quotas >/tmp/sandbox-bench.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
wait_up $port
echo "start-up seeding $contacts contacts: $(( ($(date +%s%N) - start) / 1000000 )) ms"
jcmd_bin="$(dirname "$java_bin")/jcmd"
"$jcmd_bin" $pid GC.run >/dev/null
echo "heap after loading (after a full GC): $("$jcmd_bin" $pid GC.heap_info | grep -oE 'used [0-9]+K' | head -1)"
"$java_bin" -cp "$cp" dev.keapgw.sandbox.bench.SandboxBenchClient "http://127.0.0.1:$port" "$contacts" | tee /tmp/sandbox-bench-client.out | grep -v '^key '
key="$(sed -n 's/^key //p' /tmp/sandbox-bench-client.out)"
# creates from one keep-alive client: wrk with a single connection
cat > /tmp/sandbox-bench-post.lua <<LUA
wrk.method = "POST"
wrk.body = '{"given_name":"Bench","family_name":"Mark","email_addresses":[{"email":"bench@example.net","field":"EMAIL1"}]}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $key"
LUA
wrk -t1 -c1 -d5s -s /tmp/sandbox-bench-post.lua "http://127.0.0.1:$port/crm/rest/v2/contacts" >/dev/null
echo "create contacts from one keep-alive client (wrk, 1 connection, 10 s): $(wrk -t1 -c1 -d10s -s /tmp/sandbox-bench-post.lua "http://127.0.0.1:$port/crm/rest/v2/contacts" | awk '/Requests\/sec/{print $2}')/s"
echo "RSS at the end: $(ps -o rss= -p $pid) KiB"
