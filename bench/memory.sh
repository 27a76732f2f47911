#!/usr/bin/env bash
# Resident memory of the packaged gateway at full speed: `serve` from an unpacked
# keap-gateway-<version>.tar.gz, once with packaging/jvm.options (as bin/keap-gateway starts it)
# and once with the JVM's defaults (the same command without the options file), alternating for
# <rounds> rounds. Each round: a fresh store, one account (limits raised so that nothing answers
# 429), one connection through the connect flow, then wrk for <seconds> on a data-plane path to a
# sandbox with its quotas off; then VmHWM (the high-water mark of the resident set) of the
# gateway's process. Run it on a quiet machine (in this repository: holding both build slots).
# Usage: bench/memory.sh <unpacked package dir> [seconds] [rounds] [wrk connections]
# Figures: docs/BENCHMARKS.md, "Memory of the packaged gateway".
set -euo pipefail
pkg="$(cd "$1" && pwd)"; seconds="${2:-20}"; rounds="${3:-2}"; conns="${4:-50}"
java="$pkg/runtime/bin/java"
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
sb=$(free_port); gw=$(free_port)
admin=$(openssl rand -hex 24)
openssl rand -base64 32 > "$work/key" && chmod 600 "$work/key"
"$pkg/bin/keap-gateway" sandbox --port "$sb" --auto-approve --no-quotas --client-id bench \
  --client-secret bench-secret --redirect-uri "http://localhost:$gw/oauth/callback" > "$work/sandbox.log" 2>&1 &
pids+=($!)
serve_args=(serve --port "$gw" --public-url "http://localhost:$gw" --data-dir "$work/data" --encryption-key "$work/key"
  --client-id bench --client-secret bench-secret --upstream-url "http://127.0.0.1:$sb"
  --authorize-url "http://127.0.0.1:$sb/app/oauth/authorize" --token-url "http://127.0.0.1:$sb/token"
  --admin-token "$admin" --account-rate-limit 1000000 --account-burst 1000000 --upstream-quota-per-minute 0
  --access-log off)
# what bin/keap-gateway adds besides the options file, so that the file is the only difference
common=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -XX:+AutoCreateSharedArchive
  -XX:SharedArchiveFile="$pkg/lib/keap-gateway.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
echo "variant,round,vmhwm_kb,requests_per_s,non_2xx,requests"
for round in $(seq 1 "$rounds"); do
  for variant in jvm.options defaults; do
    rm -rf "$work/data"
    if [[ $variant == jvm.options ]]; then
      "$java" @"$pkg/lib/jvm.options" "${common[@]}" -jar "$pkg/lib/keap-gateway.jar" "${serve_args[@]}" > "$work/gw.log" 2>&1 &
    else
      "$java" "${common[@]}" -jar "$pkg/lib/keap-gateway.jar" "${serve_args[@]}" > "$work/gw.log" 2>&1 &
    fi
    g=$!; pids+=("$g")
    until curl -sf "http://localhost:$gw/readyz" > /dev/null; do
      kill -0 "$g" 2>/dev/null || { cat "$work/gw.log" >&2; exit 1; }
      sleep 0.5
    done
    apikey=$(curl -sf "http://localhost:$gw/admin/accounts" -H "Authorization: Bearer $admin" -d '{"name":"bench"}' \
      | python3 -c 'import json, sys; print(json.load(sys.stdin)["api_key"])')
    url=$(curl -sf "http://localhost:$gw/connections" -H "Authorization: Bearer $apikey" -d '{"app":"keap"}' \
      | python3 -c 'import json, sys; print(json.load(sys.stdin)["connection"]["url"])')
    curl -sfL -o /dev/null "$url"
    out=$(wrk -t2 -c"$conns" -d"${seconds}s" -H "Authorization: Bearer $apikey" \
      "http://localhost:$gw/keap/crm/rest/v2/contacts?page_size=2")
    rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
    total=$(awk '/requests in/ {print $1}' <<< "$out")
    bad=$(awk '/Non-2xx/ {print $NF}' <<< "$out"); bad=${bad:-0}
    hwm=$(awk '/VmHWM/ {print $2}' "/proc/$g/status")
    echo "$variant,$round,$hwm,$rps,$bad,$total"
    kill "$g"; wait "$g" 2>/dev/null || true
  done
done
