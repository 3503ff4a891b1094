#!/usr/bin/env bash
# Article creates per second and their latency at a constant rate, against the running platform.
#   bench/article-creates.sh [--rate 1000] [--duration 60] [--warmup 20] [--url http://localhost:8081]
# Starts the platform with ./newsroom up -d when it is not running, and stops it again at the end in that case
# only. The drafts it creates stay, in section "bench". Output also goes to bench/target/article-creates-<time>.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DATA="${NEWSROOM_DATA:-$ROOT/.newsroom}"

# The generator is in the bench module; -am builds it against this clone's modules, never a copy in ~/.m2.
./mvnw -q -pl bench -am package -DskipTests
bench_java() { java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" "$@"; }

started=0
if ! curl -fsS -o /dev/null http://127.0.0.1:8081/q/health/ready 2>/dev/null; then
  ./newsroom up -d
  started=1
fi
stop() { if [ "$started" = 1 ]; then ./newsroom down; fi; }
trap stop EXIT

service_pid="$(cat "$DATA/run/article.pid" 2>/dev/null || true)"
db_pid="$(head -n 1 "$DATA/postgres/cluster/postmaster.pid" 2>/dev/null || true)"
mkdir -p bench/target
out="bench/target/article-creates-$(date +%Y%m%d-%H%M%S).txt"
{
  echo "$(date -Is)  load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  bench_java -Xmx512m -XX:+UseSerialGC dev.newsroom.bench.ArticleCreates \
    --service-pid "$service_pid" --db-parent "$db_pid" "$@"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee "$out"
