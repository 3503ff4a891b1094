#!/usr/bin/env bash
# Start-up time and memory of the services, on the running platform (./newsroom up -d; NEWSROOM_PORT_OFFSET is
# honoured): each service is stopped and started again with ./newsroom start, N times, against the platform's Kafka
# and PostgreSQL. Prints per start the time from the JVM's process start to the first 200 of /q/health/ready, the
# CPU time the process had used by then and its resident memory; per service the median and maximum, and the
# resident memory after it idled. Nothing is asserted.
#
#   bench/startup.sh [--runs 5] [--services article,media,feed,desk] [--idle 20]
#   bench/startup.sh --sample 60 [--services ...]   resident memory of the running services, highest of one sample a
#                                                  second over 60 s (run it while a benchmark drives them)
#
# NEWSROOM_CDS=off NEWSROOM_PORT_OFFSET=... bench/startup.sh measures without the start-up archive. The first start
# of a service without an archive writes one (local-platform/jvm.sh) and is not counted.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OFFSET="${NEWSROOM_PORT_OFFSET:-0}"
DATA="${NEWSROOM_DATA:-$ROOT/.newsroom}"
RUNS=5 IDLE=20 SAMPLE=0 SERVICES=article,media,feed,desk
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --idle) IDLE="$2"; shift 2 ;;
    --sample) SAMPLE="$2"; shift 2 ;;
    --services) SERVICES="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
declare -A PORT=([article]=$((8081 + OFFSET)) [media]=$((8082 + OFFSET)) [feed]=$((8083 + OFFSET)) [desk]=$((8084 + OFFSET)))
TICKS="$(getconf CLK_TCK)"

pid_of() { cat "$DATA/run/$1.pid" 2>/dev/null || true; }
uptime_s() { cut -d' ' -f1 /proc/uptime; }
status_kb() { awk -v key="$2:" '$1 == key {print $2}' "/proc/$1/status"; } # pid, field of /proc/pid/status
mb() { awk -v kb="$1" 'BEGIN {printf "%.0f", kb / 1024}'; }
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
maximum() { sort -n | tail -1; }
machine() {
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
  echo "load average (1/5/15 min) now: $(cut -d' ' -f1-3 /proc/loadavg)"
}

for svc in ${SERVICES//,/ }; do
  [ -n "${PORT[$svc]:-}" ] || { echo "no service named $svc" >&2; exit 2; }
  curl -fsS -o /dev/null "http://127.0.0.1:${PORT[$svc]}/q/health/ready" \
    || { echo "$svc-service is not ready on :${PORT[$svc]}: start the platform first (./newsroom up -d)" >&2; exit 1; }
done

if [ "$SAMPLE" -gt 0 ]; then
  declare -A PEAK=()
  for ((second = 0; second < SAMPLE; second++)); do
    for svc in ${SERVICES//,/ }; do
      rss="$(status_kb "$(pid_of "$svc")" VmRSS)"
      [ "${rss:-0}" -le "${PEAK[$svc]:-0}" ] || PEAK[$svc]="$rss"
    done
    sleep 1
  done
  for svc in ${SERVICES//,/ }; do
    printf '%-16s highest resident memory over %d s: %s MB\n' "$svc-service" "$SAMPLE" "$(mb "${PEAK[$svc]:-0}")"
  done
  echo "load average (1/5/15 min) at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi

# One start: stops the service, starts it with ./newsroom start and prints "seconds-to-ready cpu-seconds rss-kB".
start_once() { # svc
  local svc="$1" old pid="" ready_at cpu rss
  "$ROOT/newsroom" stop "$svc" >/dev/null
  old="$(pid_of "$svc")"
  "$ROOT/newsroom" start "$svc" >"$DATA/logs/startup-bench.log" 2>&1 &
  local starter=$!
  until [ -n "$pid" ]; do
    pid="$(pid_of "$svc")"; [ "$pid" != "$old" ] || pid=""
    kill -0 "$starter" 2>/dev/null || [ -n "$pid" ] || { cat "$DATA/logs/startup-bench.log" >&2; return 1; }
    sleep 0.01
  done
  until curl -fsS -o /dev/null "http://127.0.0.1:${PORT[$svc]}/q/health/ready" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$DATA/logs/startup-bench.log" >&2; return 1; }
    sleep 0.02
  done
  ready_at="$(uptime_s)"
  # fields 14, 15 and 22 of /proc/pid/stat (the command name in field 2 has no spaces: "java")
  read -r cpu started < <(awk -v t="$TICKS" '{print ($14 + $15) / t, $22 / t}' "/proc/$pid/stat")
  rss="$(status_kb "$pid" VmRSS)"
  wait "$starter" || { cat "$DATA/logs/startup-bench.log" >&2; return 1; }
  awk -v r="$ready_at" -v s="$started" -v c="$cpu" -v m="$rss" 'BEGIN {printf "%.2f %.2f %d\n", r - s, c, m}'
}

echo "=== start-up: ./newsroom start, $RUNS times per service, time from process start to /q/health/ready UP ==="
machine
echo "start-up archive: ${NEWSROOM_CDS:-on}"
for svc in ${SERVICES//,/ }; do
  if [ "${NEWSROOM_CDS:-on}" != off ] && [ ! -f "$DATA/cds/$svc.jsa" ]; then
    echo "$svc-service: first start of this build, writing its start-up archive (not counted)"
    start_once "$svc" >/dev/null
  fi
  results=()
  for ((run = 1; run <= RUNS; run++)); do
    line="$(start_once "$svc")"
    results+=("$line")
    read -r t c m <<<"$line"
    printf '  %-16s run %d: ready %5.2f s   cpu %5.2f s   resident %4d MB   (load %s)\n' \
      "$svc-service" "$run" "$t" "$c" "$(mb "$m")" "$(cut -d' ' -f1 /proc/loadavg)"
  done
  sleep "$IDLE"
  pid="$(pid_of "$svc")"
  printf '%-16s ready median %.2f s, max %.2f s; cpu median %.2f s; resident at ready %s MB, after %d s idle %s MB (%s MB private, %s MB file-backed)\n' \
    "$svc-service" \
    "$(printf '%s\n' "${results[@]}" | cut -d' ' -f1 | median)" "$(printf '%s\n' "${results[@]}" | cut -d' ' -f1 | maximum)" \
    "$(printf '%s\n' "${results[@]}" | cut -d' ' -f2 | median)" "$(mb "$(printf '%s\n' "${results[@]}" | cut -d' ' -f3 | median)")" \
    "$IDLE" "$(mb "$(status_kb "$pid" VmRSS)")" "$(mb "$(status_kb "$pid" RssAnon)")" "$(mb "$(status_kb "$pid" RssFile)")"
done
echo "load average (1/5/15 min) at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
