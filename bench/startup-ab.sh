#!/usr/bin/env bash
# Start-up A/B: time from launching `java -jar JAR --port 0 DIR` to its first 200, for two jars taken in
# turns (A B, then B A, ...), and the median of each. Everything on 127.0.0.1; every wait is bounded.
#
#   bench/startup-ab.sh A.jar B.jar [RUNS]     RUNS per jar, default 15
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 A.jar B.jar [RUNS]" >&2; exit 2; }
jar_a=$(realpath "$1")
jar_b=$(realpath "$2")
runs=${3:-15}

work=$(mktemp -d)
mkdir -p "$work/site"
head -c 1024 /dev/zero | tr '\0' 'x' > "$work/site/small.html"
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# one_start JAR: prints the milliseconds from launch to the first 200 (or "fail")
one_start() {
  local jar=$1 t0 t1 port="" i
  : > "$work/out"
  t0=$(date +%s%N)
  java -jar "$jar" --port 0 "$work/site" > "$work/out" 2> "$work/err" &
  pid=$!
  # --port 0: the port is in the banner's URL, the first line on standard output
  for i in $(seq 1 5000); do
    port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/out" | head -n 1)
    [ -n "$port" ] && break
    sleep 0.001
  done
  local result=fail
  if [ -n "$port" ]; then
    for i in $(seq 1 5000); do
      if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/small.html" 2>/dev/null)" = 200 ]; then
        t1=$(date +%s%N)
        result=$(( (t1 - t0) / 1000000 ))
        break
      fi
      sleep 0.001
    done
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
  echo "$result"
}

median() { sort -n | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

a=() b=()
for i in $(seq 1 "$runs"); do
  if [ $((i % 2)) = 1 ]; then a+=("$(one_start "$jar_a")"); b+=("$(one_start "$jar_b")")
  else b+=("$(one_start "$jar_b")"); a+=("$(one_start "$jar_a")"); fi
done
echo "A $jar_a: ${a[*]}"
echo "B $jar_b: ${b[*]}"
echo "median A: $(printf '%s\n' "${a[@]}" | grep -v fail | median) ms, B: $(printf '%s\n' "${b[@]}" | grep -v fail | median) ms"
