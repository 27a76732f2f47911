#!/usr/bin/env bash
# Two gateway instances sharing PostgreSQL and Redis against one instance on the embedded store,
# same upstream, same machine, same run.
#
#   nginx :19001       the fixed Keap-like page of bench/nginx-ref.sh (the upstream of all three)
#   sandbox :19090     the OAuth server
#   engines            a real PostgreSQL and Redis (embedded binaries from Maven, as in the tests)
#   gateway :18080     serve, embedded store                             ("embedded")
#   gateway :18083/4   serve, --db-url PostgreSQL                        ("2x-postgres")
#   gateway :18081/2   serve, --db-url PostgreSQL --redis-url Redis      ("2x-pg+redis")
#
# Rate limits stay on (raised out of the way): with Redis they are counted there, one round trip
# per request. Prints, for alternating 10 s rounds at 50 connections (one wrk per instance, the
# connections split evenly), the requests per second of each setup with the CPU spent per request
# by its gateways, PostgreSQL and Redis, and Redis commands per request; then p99 at a fixed 1000
# requests/second (hey), split evenly over a pair.
# Needs nginx, wrk and hey (Debian packages). Usage: bench/cluster.sh [rounds]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-3}"
cd "$root"
for tool in nginx wrk hey curl python3 openssl mvn; do
  command -v $tool >/dev/null || { echo "needs $tool (apt-get install nginx wrk hey)" >&2; exit 1; }
done
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  bash bench/nginx-ref.sh stop || true
}
trap cleanup EXIT

mvn -q -B -o -DskipTests package >/dev/null
# the gateway's test classpath (the engines), resolved in the reactor; the gateway writes the file last
mvn -q -B -o -DskipTests package dependency:build-classpath -pl sandbox,gateway -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/cp.txt" >/dev/null
source scripts/find-java.sh
java_bin="$(find_java)"

bash bench/nginx-ref.sh stop 2>/dev/null || true
bash bench/nginx-ref.sh start
"$java_bin" -cp "$(cat "$work/cp.txt"):gateway/target/classes:gateway/target/test-classes:sandbox/target/classes:sandbox/target/test-classes" \
  dev.keapgw.gateway.bench.ClusterEngines "$work/engines.txt" >"$work/engines.log" 2>&1 &
pids+=($!)
./keap-gateway sandbox --port 19090 --auto-approve --no-quotas --client-id bench --client-secret bench-secret \
  --redirect-uri http://127.0.0.1:18080/oauth/callback,http://127.0.0.1:18081/oauth/callback >"$work/sandbox.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 600); do [[ -f "$work/engines.txt" ]] && break; sleep 0.1; done
[[ -f "$work/engines.txt" ]] || { echo "the engines did not start: $work/engines.log" >&2; exit 1; }
db_url="$(sed -n 's/^db-url=//p' "$work/engines.txt")"
redis_url="$(sed -n 's/^redis-url=//p' "$work/engines.txt")"

enc="$(openssl rand -base64 32)"
gateway() {   # port public-url extra-options...
  local port=$1 public=$2; shift 2
  JAVA_OPTS="-Xmx512m" ./keap-gateway serve --host 127.0.0.1 --port "$port" --public-url "$public" \
    --upstream-url http://127.0.0.1:19001 --authorize-url http://127.0.0.1:19090/app/oauth/authorize \
    --token-url http://127.0.0.1:19090/token --client-id bench --client-secret bench-secret \
    --encryption-key "$enc" --admin-token bench-admin-token-0123456789abcdef0123 \
    --account-rate-limit 1000000 --upstream-quota-per-minute 0 "$@" >"$work/gateway-$port.log" 2>&1 &
  pids+=($!)
}
gateway 18080 http://127.0.0.1:18080 --data-dir "$work/embedded"
gateway 18081 http://127.0.0.1:18081 --data-dir "$work/r1" --db-url "$db_url" --redis-url "$redis_url"
for _ in $(seq 1 300); do curl -sf http://127.0.0.1:18081/readyz >/dev/null && break; sleep 0.1; done
# the others start once the first has migrated the shared database
gateway 18082 http://127.0.0.1:18081 --data-dir "$work/r2" --db-url "$db_url" --redis-url "$redis_url"
gateway 18083 http://127.0.0.1:18081 --data-dir "$work/p1" --db-url "$db_url"
gateway 18084 http://127.0.0.1:18081 --data-dir "$work/p2" --db-url "$db_url"
for port in 18080 18081 18082 18083 18084; do
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || { echo "gateway :$port did not start: $work/gateway-$port.log" >&2; exit 1; }
done
for _ in $(seq 1 200); do curl -sf http://127.0.0.1:19090/_sandbox/stats >/dev/null && break; sleep 0.1; done

connect() {   # port: a new account with an ACTIVE connection made through the connect flow; prints the key
  local key url
  key="$(curl -sf -H 'Authorization: Bearer bench-admin-token-0123456789abcdef0123' -H 'Content-Type: application/json' \
    -d '{"name":"bench"}' "http://127.0.0.1:$1/admin/accounts" | python3 -c 'import sys,json;print(json.load(sys.stdin)["api_key"])')"
  url="$(curl -sf -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d '{"app":"keap"}' \
    "http://127.0.0.1:$1/connections" | python3 -c 'import sys,json;print(json.load(sys.stdin)["connection"]["url"])')"
  curl -sfL "$url" >/dev/null
  echo "$key"
}
key_e="$(connect 18080)"
key_s="$(connect 18081)"   # made through one instance, used through all four on the shared database
path=/keap/crm/rest/v2/contacts
for port in 18080 18081 18082 18083 18084; do
  k=$key_s; [[ $port == 18080 ]] && k=$key_e
  curl -sf -H "Authorization: Bearer $k" "http://127.0.0.1:$port$path" >/dev/null || { echo "gateway :$port does not proxy" >&2; exit 1; }
done

gw_pid() { pgrep -f "keap-gateway.jar serve --host 127.0.0.1 --port $1" | head -1; }
ticks="$(getconf CLK_TCK)"
cpu() {   # pids...: their CPU time so far, in clock ticks
  local t=0 p
  for p in "$@"; do [[ -r /proc/$p/stat ]] && t=$((t + $(awk '{print $14+$15}' "/proc/$p/stat"))); done
  echo $t
}
redis_port="$(echo "$redis_url" | sed -E 's#redis://[^:]+:([0-9]+).*#\1#')"
redis_commands() {
  exec 3<>"/dev/tcp/127.0.0.1/$redis_port"
  printf 'INFO stats\r\nQUIT\r\n' >&3
  tr -d '\r' <&3 | sed -n 's/^total_commands_processed://p'
  exec 3<&-
}
per_req() { python3 -c "print(round(($2) / ($ticks) * 1e6 / max($1, 1), 1))"; }
rps() { awk '/Requests\/sec/{printf "%d", $2}'; }
count() { awk '/requests in/{print $1}'; }
non2xx() { awk '/Non-2xx/{s+=$4} END{print s+0}'; }

# load on one setup for 10 s: 50 connections, split evenly over its instances (one wrk each);
# prints requests/s, then CPU per request in microseconds of its gateways, PostgreSQL and Redis,
# Redis commands per request, and non-2xx answers
round() {   # key ports...
  local key=$1; shift
  local gws=() port w=() n=0 r=0 bad=0 c=$((50 / $#)) i=0
  for port in "$@"; do gws+=("$(gw_pid "$port")"); done
  local pg rd; pg=$(pgrep -x postgres | tr '\n' ' '); rd=$(pgrep -f redis-server | tr '\n' ' ')
  local g0 p0 r0 k0; g0=$(cpu "${gws[@]}"); p0=$(cpu $pg); r0=$(cpu $rd); k0=$(redis_commands)
  for port in "$@"; do
    wrk -t1 -c$c -d10s -H "Authorization: Bearer $key" "http://127.0.0.1:$port$path" >"$work/wrk-$port" &
    w+=($!)
  done
  for p in "${w[@]}"; do wait "$p"; done
  local g1 p1 r1 k1; g1=$(cpu "${gws[@]}"); p1=$(cpu $pg); r1=$(cpu $rd); k1=$(redis_commands)
  for port in "$@"; do
    r=$((r + $(rps <"$work/wrk-$port"))); n=$((n + $(count <"$work/wrk-$port"))); bad=$((bad + $(non2xx <"$work/wrk-$port")))
  done
  echo "$r  $(per_req $n "$g1 - $g0")  $(per_req $n "$p1 - $p0")  $(per_req $n "$r1 - $r0")  $(python3 -c "print(round(($k1 - $k0) / $n, 2))")  $bad"
}

echo "warm-up (30 s per setup: five JVMs compile their hot code)..."
for _ in 1 2 3; do
  round "$key_e" 18080 >/dev/null; round "$key_s" 18083 18084 >/dev/null; round "$key_s" 18081 18082 >/dev/null
done
echo "throughput, alternating 10 s rounds at 50 connections; CPU in microseconds per request"
echo "round  setup  rps  gateways-cpu  postgres-cpu  redis-cpu  redis-cmds/req  non-2xx"
for i in $(seq 1 "$rounds"); do
  echo "$i  embedded        $(round "$key_e" 18080)"
  echo "$i  2x-postgres     $(round "$key_s" 18083 18084)"
  echo "$i  2x-pg+redis     $(round "$key_s" 18081 18082)"
done

p99() { awk '/99% in/{print $3*1000}'; }
fixed() {   # key ports...: p99 of each instance at 1000 requests/s in all, split evenly (hey, 20 s)
  local key=$1; shift
  local per=$((10 / $#)) h=() port out=""
  for port in "$@"; do
    hey -z 20s -c $per -q 100 -H "Authorization: Bearer $key" "http://127.0.0.1:$port$path" >"$work/hey-$port" &
    h+=($!)
  done
  for p in "${h[@]}"; do wait "$p"; done
  for port in "$@"; do out+="$(p99 <"$work/hey-$port") "; done
  echo "$out"
}
echo "p99 in ms at a fixed 1000 requests/s in all (hey, 20 s; a pair gets 500/s each):"
hey -z 5s -c 10 -q 100 "http://127.0.0.1:19001/crm/rest/v2/contacts" >/dev/null
echo "  straight at the upstream   $(hey -z 20s -c 10 -q 100 "http://127.0.0.1:19001/crm/rest/v2/contacts" | p99)"
echo "  embedded                   $(fixed "$key_e" 18080)"
echo "  2x-postgres                $(fixed "$key_s" 18083 18084)"
echo "  2x-pg+redis                $(fixed "$key_s" 18081 18082)"
