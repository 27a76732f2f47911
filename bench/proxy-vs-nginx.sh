#!/usr/bin/env bash
# The gateway's data plane against nginx's own proxy, same upstream, same run.
#
#   nginx :19001  serves a fixed Keap-like page (bench/nginx-ref.sh)
#   nginx :19002  proxies /keap/... to it, injecting a token      (the reference)
#   gateway :18080 in serve mode, upstream :19001, the sandbox (:19090) as OAuth server, with
#                  authentication, connection choice, rate limiting (limits raised out of the
#                  way) and the access log all on
#
# Prints, for alternating 10 s wrk rounds at 50 connections (after a 30 s warm-up), the requests
# per second of each and the ratio; non-2xx answers; then p50 and p99 latency at a fixed 1000
# requests/second (h2load) straight at the upstream, through nginx's proxy and through the
# gateway, for requests arriving in bursts and spread out (after one discarded line of each,
# then LATENCY_SAMPLES lines of each, 3 by default), and the gateway's heap and RSS under that
# load. Needs nginx, wrk and h2load (Debian: nginx wrk nghttp2-client).
# Usage: bench/proxy-vs-nginx.sh [rounds]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-3}"
cd "$root"
for tool in nginx wrk h2load curl python3 openssl; do
  command -v $tool >/dev/null || { echo "needs $tool (apt-get install nginx wrk nghttp2-client)" >&2; exit 1; }
done
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; bash bench/nginx-ref.sh stop || true; }
trap cleanup EXIT

bash bench/nginx-ref.sh stop 2>/dev/null || true
bash bench/nginx-ref.sh start
./keap-gateway --version >/dev/null   # builds the jar when needed

./keap-gateway sandbox --port 19090 --auto-approve --no-quotas --client-id bench --client-secret bench-secret \
  --redirect-uri http://127.0.0.1:18080/oauth/callback >"$work/sandbox.log" 2>&1 &
pids+=($!)
JAVA_OPTS="${GATEWAY_JAVA_OPTS:--Xmx512m}" ./keap-gateway serve --host 127.0.0.1 --port 18080 \
  --public-url http://127.0.0.1:18080 --data-dir "$work/gw" \
  --upstream-url http://127.0.0.1:19001 --authorize-url http://127.0.0.1:19090/app/oauth/authorize \
  --token-url http://127.0.0.1:19090/token --client-id bench --client-secret bench-secret \
  --encryption-key "$(openssl rand -base64 32)" --admin-token bench-admin-token-0123456789abcdef0123 \
  --account-rate-limit 1000000 --upstream-quota-per-minute 0 >"$work/gateway.log" 2>&1 &
gw=$!
pids+=($gw)
for _ in $(seq 1 200); do curl -sf http://127.0.0.1:18080/healthz >/dev/null && curl -sf http://127.0.0.1:19090/_sandbox/stats >/dev/null && break; sleep 0.1; done

key="$(curl -sf -H 'Authorization: Bearer bench-admin-token-0123456789abcdef0123' -H 'Content-Type: application/json' \
  -d '{"name":"bench"}' http://127.0.0.1:18080/admin/accounts | python3 -c 'import sys,json;print(json.load(sys.stdin)["api_key"])')"
url="$(curl -sf -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d '{"app":"keap"}' \
  http://127.0.0.1:18080/connections | python3 -c 'import sys,json;print(json.load(sys.stdin)["connection"]["url"])')"
curl -sfL "$url" >/dev/null   # the browser's way through the connect flow (the sandbox auto-approves)
path=/keap/crm/rest/v2/contacts
curl -sf -H "Authorization: Bearer $key" "http://127.0.0.1:18080$path" >/dev/null || { echo "the gateway does not answer" >&2; exit 1; }

rps() { awk '/Requests\/sec/{print $2}'; }
non2xx() { awk '/Non-2xx/{print $4}'; }
wrk -t1 -c50 -d30s -H "Authorization: Bearer $key" "http://127.0.0.1:18080$path" >/dev/null   # warm-up: the JIT compiles the hot path
wrk -t1 -c50 -d5s "http://127.0.0.1:19002$path" >/dev/null
echo "round  nginx-proxy-rps  gateway-rps  ratio  gateway-non-2xx"
for i in $(seq 1 "$rounds"); do
  n="$(wrk -t1 -c50 -d10s "http://127.0.0.1:19002$path" | rps)"
  out="$(wrk -t1 -c50 -d10s -H "Authorization: Bearer $key" "http://127.0.0.1:18080$path")"
  g="$(echo "$out" | rps)"; bad="$(echo "$out" | non2xx)"
  echo "$i  $n  $g  $(python3 -c "print(round($g/$n, 2))")  ${bad:-0}"
done

# Latency at a fixed 1000 requests/second with h2load (nghttp2-client), 10 connections at 100
# requests/second each, 10 000 requests per line (1000 per connection: nginx closes a
# connection after 1000 requests, its keepalive_requests default), two ways of arriving:
#   bursts  - the connections open together, so their 10 ms ticks coincide: 10 requests at once
#   spread  - the connections open 1 ms apart (h2load --rate), so the ticks interleave: about
#             one request every millisecond, as independent callers arrive
# each for the upstream straight, nginx's proxy and the gateway; percentiles over all requests
# from h2load's per-request log.
latency() {   # pattern url [header]: prints p50 and p99 in ms
  local pattern=$1 url=$2 hdr=${3:-X-Bench: 1} log
  log="$(mktemp)"
  if [[ $pattern == bursts ]]; then
    timeout 60 h2load --h1 -n 10000 -c 10 --rps 100 -H "$hdr" --log-file="$log" "$url" >/dev/null 2>&1 || true
  else
    timeout 60 h2load --h1 -n 10000 -c 10 -r 1 --rate-period 1ms --rps 100 -H "$hdr" --log-file="$log" "$url" >/dev/null 2>&1 || true
  fi
  awk '{print $3/1000}' "$log" | sort -n \
    | awk '{a[NR]=$1} END{printf "p50 %.2f  p99 %.2f", a[int(NR*0.5)], a[int(NR*0.99)]}'
  awk '$2 < 200 || $2 >= 300 {bad++} END{if (bad) printf "  (%d non-2xx)", bad}' "$log"
  rm -f "$log"
}
jcmd_bin="$(dirname "$(source scripts/find-java.sh; find_java)")/jcmd"
javapid="$(pgrep -f "keap-gateway.jar serve" | head -1)"
measure() {   # pattern target: latency of one line at upstream|nginx|gateway
  case $2 in
    upstream) latency "$1" "http://127.0.0.1:19001/crm/rest/v2/contacts" ;;
    nginx) latency "$1" "http://127.0.0.1:19002$path" ;;
    gateway) latency "$1" "http://127.0.0.1:18080$path" "Authorization: Bearer $key" ;;
  esac
}
# Warm-up: one discarded line of each shape at each target. After wrk's high load the JIT
# compiles the gateway's paths again for a low steady rate (about 2 s of C2 compiler time
# during the first such line, on a 2-core machine where that competes with the requests).
for pattern in bursts spread; do
  for target in upstream nginx gateway; do measure $pattern $target >/dev/null; done
done
samples="${LATENCY_SAMPLES:-3}"
echo "fixed rate 1000 req/s, latency in ms (h2load, 10 000 requests per line), $samples samples per shape:"
for pattern in bursts spread; do
  for sample in $(seq 1 "$samples"); do
    d="$(measure $pattern upstream)"
    n="$(measure $pattern nginx)"
    if [[ $pattern == bursts && $sample == 1 ]]; then
      ( sleep 6; "$jcmd_bin" "$javapid" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 >"$work/heap"; ps -o rss= -p "$javapid" >"$work/rss" ) &
    fi
    g="$(measure $pattern gateway)"
    dp99="$(echo "$d" | awk '{print $4}')"
    echo "$pattern $sample  upstream: $d;  nginx proxy: $n (adds $(python3 -c "print(round($(echo "$n" | awk '{print $4}')-$dp99, 2))"));  gateway: $g (adds $(python3 -c "print(round($(echo "$g" | awk '{print $4}')-$dp99, 2))") at p99)"
  done
done
sleep 1
echo "gateway under that load: heap $(cat "$work/heap"), RSS $(tr -d ' ' <"$work/rss") KiB"
