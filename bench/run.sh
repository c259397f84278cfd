#!/usr/bin/env bash
# Benchmark: httpd against nginx (and jwebserver when a JDK 18+ is installed), same machine, same run.
# Builds the jar, makes a fixture root, then for each server in turn: start it on a free loopback port,
# run the scenarios with wrk, stop it. Prints one table with ratios to nginx and saves it under results/.
#
#   bench/run.sh                     full run (20 s per scenario)
#   bench/run.sh --quick             about a minute per server (4 s per scenario)
#   bench/run.sh --tls-only          only the HTTPS scenarios (T1-T3), nginx and httpd
#   bench/run.sh --gzip-only         only the compression scenarios (C1, C2), nginx and httpd
#   bench/run.sh --baseline OLD.jar  also runs that build of httpd ("httpd-baseline"), just before this one,
#                                    so a change is measured against the same nginx in the same run
#
# Scenarios: S1 1 KiB keep-alive, 50 connections; S2 1 KiB, a new connection per request; S3 64 KiB
# keep-alive; S4 100 MiB, 4 connections; S5 404s keep-alive; S6 1000 keep-alive connections on 1 KiB;
# S7 start-up to the first 200 (median of 5). Then over HTTPS, nginx and httpd only (the same certificate,
# made by httpd's local CA; TLS 1.3, each server's own session resumption left at its default): T1 1 KiB
# keep-alive, 50 connections; T2 100 MiB, 4 connections; T3 1 KiB, a new TLS connection per request. Then
# compression, nginx (gzip on, its default level, the same types) and httpd, every request with
# Accept-Encoding: gzip: C1 a 100 KiB HTML page, keep-alive, 50 connections; C2 a 10 MiB text file, 4
# connections; with the bytes each sends for one response, and a check that they decode to the file.
# Also: peak RSS in S6 and server CPU time per request (per GiB in S4 and T2), from /proc. Everything runs
# on 127.0.0.1 and every loop is bounded.
set -euo pipefail
trap 'echo "bench: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/.."
DURATION=20
baseline_jar=""
plain=yes
tls=yes
gzip=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) DURATION=4 ;;
    --tls-only) plain=""; gzip="" ;;
    --gzip-only) plain=""; tls="" ;;
    --baseline) baseline_jar=$(realpath "$2"); shift ;;
    *) echo "bench: unknown argument $1 (use --quick, --tls-only, --gzip-only, --baseline JAR)" >&2; exit 2 ;;
  esac
  shift
done

need() { command -v "$1" >/dev/null || missing+=("$2"); }
missing=()
need wrk wrk
need nginx nginx-light
need curl curl
need bc bc
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench: installing ${missing[*]} (Debian packages)"
  (apt-get update -qq && apt-get install -y -qq "${missing[@]}") >/dev/null
fi
mvn -B -q package -DskipTests

work=$(mktemp -d)
chmod 755 "$work"
site="$work/site"
mkdir -p "$site"
head -c 1024 /dev/zero | tr '\0' 'x' > "$site/small.html"
head -c 65536 /dev/urandom > "$site/medium.bin"
head -c $((100 * 1024 * 1024)) /dev/urandom > "$site/big.bin"
echo '<h1>bench</h1>' > "$site/index.html"
# Text that compresses as real pages do (about 5:1), not zeros or noise; the same bytes on every run. (awk
# ends by SIGPIPE when head has enough: that is not a failure.)
(awk 'BEGIN { srand(7); split("the quick brown fox jumps over a lazy dog while the server sends each request its response header body cache gzip chunk stream file version", w, " ");
  print "<!doctype html><html><head><title>bench</title><link rel=\"stylesheet\" href=\"s.css\"></head><body>";
  for (n = 1; n < 1300; n++) { line = ""; for (i = 0; i < 8 + int(rand() * 20); i++) line = line " " w[1 + int(rand() * 26)];
    printf "<div class=\"item-%d\"><h2>Section %d</h2><p>%s</p><a href=\"/page/%d\">more</a></div>\n", n % 17, n, line, n } }' || true) \
  | head -c 102400 > "$site/page.html"
(awk 'BEGIN { srand(11); split("the quick brown fox jumps over a lazy dog while the server sends each request its response header body cache gzip chunk stream file version", w, " ");
  for (n = 1; n <= 160000; n++) { line = ""; for (i = 0; i < 12; i++) line = line " " w[1 + int(rand() * 26)]; printf "%08d%s\n", n, line } }' || true) \
  | head -c $((10 * 1024 * 1024)) > "$site/big.txt"
touch -d '1 minute ago' "$site"/*   # settled: httpd keeps what it derives from a file only once it has

server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  local port
  for port in $(seq 20000 20999); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  return 1
}

jwebserver_bin=""
for jdk in /usr/lib/jvm/*/; do
  if [ -x "$jdk/bin/jwebserver" ]; then jwebserver_bin="$jdk/bin/jwebserver"; fi
done

# start_server NAME PORT [tls]: starts it in the background, sets server_pid (the process whose CPU and RSS
# count). With tls, httpd makes its certificate in $work/tls and nginx is given the same one.
start_server() {
  local name=$1 port=$2 tls=${3:-}
  local httpd_tls=() nginx_listen="listen 127.0.0.1:$port reuseport;"
  if [ -n "$tls" ]; then
    httpd_tls=(--tls --tls-dir "$work/tls")
    nginx_listen="listen 127.0.0.1:$port ssl reuseport;
    ssl_certificate $work/tls/server.crt;
    ssl_certificate_key $work/tls/server.key;
    ssl_protocols TLSv1.3;"
  fi
  case "$name" in
    httpd)
      java -jar target/httpd.jar --port "$port" --root "$site" "${httpd_tls[@]}" > "$work/httpd-access.log" 2> "$work/httpd-err.log" &
      server_pid=$! ;;
    httpd-baseline)
      java -jar "$baseline_jar" --port "$port" --root "$site" > "$work/httpd-access.log" 2> "$work/httpd-err.log" &
      server_pid=$! ;;
    nginx)
      mkdir -p "$work/nginx"
      cat > "$work/nginx/nginx.conf" <<CONF
user root;
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  access_log $work/nginx/access.log;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  log_not_found off;
  gzip on;
  gzip_types text/plain text/css application/javascript application/json image/svg+xml application/xml;
  gzip_min_length 1024;
  server {
    $nginx_listen
    root $site;
    index index.html;
  }
}
CONF
      nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' &
      server_pid=$! ;;
    jwebserver)
      "$jwebserver_bin" -b 127.0.0.1 -p "$port" -d "$site" -o info > "$work/jweb.log" 2>&1 &
      server_pid=$! ;;
  esac
}

wait_ready() {
  local port=$1 scheme=${2:-http}
  for _ in $(seq 1 2000); do
    if [ "$(curl -sk -o /dev/null -w '%{http_code}' "$scheme://127.0.0.1:$port/small.html" 2>/dev/null)" = 200 ]; then return 0; fi
    sleep 0.005
  done
  return 1
}

# CPU seconds (user+system) of the server and, for nginx, its workers
cpu_seconds() {
  local pids
  pids=$(echo "$server_pid"; pgrep -P "$server_pid" || true)
  local ticks=0 pid
  for pid in $pids; do
    [ -r "/proc/$pid/stat" ] || continue
    ticks=$(( ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat") ))
  done
  echo "scale=3; $ticks / $(getconf CLK_TCK)" | bc
}

peak_rss_kib() {
  local pids total=0 pid
  pids=$(echo "$server_pid"; pgrep -P "$server_pid" || true)
  for pid in $pids; do
    [ -r "/proc/$pid/status" ] || continue
    total=$(( total + $(awk '/VmHWM/{print $2}' "/proc/$pid/status") ))
  done
  echo "$total"
}

# run_wrk LABEL CONNECTIONS PATH [HEADER]: prints "req/s MB/s p99_ms errors requests" (over $scheme)
run_wrk() {
  local connections=$2 path=$3 header=${4:-}
  local out url="$scheme://127.0.0.1:$port$path"
  if [ -n "$header" ]; then
    out=$(wrk -t2 -c"$connections" -d"${DURATION}s" --latency --timeout 5s -H "$header" "$url" 2>&1 || true)
  else
    out=$(wrk -t2 -c"$connections" -d"${DURATION}s" --latency --timeout 5s "$url" 2>&1 || true)
  fi
  local rps mbps p99 errors requests non2xx
  rps=$(echo "$out" | sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p')
  mbps=$(echo "$out" | awk '/^Transfer\/sec/{v=$2; if (v ~ /GB/) {sub("GB","",v); v*=1024} else if (v ~ /KB/) {sub("KB","",v); v/=1024} else {sub("MB","",v)}; printf "%.1f", v}')
  p99=$(echo "$out" | awk '$1=="99%"{v=$2; if (v ~ /ms/) {sub("ms","",v)} else if (v ~ /us/) {sub("us","",v); v/=1000} else if (v ~ /s/) {sub("s","",v); v*=1000}; printf "%.2f", v}')
  errors=$(echo "$out" | sed -n 's/.*Socket errors: connect \([0-9]*\), read \([0-9]*\), write \([0-9]*\), timeout \([0-9]*\).*/\1 \2 \3 \4/p' | awk '{print $1+$2+$3+$4}')
  requests=$(echo "$out" | sed -n 's/^ *\([0-9]*\) requests in.*/\1/p')
  non2xx=$(echo "$out" | sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p')
  if [ "$path" != "/missing" ]; then errors=$(( ${errors:-0} + ${non2xx:-0} )); fi
  echo "${rps:-0} ${mbps:-0} ${p99:-0} ${errors:-0} ${requests:-0}"
}

startup_ms() {
  local name=$1 samples=() i
  for i in 1 2 3 4 5; do
    port=$(free_port)
    local t0 t1
    t0=$(date +%s%N)
    start_server "$name" "$port"
    wait_ready "$port" || true
    t1=$(date +%s%N)
    samples+=($(( (t1 - t0) / 1000000 )))
    kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""
  done
  printf '%s\n' "${samples[@]}" | sort -n | sed -n 3p
}

# run_scenarios NAME SCENARIO...: one server, already started on $port, through these scenarios
run_scenarios() {
  local name=$1 scenario line rps mbps p99 errors requests cpu_before cpu_after cpu gib cpu_unit
  shift
  for scenario in "$@"; do
    cpu_before=$(cpu_seconds)
    case $scenario in
      S1|T1) line=$(run_wrk "$scenario" 50 /small.html) ;;
      S2|T3) line=$(run_wrk "$scenario" 50 /small.html "Connection: close") ;;
      S3) line=$(run_wrk S3 50 /medium.bin) ;;
      S4|T2) line=$(run_wrk "$scenario" 4 /big.bin) ;;
      S5) line=$(run_wrk S5 50 /missing) ;;
      S6) line=$(run_wrk S6 1000 /small.html) ;;
      C1) line=$(run_wrk C1 50 /page.html "Accept-Encoding: gzip") ;;
      C2) line=$(run_wrk C2 4 /big.txt "Accept-Encoding: gzip") ;;
    esac
    cpu_after=$(cpu_seconds)
    read -r rps mbps p99 errors requests <<< "$line"
    cpu=$(echo "scale=6; $cpu_after - $cpu_before" | bc)
    if [ "$scenario" = S4 ] || [ "$scenario" = T2 ] || [ "$scenario" = C2 ]; then
      gib=$(echo "scale=6; $mbps * $DURATION / 1024" | bc)
      cpu_unit=$(echo "scale=3; if ($gib > 0) $cpu / $gib else 0" | bc)" s/GiB"
    else
      cpu_unit=$(echo "scale=1; if ($requests > 0) $cpu * 1000000 / $requests else 0" | bc)" us/req"
    fi
    result[$name,$scenario]="$rps $mbps $p99 $errors"
    result[$name,$scenario,cpu]=$cpu_unit
  done
}

stop_server() {
  kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""
}

servers=()
if [ -n "$plain" ]; then
  servers=(nginx)
  [ -n "$baseline_jar" ] && servers+=(httpd-baseline)
  servers+=(httpd)
  [ -n "$jwebserver_bin" ] && servers+=(jwebserver) || echo "bench: no JDK 18+ with jwebserver found; skipping it"
fi
declare -A result
scheme=http
for name in "${servers[@]}"; do
  echo "bench: $name" >&2
  port=$(free_port)
  start_server "$name" "$port"
  wait_ready "$port" || { echo "bench: $name did not start" >&2; continue; }
  # warm-up (the JIT for the Java servers)
  wrk -t2 -c50 -d3s "http://127.0.0.1:$port/small.html" >/dev/null 2>&1 || true
  run_scenarios "$name" S1 S2 S3 S4 S5 S6
  result[$name,rss]=$(( $(peak_rss_kib) / 1024 ))
  stop_server
  result[$name,S7]=$(startup_ms "$name")
done

# HTTPS: httpd first, since it makes the certificate nginx is then given
scheme=https
tls_servers=()
[ -n "$tls" ] && tls_servers=(httpd nginx)
for name in "${tls_servers[@]}"; do
  echo "bench: $name over TLS" >&2
  port=$(free_port)
  start_server "$name" "$port" tls
  wait_ready "$port" https || { echo "bench: $name did not start with TLS" >&2; stop_server; continue; }
  wrk -t2 -c50 -d3s "https://127.0.0.1:$port/small.html" >/dev/null 2>&1 || true
  run_scenarios "$name" T1 T2 T3
  stop_server
done

# Compression: what one response weighs on the wire, and whether it decodes to the file
wire_bytes() {
  local path=$1 got
  got=$(curl -s -H 'Accept-Encoding: gzip' -o "$work/wire.gz" -w '%{size_download}' "http://127.0.0.1:$port$path")
  if gunzip -c "$work/wire.gz" 2>/dev/null | cmp -s - "$site$path"; then echo "$got"; else echo "$got (DOES NOT DECODE TO THE FILE)"; fi
}
scheme=http
gzip_servers=()
[ -n "$gzip" ] && gzip_servers=(nginx httpd)
for name in "${gzip_servers[@]}"; do
  echo "bench: $name compressing" >&2
  port=$(free_port)
  start_server "$name" "$port"
  wait_ready "$port" || { echo "bench: $name did not start" >&2; continue; }
  wrk -t2 -c50 -d3s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port/page.html" >/dev/null 2>&1 || true
  run_scenarios "$name" C1 C2
  result[$name,C1,wire]=$(wire_bytes /page.html)
  result[$name,C2,wire]=$(wire_bytes /big.txt)
  stop_server
done

machine="$(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"
report() {
  echo "# bench/run.sh $(date -u +%Y-%m-%dT%H:%MZ) (${DURATION}s per scenario; $machine; wrk -t2 on the same cores)"
  echo
  echo "httpd: the build of $(git describe --always --dirty 2>/dev/null || echo 'this checkout')"
  [ -n "$baseline_jar" ] && echo "httpd-baseline: $baseline_jar"
  echo
  echo "| scenario | server | req/s | MB/s | p99 ms | errors | server CPU | ratio to nginx |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  local scenarios=()
  [ -n "$plain" ] && scenarios+=(S1 S2 S3 S4 S5 S6)
  [ -n "$tls" ] && scenarios+=(T1 T2 T3)
  [ -n "$gzip" ] && scenarios+=(C1 C2)
  for scenario in "${scenarios[@]}"; do
    read -r nrps nmbps _ _ <<< "${result[nginx,$scenario]:-0 0 0 0}"
    local names=("${servers[@]}")
    case $scenario in T*|C*) names=(nginx httpd) ;; esac
    for name in "${names[@]}"; do
      read -r rps mbps p99 errors <<< "${result[$name,$scenario]:-0 0 0 0}"
      if [ "$scenario" = S4 ] || [ "$scenario" = T2 ]; then ratio=$(echo "scale=2; if ($nmbps > 0) $mbps / $nmbps else 0" | bc)
      else ratio=$(echo "scale=2; if ($nrps > 0) $rps / $nrps else 0" | bc); fi
      echo "| $scenario | $name | $rps | $mbps | $p99 | $errors | ${result[$name,$scenario,cpu]:-} | ${ratio} |"
    done
  done
  if [ -n "$gzip" ]; then
    echo
    echo "| server | C1 bytes on the wire (102400 B page) | C2 bytes on the wire (10 MiB file) |"
    echo "|---|---:|---:|"
    for name in nginx httpd; do
      echo "| $name | ${result[$name,C1,wire]:-?} | ${result[$name,C2,wire]:-?} |"
    done
  fi
  [ -n "$plain" ] || return 0
  echo
  echo "| server | S7 start-up to first 200 (median of 5) | peak RSS after S6 |"
  echo "|---|---:|---:|"
  for name in "${servers[@]}"; do
    echo "| $name | ${result[$name,S7]:-?} ms | ${result[$name,rss]:-?} MiB |"
  done
}
mkdir -p bench/results
suffix=""
if [ -z "$plain" ] && [ -n "$tls" ]; then suffix="-tls"; fi
if [ -z "$plain" ] && [ -n "$gzip" ] && [ -z "$tls" ]; then suffix="-gzip"; fi
if [ "$DURATION" = 4 ]; then suffix="$suffix-quick"; fi
file="bench/results/$(date -u +%Y-%m-%d-%H%M)-$(hostname -s)$suffix.md"
report | tee "$file"
echo
echo "bench: saved $file"
