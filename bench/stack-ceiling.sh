#!/usr/bin/env bash
# What the HTTP stack alone costs: nginx's own proxy against the least a Java proxy can do on raw
# Netty and on Vert.x (dev.keapgw.gateway.bench.MinimalProxies: GET only, strip /keap, inject a
# token, keep-alive), same upstream page (bench/nginx-ref.sh), same run. Neither minimal proxy
# authenticates, limits or logs; they bound what a gateway on each stack can reach here.
#
# Prints alternating 10 s wrk rounds at 50 connections (after a 20 s warm-up each) with each
# proxy's ratio to nginx's, then p50/p99 at a fixed 1000 requests/second arriving in bursts of 10
# (h2load, as in bench/proxy-vs-nginx.sh). Needs nginx, wrk, h2load. Usage: bench/stack-ceiling.sh [rounds]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-3}"
cd "$root"
for tool in nginx wrk h2load mvn; do
  command -v $tool >/dev/null || { echo "needs $tool (apt-get install nginx wrk nghttp2-client maven)" >&2; exit 1; }
done
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; bash bench/nginx-ref.sh stop || true; }
trap cleanup EXIT

mvn -q -B -o -DskipTests package >/dev/null   # the jar and the test classes
java_bin="$(source scripts/find-java.sh; find_java)"
opts=(-Xmx512m --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
cp="app/target/keap-gateway.jar:gateway/target/test-classes"
bash bench/nginx-ref.sh stop 2>/dev/null || true
bash bench/nginx-ref.sh start
"$java_bin" "${opts[@]}" -cp "$cp" dev.keapgw.gateway.bench.MinimalProxies netty 18083 >/dev/null 2>&1 &
pids+=($!)
"$java_bin" "${opts[@]}" -cp "$cp" dev.keapgw.gateway.bench.MinimalProxies vertx 18082 >/dev/null 2>&1 &
pids+=($!)
"$java_bin" "${opts[@]}" -cp "$cp" dev.keapgw.gateway.bench.MinimalProxies vertx-netty 18084 >/dev/null 2>&1 &
pids+=($!)
path=/keap/crm/rest/v2/contacts
for port in 18083 18082 18084; do
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port$path" >/dev/null && break; sleep 0.1; done
done

rps() { wrk -t1 -c50 -d"$1" "$2" | awk '/Requests\/sec/{printf "%d", $2}'; }
rps 20s "http://127.0.0.1:18083$path" >/dev/null   # warm-up: the JIT compiles the hot path
rps 20s "http://127.0.0.1:18082$path" >/dev/null
rps 20s "http://127.0.0.1:18084$path" >/dev/null
ratio() { python3 -c "print(round($1/$2, 2))"; }
echo "round  nginx-proxy  netty-minimal (ratio)  vertx-minimal (ratio)  vertx-server-netty-client (ratio)"
for i in $(seq 1 "$rounds"); do
  n="$(rps 10s "http://127.0.0.1:19002$path")"
  e="$(rps 10s "http://127.0.0.1:18083$path")"
  v="$(rps 10s "http://127.0.0.1:18082$path")"
  h="$(rps 10s "http://127.0.0.1:18084$path")"
  echo "$i  $n  $e ($(ratio "$e" "$n"))  $v ($(ratio "$v" "$n"))  $h ($(ratio "$h" "$n"))"
done

p99() {   # url: p50 and p99 in ms of 10 000 requests at 1000/s, 10 connections whose ticks coincide
  local log; log="$(mktemp)"
  timeout 60 h2load --h1 -n 10000 -c 10 --rps 100 --log-file="$log" "$1" >/dev/null 2>&1 || true
  awk '{print $3/1000}' "$log" | sort -n | awk '{a[NR]=$1} END{printf "p50 %.2f  p99 %.2f", a[int(NR*0.5)], a[int(NR*0.99)]}'
  rm -f "$log"
}
echo "fixed rate 1000 req/s in bursts of 10, latency in ms (h2load):"
echo "upstream: $(p99 "http://127.0.0.1:19001/crm/rest/v2/contacts");  nginx proxy: $(p99 "http://127.0.0.1:19002$path")"
echo "netty minimal: $(p99 "http://127.0.0.1:18083$path");  vertx minimal: $(p99 "http://127.0.0.1:18082$path")"
echo "vertx server, netty client: $(p99 "http://127.0.0.1:18084$path")"
