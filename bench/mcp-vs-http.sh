#!/usr/bin/env bash
# An MCP run_action tool call against the same Keap call over HTTP (GET /keap/crm/rest/v2/contacts
# ?page_size=10), through one gateway in front of the sandbox, in one JVM, alternating rounds of
# closed-loop callers; prints calls per second and p50/p99 of each and their ratio.
# (dev.keapgw.gateway.bench.McpBench; see docs/BENCHMARKS.md, "MCP tool calls".)
# Usage: bench/mcp-vs-http.sh [seconds per round] [rounds] [workers]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source "$root/scripts/find-java.sh"
java_bin="$(find_java)"
mvn -q -B -o -DskipTests package dependency:build-classpath -pl sandbox,gateway -Dmdep.includeScope=test \
  -Dmdep.outputFile=/tmp/mcp-bench.cp >/tmp/mcp-bench-build.log 2>&1 \
  || { echo "the build failed; see /tmp/mcp-bench-build.log" >&2; exit 1; }
cp="$(cat /tmp/mcp-bench.cp):$root/gateway/target/classes:$root/gateway/target/test-classes"
exec "$java_bin" -Xmx1g -cp "$cp" dev.keapgw.gateway.bench.McpBench "${1:-10}" "${2:-3}" "${3:-8}"
