#!/usr/bin/env bash
# An MCP run_action tool call against the same Keap call over HTTP (GET /keap/crm/rest/v2/contacts
# ?page_size=10), through one gateway in front of the sandbox, in one JVM: after a warm-up of each
# side, rounds alternating HTTP and MCP at saturation ('workers' closed-loop callers: calls per
# second) and with one caller (the latency a tool call adds), with CPU time per call; prints each
# round and the medians. (dev.keapgw.gateway.bench.McpBench; see docs/BENCHMARKS.md, "MCP tool calls".)
# Run it on a quiet machine; on a shared one, hold the build slots: flock /work/.slot1 flock /work/.slot2 bash ...
# Usage: bench/mcp-vs-http.sh [seconds per measurement] [rounds] [workers] [warm-up seconds]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source "$root/scripts/find-java.sh"
java_bin="$(find_java)"
mvn -q -B -o -DskipTests package dependency:build-classpath -pl sandbox,gateway -Dmdep.includeScope=test \
  -Dmdep.outputFile=/tmp/mcp-bench.cp >/tmp/mcp-bench-build.log 2>&1 \
  || { echo "the build failed; see /tmp/mcp-bench-build.log" >&2; exit 1; }
cp="$(cat /tmp/mcp-bench.cp):$root/gateway/target/classes:$root/gateway/target/test-classes"
# the JDK client closes its idle connections after 20 s, well before the gateway would (120 s), so that
# a request never meets a connection the gateway is closing (a POST that does is not retried)
exec "$java_bin" -Xmx1g -Djdk.httpclient.keepalive.timeout=20 -cp "$cp" dev.keapgw.gateway.bench.McpBench "${1:-8}" "${2:-3}" "${3:-8}" "${4:-20}"
