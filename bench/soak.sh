#!/usr/bin/env bash
# Soak test: starts httpd (-Xmx64m, access log on) on a loopback port, runs a bounded mixed load with wrk for
# the given number of minutes while idle, trickling (slowloris) and slow-reading clients hold connections,
# and prints requests served, errors by kind and the server's resident memory every 30 s, then a summary.
#
#   bench/soak.sh [MINUTES] [THREADS]      defaults: 10 minutes, httpd's default pool (2 per core, at least 4)
#
# Everything runs on 127.0.0.1 and stops by itself. wrk comes from Debian's packages (installed when missing).
set -euo pipefail
MINUTES=${1:-10}
THREADS=${2:-}
SLICE=30
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null; then
  echo "soak: installing wrk (Debian package)"
  (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null
fi
[ -f target/httpd.jar ] || mvn -B -q package -DskipTests

work=$(mktemp -d)
site="$work/site"
mkdir -p "$site/sub"
head -c 1024 /dev/urandom | base64 -w 0 | head -c 1024 > "$site/small.html"
head -c 65536 /dev/urandom > "$site/medium.bin"
truncate -s 256M "$site/big.bin"
echo '<h1>soak</h1>' > "$site/index.html"
echo 'sub' > "$site/sub/index.html"
cat > "$work/mix.lua" <<'LUA'
-- a browser-like mix: small pages, a 64 KiB asset, a range request, a conditional request, a directory
-- (no HEAD: wrk would wait for a body after it)
local requests = {
  "GET /small.html HTTP/1.1\r\nHost: soak\r\n\r\n",
  "GET /medium.bin HTTP/1.1\r\nHost: soak\r\n\r\n",
  "GET /medium.bin HTTP/1.1\r\nHost: soak\r\nRange: bytes=1000-20000\r\n\r\n",
  "GET / HTTP/1.1\r\nHost: soak\r\nIf-Modified-Since: Tue, 01 Jan 2999 00:00:00 GMT\r\n\r\n",
  "GET /sub/ HTTP/1.1\r\nHost: soak\r\n\r\n",
}
local i = 0
request = function()
  i = i % #requests + 1
  return requests[i]
end
LUA

java -Xmx64m -jar target/httpd.jar --port 0 --root "$site" ${THREADS:+--threads "$THREADS"} > "$work/stdout.log" 2> "$work/stderr.log" &
server=$!
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  kill -TERM "$server" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

for _ in $(seq 1 100); do
  port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/stdout.log" | head -1)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "${port:-}" ] || { echo "soak: httpd did not start"; cat "$work/stderr.log"; exit 1; }
end=$(( $(date +%s) + MINUTES * 60 ))
echo "soak: httpd pid $server on port $port, ${THREADS:-default} threads, -Xmx64m, $MINUTES min"

# 100 idle connections that never send a byte, reopened when the server closes them
idle() {
  while [ "$(date +%s)" -lt "$end" ]; do
    fds=()
    for _ in $(seq 1 100); do exec {fd}<>"/dev/tcp/127.0.0.1/$port" && fds+=("$fd"); done
    sleep 12
    for fd in "${fds[@]}"; do exec {fd}>&-; done
  done
}
# 20 slowloris clients, one header byte every 2 s: the head deadline cuts them off
trickle() {
  trap '' PIPE  # the server hangs up on slowloris clients: keep going, reconnect
  local text="GET / HTTP/1.1"$'\r\n'"Host: soak"$'\r\n'"X-Slow: aaaaaaaaaaaaaaaaaaaa"
  while [ "$(date +%s)" -lt "$end" ]; do
    exec {fd}<>"/dev/tcp/127.0.0.1/$port" || { sleep 1; continue; }
    for ((k = 0; k < ${#text}; k++)); do
      printf '%s' "${text:k:1}" >&"$fd" 2>/dev/null || break
      sleep 2
      [ "$(date +%s)" -lt "$end" ] || break
    done
    exec {fd}>&-
  done
}
# 2 slow readers downloading 256 MiB at 512 KB/s
slow_reader() {
  while [ "$(date +%s)" -lt "$end" ]; do
    curl -s -o /dev/null --limit-rate 512k --max-time $(( end - $(date +%s) + 1 )) "http://127.0.0.1:$port/big.bin" || true
  done
}
idle 2>/dev/null & pids+=($!)
for _ in $(seq 1 20); do trickle 2>/dev/null & pids+=($!); done
slow_reader & pids+=($!)
slow_reader & pids+=($!)

total=0; errors_connect=0; errors_read=0; errors_write=0; errors_timeout=0; errors_status=0
rss_first=""; rss_last=""
printf '%-6s %10s %9s %8s %6s %6s %7s %8s %9s %10s\n' time requests req/s p99 conn read write timeout non-2xx rss_kib
elapsed=0
while [ "$(date +%s)" -lt "$end" ]; do
  left=$(( end - $(date +%s) ))
  d=$(( left < SLICE ? left : SLICE ))
  [ "$d" -ge 1 ] || break
  out=$(wrk -t2 -c50 -d"${d}s" --latency -s "$work/mix.lua" "http://127.0.0.1:$port/" 2>&1 || true)
  elapsed=$(( elapsed + d ))
  reqs=$(echo "$out" | sed -n 's/^ *\([0-9]*\) requests in.*/\1/p')
  rps=$(echo "$out" | sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p')
  p99=$(echo "$out" | awk '$1=="99%"{print $2}')
  read -r c r w t < <(echo "$out" | sed -n 's/.*Socket errors: connect \([0-9]*\), read \([0-9]*\), write \([0-9]*\), timeout \([0-9]*\).*/\1 \2 \3 \4/p'; echo "0 0 0 0")
  n=$(echo "$out" | sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p'); n=${n:-0}
  rss=$(awk '/VmRSS/{print $2}' "/proc/$server/status" 2>/dev/null || echo "?")
  rss_first=${rss_first:-$rss}; rss_last=$rss
  total=$(( total + ${reqs:-0} ))
  errors_connect=$(( errors_connect + c )); errors_read=$(( errors_read + r ))
  errors_write=$(( errors_write + w )); errors_timeout=$(( errors_timeout + t )); errors_status=$(( errors_status + n ))
  printf '%-6s %10s %9s %8s %6s %6s %7s %8s %9s %10s\n' "${elapsed}s" "${reqs:-0}" "${rps:-0}" "${p99:-?}" "$c" "$r" "$w" "$t" "$n" "$rss"
done

peak=$(awk '/VmHWM/{print $2}' "/proc/$server/status" 2>/dev/null || echo "?")
alive=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/small.html" || true)
slowloris_cut=$(grep -c '"-" 408 ' "$work/stdout.log" || true)
echo
echo "summary: $MINUTES min, $total requests, errors: connect $errors_connect, read $errors_read, write $errors_write,"\
" timeout $errors_timeout, non-2xx/3xx $errors_status"
echo "summary: rss first ${rss_first} KiB, last ${rss_last} KiB, peak ${peak} KiB; slowloris heads cut with 408: $slowloris_cut;"\
" server still answering: $alive; server errors logged: $(grep -c ERROR "$work/stderr.log" || true)"
