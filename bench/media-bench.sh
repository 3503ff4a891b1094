#!/usr/bin/env bash
# Benchmark of media-service; prints its figures:
#   - resident memory (VmRSS) of the service while a corpus of decompression bombs and lies is thrown at it
#     from many clients at once (target: growth <= 100 MB);
#   - time to accept a 24 Mpx image and make its renditions, end to end over HTTP, per encoding (JPEG baseline,
#     progressive, CMYK and YCCK with an ICC v4 profile, PNG, GIF, and WebP when cwebp is installed), with the
#     service's heap in use sampled by jstat (target: <= 1.5 s each);
#   - uploads per second with a newsroom-like mix (24, 12 and 2 Mpx JPEGs, PNG graphics, GIF);
#   - memory while several legal but dear images (36 Mpx 16-bit PNGs) arrive at once.
#
#   bench/media-bench.sh [--target own|platform] [--bombs 2000] [--bomb-clients 16] [--runs 10]
#                        [--duration 20] [--clients 4] [--heavy 4] [--app DIR] [--only all|latency]
#
# --only latency: only the per-encoding latencies (about 3 minutes), not the bombs, throughput and dear images.
#
# NEWSROOM_PORT_OFFSET=<n> moves every port used here by n, as it does for ./newsroom.
# --target own (default): a media-service of its own on :8092, started from a copy of
#   media-service/target/quarkus-app (or --app DIR) the way ./newsroom runs it (-Xmx1g, SerialGC, profile local),
#   with its own database (newsroom_media_bench), image directory and topic (bench.<time>.media), using the
#   platform's Kafka and PostgreSQL; it is stopped and cleaned up at the end, so the platform's data stays as it was.
# --target platform: the platform's media-service on :8082 (pid from .newsroom/run/media.pid); the benchmark's
#   assets and events stay in the platform's data.
# If the platform is not running, this script starts it (./newsroom up -d) and stops it again at the end.
# Results are also written to bench/target/media-results-<time>.txt.
set -euo pipefail

case "${1:-}" in -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;; esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$ROOT/bench/target/media-work"
RUN_ID="$(date +%s)"
OFFSET="${NEWSROOM_PORT_OFFSET:-0}" # moves every port by this much, as for ./newsroom
PG_PORT=$((5432 + OFFSET))
KAFKA="127.0.0.1:$((9092 + OFFSET))"
BENCH_PORT=$((8092 + OFFSET))
BENCH_DB=newsroom_media_bench
STARTED_PLATFORM=0
BENCH_PID=""

say() { printf '%s\n' "$*"; }
fail() { printf 'media-bench: %s\n' "$*" >&2; exit 1; }

opt() { # name default args...: the value after --name in args, or the default
  local name="$1" default="$2"; shift 2
  while [ $# -gt 0 ]; do
    if [ "$1" = "--$name" ] && [ $# -gt 1 ]; then printf '%s' "$2"; return; fi
    shift
  done
  printf '%s' "$default"
}

cleanup() {
  set +e
  if [ -n "$BENCH_PID" ] && kill -0 "$BENCH_PID" 2>/dev/null; then
    kill "$BENCH_PID"; wait "$BENCH_PID" 2>/dev/null
  fi
  if [ "$TARGET" = own ]; then
    psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d newsroom -c "DROP DATABASE IF EXISTS $BENCH_DB" >/dev/null 2>&1
    rm -rf "$WORK/files" "$WORK/app"
  fi
  if [ "$STARTED_PLATFORM" = 1 ]; then say "stopping the platform this script started"; "$ROOT/newsroom" down; fi
}

platform_up() {
  if "$ROOT/newsroom" status | grep -E '^(kafka|postgres) ' | grep -vq running; then
    if "$ROOT/newsroom" status | grep -E '^(kafka|postgres|media-service) ' | grep -q running; then
      fail "the platform runs only in part (see ./newsroom status); start it whole with ./newsroom up -d"
    fi
    say "the platform is not running: starting it (./newsroom up -d); it is stopped again at the end"
    "$ROOT/newsroom" up -d
    STARTED_PLATFORM=1
  fi
}

own_instance() {
  local app="$1"
  [ -f "$app/quarkus-run.jar" ] \
    || fail "media-service is not packaged: ./mvnw -q -pl media-service package -DskipTests (or ./newsroom up --build)"
  command -v psql >/dev/null || fail "psql not found: apt-get install -y postgresql-client"
  psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d newsroom -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $BENCH_DB" >/dev/null
  psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d newsroom -v ON_ERROR_STOP=1 -c "CREATE DATABASE $BENCH_DB" >/dev/null
  rm -rf "$WORK/app" "$WORK/files"; mkdir -p "$WORK/files"
  # a copy, so that rebuilding media-service meanwhile cannot pull jars from under the running instance
  cp -r "$app" "$WORK/app"
  QUARKUS_PROFILE=local QUARKUS_HTTP_PORT=$BENCH_PORT \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$BENCH_DB" \
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= \
  KAFKA_BOOTSTRAP_SERVERS="$KAFKA" MP_MESSAGING_OUTGOING_OUTBOX_TOPIC="$TOPIC" \
  NEWSROOM_MEDIA_DIRECTORY="$WORK/files" NEWSROOM_MEDIA_PUBLIC_URL="http://127.0.0.1:$BENCH_PORT" \
    java -Xmx1g -XX:+UseSerialGC -jar "$WORK/app/quarkus-run.jar" >"$WORK/media-bench.log" 2>&1 &
  BENCH_PID=$!
  local deadline=$(( $(date +%s) + 180 ))
  until curl -fsS -o /dev/null "http://127.0.0.1:$BENCH_PORT/q/health/ready" 2>/dev/null; do
    kill -0 "$BENCH_PID" 2>/dev/null || { tail -20 "$WORK/media-bench.log"; fail "the bench media-service exited"; }
    [ "$(date +%s)" -lt "$deadline" ] || fail "the bench media-service is not ready after 180 s: $WORK/media-bench.log"
    sleep 0.3
  done
  say "bench media-service ready on :$BENCH_PORT from $app (-Xmx1g SerialGC as ./newsroom runs it; database $BENCH_DB, topic $TOPIC)"
}

TARGET="$(opt target own "$@")"
TOPIC="bench.$RUN_ID.media"
trap cleanup EXIT
mkdir -p "$WORK"
platform_up
# The benchmark is in the bench module (dev.newsroom.bench.media.MediaBench, sharing the load generators' image
# writers and /proc readers); -am builds it against this clone's modules, never a copy in ~/.m2.
(cd "$ROOT" && ./mvnw -q -pl bench -am package -DskipTests) || fail "building bench/ failed"
BENCH_JAR="$(find "$ROOT/bench/target" -maxdepth 1 -name 'bench-*.jar' ! -name '*-sources.jar' -print -quit)"
BENCH_CLASSPATH="$BENCH_JAR:$(cat "$ROOT/bench/target/classpath.txt")"

case "$TARGET" in
  own)
    own_instance "$(opt app "$ROOT/media-service/target/quarkus-app" "$@")"
    URL="http://127.0.0.1:$BENCH_PORT"; PID="$BENCH_PID"; TOPIC_ARGS=(--create-topic "$TOPIC") ;;
  platform)
    URL="http://127.0.0.1:$((8082 + OFFSET))"; PID="$(cat "$ROOT/.newsroom/run/media.pid" 2>/dev/null || true)"; TOPIC_ARGS=()
    [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null || fail "the platform's media-service is not running (./newsroom status)" ;;
  *) fail "--target is own or platform, not $TARGET" ;;
esac

# The CMYK test images carry the ICC v4 CMYK profile of a test fixture (Ghostscript's ps_cmyk.icc); WebP needs cwebp
# (Debian package webp), which this script does not install: without it WebP is left out.
PROFILE_SOURCE="$ROOT/media-service/src/test/resources/images/cmyk-icc.jpg"

say "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $(java -version 2>&1 | head -1)"
RESULTS="$ROOT/bench/target/media-results-$RUN_ID.txt"
java -cp "$BENCH_CLASSPATH" dev.newsroom.bench.media.MediaBench \
  --url "$URL" --pid "$PID" --work "$WORK" --bootstrap "$KAFKA" "${TOPIC_ARGS[@]}" --cmyk-profile "$PROFILE_SOURCE" \
  --only "$(opt only all "$@")" \
  --bombs "$(opt bombs 2000 "$@")" --bomb-clients "$(opt bomb-clients 16 "$@")" --runs "$(opt runs 10 "$@")" \
  --duration "$(opt duration 20 "$@")" --clients "$(opt clients 4 "$@")" --heavy "$(opt heavy 4 "$@")" \
  | tee "$RESULTS"
say "results written to $RESULTS"
