#!/usr/bin/env bash
# Benchmark: httpd against nginx (and jwebserver when a JDK 18+ is installed), same machine, same run.
# Builds the jar, makes a fixture root, then for each server in turn: start it on a free loopback port,
# run the scenarios with wrk, stop it. Prints one table with ratios to nginx and saves it under results/.
#
#   bench/run.sh                     full run (20 s per scenario)
#   bench/run.sh --quick             about a minute and a half per server (4 s per scenario)
#   bench/run.sh --duration 10       that many seconds per scenario
#   bench/run.sh --scenarios S2,S7   only these scenarios (names as below)
#   bench/run.sh --servers nginx,httpd  only these servers (nginx, httpd, httpd-baseline, jwebserver)
#   bench/run.sh --rounds 3          every server in turn, three times over (nginx, httpd, nginx, httpd, ...),
#                                    with a table of the ratios by round and their median
#   bench/run.sh --tls-only          only the HTTPS scenarios (T1-T3), nginx and httpd
#   bench/run.sh --gzip-only         only the compression scenarios (C1, C2), nginx and httpd
#   bench/run.sh --baseline OLD.jar  also runs that build of httpd ("httpd-baseline"), just before this one,
#                                    so a change is measured against the same nginx in the same run
#   bench/run.sh --tag WORD          ends the results file's name with -WORD
#
# Scenarios: S1 1 KiB keep-alive, 50 connections; S2 1 KiB, a new connection per request; S3 64 KiB
# keep-alive; S4 100 MiB, 4 connections; S5 404s keep-alive; S6 1000 keep-alive connections on 1 KiB;
# S7 10,000 keep-alive connections on 1 KiB, each server started afresh with its connection cap raised for
# them (httpd --max-connections 20000; nginx worker_connections and worker_rlimit_nofile), the script raising
# its own open-file limit; S7-default the same load on httpd with its default --max-connections;
# S8 start-up to the first 200 (median of 5). Then over HTTPS, nginx and httpd only (the same certificate,
# made by httpd's local CA; TLS 1.3, each server's own session resumption left at its default): T1 1 KiB
# keep-alive, 50 connections; T2 100 MiB, 4 connections; T3 1 KiB, a new TLS connection per request. Then
# compression, nginx (gzip on, its default level, the same types) and httpd, every request with
# Accept-Encoding: gzip: C1 a 100 KiB HTML page, keep-alive, 50 connections; C2 a 10 MiB text file, 4
# connections; with the bytes each sends for one response, and a check that they decode to the file.
# Also: peak RSS after S6 and in S7, and server CPU time per request (per GiB in S4 and T2), from /proc.
# Everything runs on 127.0.0.1 and every loop is bounded.
set -euo pipefail
trap 'echo "bench: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/.."
DURATION=20
S7_CONNECTIONS=10000
S7_HTTPD_CAP=20000
# Descriptors S7 needs in each process (wrk, httpd, an nginx worker): one per connection, and headroom
S7_FILES=16384
all_scenarios=(S1 S2 S3 S4 S5 S6 S7 S7-default S8 T1 T2 T3 C1 C2)
scenarios=("${all_scenarios[@]}")
all_servers=(nginx httpd-baseline httpd jwebserver)
chosen_servers=("${all_servers[@]}")
baseline_jar=""
rounds=1
tag=""
usage="use --quick, --duration SECONDS, --scenarios S1,S7,..., --servers nginx,httpd,..., --rounds N, --tls-only, --gzip-only, --baseline JAR, --tag WORD"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) DURATION=4 ;;
    --duration) DURATION=${2:-}; shift ;;
    --scenarios) IFS=, read -r -a scenarios <<< "${2:-}"; shift ;;
    --servers) IFS=, read -r -a chosen_servers <<< "${2:-}"; shift ;;
    --rounds) rounds=${2:-}; shift ;;
    --tls-only) scenarios=(T1 T2 T3) ;;
    --gzip-only) scenarios=(C1 C2) ;;
    --baseline) baseline_jar=$(realpath "$2"); shift ;;
    --tag) tag=${2:-}; shift ;;
    *) echo "bench: unknown argument $1 ($usage)" >&2; exit 2 ;;
  esac
  shift
done
[[ "$DURATION" =~ ^[1-9][0-9]{0,3}$ ]] || { echo "bench: --duration takes 1 to 9999 seconds" >&2; exit 2; }
[[ "$rounds" =~ ^[1-9][0-9]?$ ]] || { echo "bench: --rounds takes 1 to 99" >&2; exit 2; }
[[ "$tag" =~ ^[A-Za-z0-9_-]*$ ]] || { echo "bench: --tag takes letters, digits, - and _" >&2; exit 2; }
for s in "${scenarios[@]}"; do
  [[ " ${all_scenarios[*]} " == *" $s "* ]] || { echo "bench: unknown scenario $s (${all_scenarios[*]})" >&2; exit 2; }
done
for s in "${chosen_servers[@]}"; do
  [[ " ${all_servers[*]} " == *" $s "* ]] || { echo "bench: unknown server $s (${all_servers[*]})" >&2; exit 2; }
done

# selected SCENARIO: whether it is to run; pick SCENARIO...: those of them that are, in that order
selected() { [[ " ${scenarios[*]} " == *" $1 "* ]]; }
pick() {
  local s
  for s in "$@"; do if selected "$s"; then echo "$s"; fi; done
}
chosen() { [[ " ${chosen_servers[*]} " == *" $1 "* ]]; }
mapfile -t keepalive_scenarios < <(pick S1 S2 S3 S4 S5 S6)
mapfile -t tls_scenarios < <(pick T1 T2 T3)
mapfile -t gzip_scenarios < <(pick C1 C2)
plain=""
for s in S1 S2 S3 S4 S5 S6 S7 S7-default S8; do if selected "$s"; then plain=yes; fi; done

# 10,000 connections need 10,000 descriptors in wrk and in the server: raise the soft limit up to the hard one
if selected S7 || selected S7-default; then
  hard_files=$(ulimit -Hn)
  if [ "$hard_files" != unlimited ] && [ "$hard_files" -lt "$S7_FILES" ]; then
    echo "bench: S7 needs an open-file limit of $S7_FILES, but the hard limit (ulimit -Hn) is $hard_files: raise it, or leave S7 out with --scenarios" >&2
    exit 1
  fi
  open_files=65536
  if [ "$hard_files" != unlimited ] && [ "$hard_files" -lt "$open_files" ]; then open_files=$hard_files; fi
  ulimit -n "$open_files"
fi

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

# start_server NAME PORT [MODE]: starts it in the background, sets server_pid (the process whose CPU and RSS
# count). MODE tls: httpd makes its certificate in $work/tls and nginx is given the same one. MODE many (S7):
# each server's cap on connections raised above S7's 10,000 (httpd's --max-connections; nginx's
# worker_connections, per worker, and the descriptors its workers may open).
start_server() {
  local name=$1 port=$2 mode=${3:-}
  local httpd_opts=() nginx_listen="listen 127.0.0.1:$port reuseport;" nginx_files="" nginx_connections=4096
  if [ "$mode" = many ]; then
    httpd_opts=(--max-connections "$S7_HTTPD_CAP")
    nginx_files="worker_rlimit_nofile $open_files;"
    nginx_connections=$S7_FILES
  fi
  if [ "$mode" = tls ]; then
    httpd_opts=(--tls --tls-dir "$work/tls")
    nginx_listen="listen 127.0.0.1:$port ssl reuseport;
    ssl_certificate $work/tls/server.crt;
    ssl_certificate_key $work/tls/server.key;
    ssl_protocols TLSv1.3;"
  fi
  case "$name" in
    httpd)
      java -jar target/httpd.jar --port "$port" --root "$site" "${httpd_opts[@]}" > "$work/httpd-access.log" 2> "$work/httpd-err.log" &
      server_pid=$! ;;
    httpd-baseline)
      java -jar "$baseline_jar" --port "$port" --root "$site" "${httpd_opts[@]}" > "$work/httpd-access.log" 2> "$work/httpd-err.log" &
      server_pid=$! ;;
    nginx)
      mkdir -p "$work/nginx"
      cat > "$work/nginx/nginx.conf" <<CONF
user root;
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
$nginx_files
events { worker_connections $nginx_connections; }
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

# run_wrk LABEL CONNECTIONS PATH [HEADER]: prints "req/s MB/s p99_ms errors requests non-2xx" (over $scheme).
# req/s counts answers, not errors: a 503 (S7-default) is counted under errors, the 404s of S5 are answers.
run_wrk() {
  local connections=$2 path=$3 header=${4:-}
  local out url="$scheme://127.0.0.1:$port$path" bound=$((DURATION + 60))
  if [ -n "$header" ]; then
    out=$(timeout "$bound" wrk -t2 -c"$connections" -d"${DURATION}s" --latency --timeout 5s -H "$header" "$url" 2>&1 || true)
  else
    out=$(timeout "$bound" wrk -t2 -c"$connections" -d"${DURATION}s" --latency --timeout 5s "$url" 2>&1 || true)
  fi
  local rps mbps p99 errors requests non2xx
  rps=$(echo "$out" | sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p')
  mbps=$(echo "$out" | awk '/^Transfer\/sec/{v=$2; if (v ~ /GB/) {sub("GB","",v); v*=1024} else if (v ~ /KB/) {sub("KB","",v); v/=1024} else {sub("MB","",v)}; printf "%.1f", v}')
  p99=$(echo "$out" | awk '$1=="99%"{v=$2; if (v ~ /ms/) {sub("ms","",v)} else if (v ~ /us/) {sub("us","",v); v/=1000} else if (v ~ /s/) {sub("s","",v); v*=1000}; printf "%.2f", v}')
  errors=$(echo "$out" | sed -n 's/.*Socket errors: connect \([0-9]*\), read \([0-9]*\), write \([0-9]*\), timeout \([0-9]*\).*/\1 \2 \3 \4/p' | awk '{print $1+$2+$3+$4}')
  requests=$(echo "$out" | sed -n 's/^ *\([0-9]*\) requests in.*/\1/p')
  non2xx=$(echo "$out" | sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p')
  non2xx=${non2xx:-0}
  if [ "$path" = "/missing" ]; then non2xx=0; fi
  errors=$(( ${errors:-0} + non2xx ))
  if [ "$non2xx" -gt 0 ]; then rps=$(echo "scale=2; ${rps:-0} * (${requests:-0} - $non2xx) / ${requests:-0}" | bc); fi
  echo "${rps:-0} ${mbps:-0} ${p99:-0} ${errors:-0} ${requests:-0} $non2xx"
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

# run_scenarios NAME SCENARIO...: one server, already started on $port, through these scenarios (in $round)
run_scenarios() {
  local name=$1 scenario line rps mbps p99 errors requests non2xx cpu_before cpu_after cpu gib cpu_unit
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
      S7|S7-default) line=$(run_wrk "$scenario" "$S7_CONNECTIONS" /small.html) ;;
      C1) line=$(run_wrk C1 50 /page.html "Accept-Encoding: gzip") ;;
      C2) line=$(run_wrk C2 4 /big.txt "Accept-Encoding: gzip") ;;
    esac
    cpu_after=$(cpu_seconds)
    read -r rps mbps p99 errors requests non2xx <<< "$line"
    cpu=$(echo "scale=6; $cpu_after - $cpu_before" | bc)
    if [ "$scenario" = S4 ] || [ "$scenario" = T2 ] || [ "$scenario" = C2 ]; then
      gib=$(echo "scale=6; $mbps * $DURATION / 1024" | bc)
      cpu_unit=$(echo "scale=3; if ($gib > 0) $cpu / $gib else 0" | bc)" s/GiB"
    else
      cpu_unit=$(echo "scale=1; if ($requests > 0) $cpu * 1000000 / $requests else 0" | bc)" us/req"
    fi
    result[$round,$name,$scenario]="$rps $mbps $p99 $errors $non2xx"
    result[$round,$name,$scenario,cpu]=$cpu_unit
  done
}

stop_server() {
  kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""
}

# warn_logged NAME: the first lines of warnings the server logged (e.g. running out of descriptors)
warn_logged() {
  local log
  case $1 in nginx) log=$work/nginx/error.log ;; httpd*) log=$work/httpd-err.log ;; *) return 0 ;; esac
  if grep -qE 'WARN|ERROR|\[(warn|error|crit|alert|emerg)\]' "$log" 2>/dev/null; then
    echo "bench: $1 logged:" >&2
    grep -E 'WARN|ERROR|\[(warn|error|crit|alert|emerg)\]' "$log" | head -3 >&2
  fi
}

# session NAME MODE RSS_KEY SCENARIO...: start NAME (MODE as for start_server), warm it up, run the scenarios,
# keep its peak RSS in MiB under RSS_KEY (unless empty), stop it
session() {
  local name=$1 mode=$2 rss_key=$3
  shift 3
  port=$(free_port)
  start_server "$name" "$port" "$mode"
  wait_ready "$port" || { echo "bench: $name did not start" >&2; stop_server; return 0; }
  # warm-up (the JIT for the Java servers)
  timeout 30 wrk -t2 -c50 -d3s "http://127.0.0.1:$port/small.html" >/dev/null 2>&1 || true
  run_scenarios "$name" "$@"
  if [ -n "$rss_key" ]; then result[$round,$name,$rss_key]=$(( $(peak_rss_kib) / 1024 )); fi
  if [ "$mode" = many ] || [ "$rss_key" = rss7d ]; then warn_logged "$name"; fi
  stop_server
}

# wire_bytes PATH: what one compressed response weighs on the wire, and whether it decodes to the file
wire_bytes() {
  local path=$1 got
  got=$(curl -s -H 'Accept-Encoding: gzip' -o "$work/wire.gz" -w '%{size_download}' "http://127.0.0.1:$port$path")
  if gunzip -c "$work/wire.gz" 2>/dev/null | cmp -s - "$site$path"; then echo "$got"; else echo "$got (DOES NOT DECODE TO THE FILE)"; fi
}

servers=()
if [ -n "$plain" ]; then
  for name in nginx httpd-baseline httpd jwebserver; do
    chosen "$name" || continue
    case $name in
      httpd-baseline) [ -n "$baseline_jar" ] || continue ;;
      jwebserver) [ -n "$jwebserver_bin" ] || { echo "bench: no JDK 18+ with jwebserver found; skipping it"; continue; } ;;
    esac
    servers+=("$name")
  done
fi
# nginx and httpd only, for HTTPS and compression
pair=()
for name in nginx httpd; do if chosen "$name"; then pair+=("$name"); fi; done
declare -A result
for round in $(seq 1 "$rounds"); do
  scheme=http
  for name in "${servers[@]}"; do
    echo "bench: $name (round $round of $rounds)" >&2
    rss_key=""
    if selected S6; then rss_key=rss; fi
    if [ ${#keepalive_scenarios[@]} -gt 0 ]; then session "$name" "" "$rss_key" "${keepalive_scenarios[@]}"; fi
    if selected S8; then result[$round,$name,S8]=$(startup_ms "$name"); fi
    if selected S7; then session "$name" many rss7 S7; fi
    case $name in httpd*) if selected S7-default; then session "$name" "" rss7d S7-default; fi ;; esac
  done

  # HTTPS: httpd first, since it makes the certificate nginx is then given
  scheme=https
  tls_servers=()
  if [ ${#tls_scenarios[@]} -gt 0 ]; then
    for name in httpd nginx; do if chosen "$name"; then tls_servers+=("$name"); fi; done
  fi
  for name in "${tls_servers[@]}"; do
    echo "bench: $name over TLS (round $round of $rounds)" >&2
    port=$(free_port)
    start_server "$name" "$port" tls
    wait_ready "$port" https || { echo "bench: $name did not start with TLS" >&2; stop_server; continue; }
    timeout 30 wrk -t2 -c50 -d3s "https://127.0.0.1:$port/small.html" >/dev/null 2>&1 || true
    run_scenarios "$name" "${tls_scenarios[@]}"
    stop_server
  done

  # Compression
  scheme=http
  gzip_servers=()
  if [ ${#gzip_scenarios[@]} -gt 0 ]; then gzip_servers=("${pair[@]}"); fi
  for name in "${gzip_servers[@]}"; do
    echo "bench: $name compressing (round $round of $rounds)" >&2
    port=$(free_port)
    start_server "$name" "$port"
    wait_ready "$port" || { echo "bench: $name did not start" >&2; stop_server; continue; }
    timeout 30 wrk -t2 -c50 -d3s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port/page.html" >/dev/null 2>&1 || true
    run_scenarios "$name" "${gzip_scenarios[@]}"
    result[$name,C1,wire]=$(wire_bytes /page.html)
    result[$name,C2,wire]=$(wire_bytes /big.txt)
    stop_server
  done
done

# servers_of SCENARIO: who ran it
servers_of() {
  case $1 in
    T*|C*) printf '%s\n' "${pair[@]}" ;;
    S7-default) for name in "${servers[@]}"; do case $name in httpd*) echo "$name" ;; esac; done ;;
    *) printf '%s\n' "${servers[@]}" ;;
  esac
}

# ratio SCENARIO ROUND NAME: to nginx in the same round (MB/s in S4 and T2, answers per second elsewhere;
# S7-default against nginx's S7)
ratio() {
  local scenario=$1 r=$2 name=$3 nrps nmbps rps mbps against=$1
  [ "$scenario" = S7-default ] && against=S7
  read -r nrps nmbps _ <<< "${result[$r,nginx,$against]:-0 0 0}"
  read -r rps mbps _ <<< "${result[$r,$name,$scenario]:-0 0 0}"
  if [ "$scenario" = S4 ] || [ "$scenario" = T2 ]; then echo "scale=2; if ($nmbps > 0) $mbps / $nmbps else 0" | bc
  else echo "scale=2; if ($nrps > 0) $rps / $nrps else 0" | bc; fi
}

# by_round NAME KEY UNIT: the value of each round, "a, b, c UNIT", or – if none
by_round() {
  local r out="" any=""
  for r in $(seq 1 "$rounds"); do
    out="$out${out:+, }${result[$r,$1,$2]:-–}"
    if [ -n "${result[$r,$1,$2]:-}" ]; then any=yes; fi
  done
  if [ -n "$any" ]; then echo "$out $3"; else echo "–"; fi
}

machine="$(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"
report() {
  local in_turn=""
  [ "$rounds" -gt 1 ] && in_turn="; $rounds rounds, the servers in turn in each"
  echo "# bench/run.sh $(date -u +%Y-%m-%dT%H:%MZ) (${DURATION}s per scenario$in_turn; $machine; wrk -t2 on the same cores)"
  echo
  echo "httpd: the build of $(git describe --always --dirty 2>/dev/null || echo 'this checkout')"
  [ -n "$baseline_jar" ] && echo "httpd-baseline: $baseline_jar"
  echo "scenarios: ${scenarios[*]}"
  echo
  echo "req/s counts answers (a 503 is an error, a 404 in S5 an answer); errors are wrk's socket errors plus non-2xx answers."
  echo
  echo "| scenario | server | req/s | MB/s | p99 ms | errors | server CPU | ratio to nginx |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  local scenario r label name rps mbps p99 errors non2xx shown
  local reported=()
  mapfile -t reported < <(pick S1 S2 S3 S4 S5 S6 S7 S7-default T1 T2 T3 C1 C2)
  for scenario in "${reported[@]}"; do
    for r in $(seq 1 "$rounds"); do
      label=$scenario
      [ "$rounds" -gt 1 ] && label="$scenario r$r"
      while read -r name; do
        [ -n "$name" ] || continue
        read -r rps mbps p99 errors non2xx <<< "${result[$r,$name,$scenario]:-0 0 0 0 0}"
        shown=$errors
        [ "${non2xx:-0}" -gt 0 ] && shown="$errors ($non2xx non-2xx)"
        echo "| $label | $name | $rps | $mbps | $p99 | $shown | ${result[$r,$name,$scenario,cpu]:-} | $(ratio "$scenario" "$r" "$name") |"
      done < <(servers_of "$scenario")
    done
  done
  if [ "$rounds" -gt 1 ]; then
    echo
    echo "| scenario | server | ratio to nginx, by round | median |"
    echo "|---|---|---|---:|"
    local ratios
    for scenario in "${reported[@]}"; do
      while read -r name; do
        [ -n "$name" ] && [ "$name" != nginx ] || continue
        ratios=()
        for r in $(seq 1 "$rounds"); do ratios+=("$(ratio "$scenario" "$r" "$name")"); done
        echo "| $scenario | $name | $(IFS=,; echo "${ratios[*]}" | sed 's/,/, /g') | $(printf '%s\n' "${ratios[@]}" | sort -n | awk '{v[NR]=$1} END {printf "%.2f", NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}') |"
      done < <(servers_of "$scenario")
    done
  fi
  if selected C1 || selected C2; then
    echo
    echo "| server | C1 bytes on the wire (102400 B page) | C2 bytes on the wire (10 MiB file) |"
    echo "|---|---:|---:|"
    for name in "${pair[@]}"; do
      echo "| $name | ${result[$name,C1,wire]:-?} | ${result[$name,C2,wire]:-?} |"
    done
  fi
  selected S6 || selected S7 || selected S7-default || selected S8 || return 0
  echo
  echo "peak RSS: VmHWM of the server's process (nginx: master and workers together), after that scenario; by round."
  echo
  echo "| server | S8 start-up to first 200 (median of 5) | peak RSS after S6 | peak RSS in S7 | peak RSS in S7-default |"
  echo "|---|---:|---:|---:|---:|"
  for name in "${servers[@]}"; do
    echo "| $name | $(by_round "$name" S8 ms) | $(by_round "$name" rss MiB) | $(by_round "$name" rss7 MiB) | $(by_round "$name" rss7d MiB) |"
  done
}
mkdir -p bench/results
suffix=""
if [ -n "$tag" ]; then suffix="-$tag"
elif [ -z "$plain" ] && [ ${#tls_scenarios[@]} -gt 0 ] && [ ${#gzip_scenarios[@]} -eq 0 ]; then suffix="-tls"
elif [ -z "$plain" ] && [ ${#gzip_scenarios[@]} -gt 0 ] && [ ${#tls_scenarios[@]} -eq 0 ]; then suffix="-gzip"; fi
if [ "$DURATION" = 4 ]; then suffix="$suffix-quick"; fi
file="bench/results/$(date -u +%Y-%m-%d-%H%M)-$(hostname -s)$suffix.md"
report | tee "$file"
echo
echo "bench: saved $file"
