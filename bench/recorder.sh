#!/usr/bin/env bash
# The console's traffic recorder per data-plane request against one Micrometer timer record
# (a cost the proxy already pays per request), alternating rounds on one thread.
# (dev.keapgw.gateway.bench.RecorderBench; see docs/BENCHMARKS.md, "The console's traffic recorder".)
# Usage: bench/recorder.sh [rounds] [calls per round]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source "$root/scripts/find-java.sh"
java_bin="$(find_java)"
mvn -q -B -o -DskipTests package dependency:build-classpath -pl sandbox,gateway -Dmdep.includeScope=test \
  -Dmdep.outputFile=/tmp/recorder-bench.cp >/tmp/recorder-bench-build.log 2>&1 \
  || { echo "the build failed; see /tmp/recorder-bench-build.log" >&2; exit 1; }
cp="$(cat /tmp/recorder-bench.cp):$root/gateway/target/classes:$root/gateway/target/test-classes"
exec "$java_bin" -Xmx512m -cp "$cp" dev.keapgw.gateway.bench.RecorderBench "${1:-7}" "${2:-2000000}"
