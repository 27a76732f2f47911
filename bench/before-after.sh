#!/usr/bin/env bash
# Two builds of the gateway side by side against nginx's proxy, in one run: for a refactoring,
# whose effect on speed must be told from the noise of a busy machine.
#
#   nginx :19001  serves a fixed Keap-like page; nginx :19002 proxies to it (bench/nginx-ref.sh,
#                 the reference)
#   gateway A :28080 (the first jar) and gateway B :28081 (the second), same upstream, each in
#                 serve mode with its own store; the sandbox (:29090, run from the second jar)
#                 is their OAuth server
#
# Prints alternating 10 s wrk rounds at 50 connections (nginx, A, B, in turn, after a 30 s
# warm-up of each): requests per second, each gateway's ratio to nginx in the same round, and each
# gateway's CPU time per request (user + system, from /proc: less sensitive to other load).
# Needs nginx and wrk (Debian: apt-get install nginx wrk).
# Usage: bench/before-after.sh before.jar after.jar [rounds]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
a_jar="$(realpath "$1")"; b_jar="$(realpath "$2")"; rounds="${3:-6}"
cd "$root"
java="$(source scripts/find-java.sh; find_java)"
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}" $(cat "$work/gateway.pids" 2>/dev/null); do kill "$p" 2>/dev/null || true; done; bash bench/nginx-ref.sh stop || true; }
trap cleanup EXIT

bash bench/nginx-ref.sh stop 2>/dev/null || true
bash bench/nginx-ref.sh start

"$java" -jar "$b_jar" sandbox --port 29090 --auto-approve --no-quotas --client-id bench --client-secret bench-secret \
  --redirect-uri http://127.0.0.1:28080/oauth/callback,http://127.0.0.1:28081/oauth/callback >"$work/sandbox.log" 2>&1 &
pids+=($!)
start_gateway() {   # jar port: starts it and prints an API key whose connection is ACTIVE
  local jar=$1 port=$2 key url
  "$java" -Xmx512m -jar "$jar" serve --host 127.0.0.1 --port "$port" --public-url "http://127.0.0.1:$port" \
    --data-dir "$work/gw$port" --upstream-url http://127.0.0.1:19001 \
    --authorize-url http://127.0.0.1:29090/app/oauth/authorize --token-url http://127.0.0.1:29090/token \
    --client-id bench --client-secret bench-secret --encryption-key "$(openssl rand -base64 32)" \
    --admin-token bench-admin-token-0123456789abcdef0123 --account-rate-limit 1000000 --upstream-quota-per-minute 0 \
    >"$work/gateway$port.log" 2>&1 &
  echo $! >> "$work/gateway.pids"   # (this function runs in a subshell: pids+=() would be lost)
  for _ in $(seq 1 900); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && curl -sf http://127.0.0.1:29090/_sandbox/stats >/dev/null && break; sleep 0.2; done
  key="$(curl -sf -H 'Authorization: Bearer bench-admin-token-0123456789abcdef0123' -H 'Content-Type: application/json' -d '{"name":"bench"}' \
    "http://127.0.0.1:$port/admin/accounts" | python3 -c 'import sys,json;print(json.load(sys.stdin)["api_key"])')"
  url="$(curl -sf -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d '{"app":"keap"}' \
    "http://127.0.0.1:$port/connections" | python3 -c 'import sys,json;print(json.load(sys.stdin)["connection"]["url"])')"
  curl -sfL "$url" >/dev/null
  curl -sf -H "Authorization: Bearer $key" "http://127.0.0.1:$port/keap/crm/rest/v2/contacts" >/dev/null \
    || { echo "the gateway on $port does not answer" >&2; exit 1; }
  echo "$key"
}
a_key="$(start_gateway "$a_jar" 28080)"
b_key="$(start_gateway "$b_jar" 28081)"
path=/keap/crm/rest/v2/contacts
rps() { awk '/Requests\/sec/{print $2}'; }
wrk -t1 -c50 -d30s -H "Authorization: Bearer $a_key" "http://127.0.0.1:28080$path" >/dev/null
wrk -t1 -c50 -d30s -H "Authorization: Bearer $b_key" "http://127.0.0.1:28081$path" >/dev/null
wrk -t1 -c50 -d5s "http://127.0.0.1:19002$path" >/dev/null
echo "A = $1, B = $2"
a_pid="$(sed -n 1p "$work/gateway.pids")"; b_pid="$(sed -n 2p "$work/gateway.pids")"
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # the process's user + system CPU, in clock ticks
hz="$(getconf CLK_TCK)"
# One wrk round at a gateway: prints "rps cpu-us-per-request" (the gateway's own CPU time, which
# other load on the machine does not inflate the way it does wall time).
round() {   # pid port key
  local t0 t1 out
  t0="$(ticks "$1")"
  out="$(wrk -t1 -c50 -d10s -H "Authorization: Bearer $3" "http://127.0.0.1:$2$path")"
  t1="$(ticks "$1")"
  python3 - "$out" "$t0" "$t1" "$hz" <<'PY'
import re, sys
out, t0, t1, hz = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
n = int(re.search(r"(\d+) requests in", out).group(1)); rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
print(f"{rps:.0f} {1e6 * (t1 - t0) / hz / n:.1f}")
PY
}
echo "round  nginx-rps  A-rps  B-rps  A/nginx  B/nginx  A-cpu-us/req  B-cpu-us/req"
for i in $(seq 1 "$rounds"); do
  n="$(wrk -t1 -c50 -d10s "http://127.0.0.1:19002$path" | rps)"
  if (( i % 2 )); then
    read -r a a_cpu < <(round "$a_pid" 28080 "$a_key")
    read -r b b_cpu < <(round "$b_pid" 28081 "$b_key")
  else
    read -r b b_cpu < <(round "$b_pid" 28081 "$b_key")
    read -r a a_cpu < <(round "$a_pid" 28080 "$a_key")
  fi
  echo "$i  $n  $a  $b  $(python3 -c "print(round($a/$n, 2))")  $(python3 -c "print(round($b/$n, 2))")  $a_cpu  $b_cpu"
done
