#!/usr/bin/env bash
# Triggers' intake and delivery against a reference, in one JVM on loopback: a client playing Keap
# POSTs REST hook deliveries to the gateway's hook URL of a contact.add trigger whose destination
# is a loopback receiver, and the same POSTs straight to that receiver (the reference). Per round:
# a burst ('events' POSTs by 'concurrency' callers: intake and delivery rates, latency with the
# backlog) and a paced phase ('rate' POSTs a second: latency without a backlog); only deliveries
# whose Standard Webhooks signature verifies count. Prints each round, events never delivered or
# delivered twice, and the medians. (dev.keapgw.gateway.bench.TriggerBench; see
# docs/BENCHMARKS.md, "Triggers".)
# Run it on a quiet machine; on a shared one, hold the build slots: flock /work/.slot1 flock /work/.slot2 bash ...
# Usage: bench/triggers.sh [events per burst] [concurrency] [rounds] [object keys per POST] [paced rate]
#   [embedded|postgres] [backlog: deliveries waiting behind a failing destination, 0 for none]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source "$root/scripts/find-java.sh"
java_bin="$(find_java)"
mvn -q -B -o -DskipTests package dependency:build-classpath -pl sandbox,gateway -Dmdep.includeScope=test \
  -Dmdep.outputFile=/tmp/trigger-bench.cp >/tmp/trigger-bench-build.log 2>&1 \
  || { echo "the build failed; see /tmp/trigger-bench-build.log" >&2; exit 1; }
cp="$(cat /tmp/trigger-bench.cp):$root/gateway/target/classes:$root/gateway/target/test-classes"
exec "$java_bin" -Xmx512m -cp "$cp" dev.keapgw.gateway.bench.TriggerBench \
  "${1:-2000}" "${2:-8}" "${3:-3}" "${4:-1}" "${5:-100}" "${6:-embedded}" "${7:-0}"
