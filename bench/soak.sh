#!/usr/bin/env bash
# Soak test: starts httpd (-Xmx64m, access log on) on a loopback port, runs a bounded mixed load with wrk for
# the given number of minutes while idle, trickling (slowloris) and slow-reading clients hold connections,
# and prints requests served, errors by kind, the server's resident memory (and the Java heap's part of it) and
# thread count every 30 s, then a summary with the slope of resident memory over the last half of the run.
#
#   bench/soak.sh [--jvm 'FLAGS'] [--nmt] [MINUTES] [THREADS]
#       defaults: 10 minutes, httpd's default pool (2 per core, at least 4)
#       --jvm   extra JVM flags, before -jar (e.g. '-XX:MaxDirectMemorySize=16m')
#       --nmt   Native Memory Tracking (summary): a baseline after the first slice, what changed at the end
#
# Everything runs on 127.0.0.1 and stops by itself. wrk comes from Debian's packages (installed when missing).
set -euo pipefail
JVM_FLAGS=()
NMT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --jvm) read -r -a extra <<< "${2:?--jvm needs flags}"; JVM_FLAGS+=("${extra[@]}"); shift 2 ;;
    --nmt) NMT=1; JVM_FLAGS+=(-XX:NativeMemoryTracking=summary); shift ;;
    --*) echo "soak: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
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

java -Xmx64m ${JVM_FLAGS[@]+"${JVM_FLAGS[@]}"} -jar target/httpd.jar --port 0 --root "$site" ${THREADS:+--threads "$THREADS"} > "$work/stdout.log" 2> "$work/stderr.log" &
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
# The Java heap's addresses, so that its resident part can be told from the rest (native memory)
read -r heap_low heap_high < <(jcmd "$server" GC.heap_info 2>/dev/null \
  | sed -n 's/.*\[0x\([0-9a-f]*\), 0x\([0-9a-f]*\)).*/\1 \2/p'; echo "0 0")
heap_rss() {
  awk -v low="$heap_low" -v high="$heap_high" 'function hex(a) { return substr("0000000000000000", length(a) + 1) a }
    /^[0-9a-f]+-[0-9a-f]+ / { split($1, range, "-"); inside = hex(range[1]) >= hex(low) && hex(range[2]) <= hex(high) }
    inside && $1 == "Rss:" { kib += $2 } END { print kib + 0 }' "/proc/$server/smaps" 2>/dev/null || echo 0
}
echo "soak: httpd pid $server on port $port, ${THREADS:-default} threads, -Xmx64m ${JVM_FLAGS[*]+${JVM_FLAGS[*]}}, $MINUTES min"

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
printf '%-6s %10s %9s %8s %6s %6s %7s %8s %9s %10s %9s %7s\n' time requests req/s p99 conn read write timeout non-2xx rss_kib heap_kib threads
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
  threads=$(awk '/^Threads/{print $2}' "/proc/$server/status" 2>/dev/null || echo "?")
  rss_first=${rss_first:-$rss}; rss_last=$rss
  heap=$(heap_rss)
  echo "$elapsed $rss $heap" >> "$work/rss.txt"
  if [ -n "$NMT" ] && [ "$elapsed" -eq "$d" ]; then jcmd "$server" VM.native_memory baseline >/dev/null; fi
  total=$(( total + ${reqs:-0} ))
  errors_connect=$(( errors_connect + c )); errors_read=$(( errors_read + r ))
  errors_write=$(( errors_write + w )); errors_timeout=$(( errors_timeout + t )); errors_status=$(( errors_status + n ))
  printf '%-6s %10s %9s %8s %6s %6s %7s %8s %9s %10s %9s %7s\n' "${elapsed}s" "${reqs:-0}" "${rps:-0}" "${p99:-?}" "$c" "$r" "$w" "$t" "$n" "$rss" "$heap" "$threads"
done

if [ -n "$NMT" ]; then
  echo
  echo "native memory that changed since the first slice (jcmd VM.native_memory summary.diff, committed KiB):"
  jcmd "$server" VM.native_memory summary.diff scale=KB \
    | awk '/^(Total|-)/ && /committed=[0-9]+KB [+-]/ { sub(/^- */, ""); print "  " $0 }'
fi
# The slope over the second half of the run, by least squares over the samples, in MiB per 10 minutes, of
# resident memory (column 2) or of resident memory outside the Java heap (column 2 minus column 3)
slope() {
  awk -v half=$(( elapsed / 2 )) -v heap="$1" '$1 >= half && $2 ~ /^[0-9]+$/ { v = $2 - heap * $3
      n++; x += $1; y += v; xx += $1 * $1; xy += $1 * v }
    END { d = n * xx - x * x; if (n < 3 || d == 0) print "?"; else printf "%+.1f", (n * xy - x * y) / d * 600 / 1024 }' \
    "$work/rss.txt"
}
peak=$(awk '/VmHWM/{print $2}' "/proc/$server/status" 2>/dev/null || echo "?")
alive=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/small.html" || true)
slowloris_cut=$(grep -c '"-" 408 ' "$work/stdout.log" || true)
echo
echo "summary: $MINUTES min, $total requests, errors: connect $errors_connect, read $errors_read, write $errors_write,"\
" timeout $errors_timeout, non-2xx/3xx $errors_status"
echo "summary: rss first ${rss_first} KiB, last ${rss_last} KiB (the Java heap ${heap:-?} KiB of it), peak ${peak} KiB"
echo "summary: slowloris heads cut with 408: $slowloris_cut; server still answering: $alive;"\
" server errors logged: $(grep -c ERROR "$work/stderr.log" || true)"
echo "summary: slope over the last half: resident $(slope 0) MiB per 10 min, outside the Java heap $(slope 1) MiB per 10 min"
