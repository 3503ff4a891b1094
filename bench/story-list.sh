#!/usr/bin/env bash
# The story list and its search with 100,000 stories in the database (target: <= 100 ms p95 for each).
#   bench/story-list.sh [--stories 100000] [--requests 300] [--warmup 100] [--keep]
# Uses the running platform (NEWSROOM_PORT_OFFSET is honoured), started with ./newsroom up -d when it is not running
# and then stopped again. Seeds the stories with COPY into article-service's schema (bench/story-list/StorySeed.java
# writes them; each gets its first revision too), prints
# the query plans of the list's SQL, measures (StoryList in the bench module), and removes the seeded stories
# afterwards unless --keep (a later run reuses kept stories). Output also goes to bench/target/story-list-<time>.txt. Needs psql and a JDK.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OFFSET="${NEWSROOM_PORT_OFFSET:-0}"
URL="http://127.0.0.1:$((8081 + OFFSET))"
DB_PORT="${NEWSROOM_DB_PORT:-$((5432 + OFFSET))}"
DATA="${NEWSROOM_DATA:-$ROOT/.newsroom}"
STORIES=100000
KEEP=0
MEASURE_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --stories) STORIES="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --requests|--warmup) MEASURE_ARGS+=("$1" "$2"); shift 2 ;;
    *) sed -n '2,7p' "$0"; exit 2 ;;
  esac
done
command -v psql >/dev/null || { echo "psql not found: apt-get install -y postgresql-client" >&2; exit 1; }
sql() { psql -X -q -h 127.0.0.1 -p "$DB_PORT" -U postgres -d newsroom -v ON_ERROR_STOP=1 "$@"; }

# The measuring client is in the bench module; -am builds it against this clone's modules, never a copy in ~/.m2.
./mvnw -q -pl bench -am package -DskipTests
bench_java() { java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" "$@"; }

started=0
if ! curl -fsS -o /dev/null "$URL/q/health/ready" 2>/dev/null; then
  ./newsroom up -d
  started=1
fi
finish() {
  if [ "$KEEP" = 0 ]; then
    echo "removing the seeded stories..."
    sql -c "DELETE FROM article.article WHERE slug LIKE 'bench-list-%'" || true
  fi
  if [ "$started" = 1 ]; then ./newsroom down; fi
}
trap finish EXIT

mkdir -p bench/target
out="bench/target/story-list-$(date +%Y%m%d-%H%M%S).txt"
{
  echo "$(date -Is)  machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  seeded="$(sql -At -c "SELECT count(*) FROM article.article WHERE slug LIKE 'bench-list-%'")"
  if [ "$seeded" = "$STORIES" ]; then
    echo "reusing the $STORIES stories a run with --keep left"
  else
    sql -c "DELETE FROM article.article WHERE slug LIKE 'bench-list-%'"
    start=$(date +%s)
    java -Xmx256m bench/story-list/StorySeed.java --stories "$STORIES" | sql -c "COPY article.article (id, version,
      slug, status, headline, summary, body, section, tags, authors, language, related, unpublish_reason, revision,
      created_at, updated_at, published_at, first_published_at, scheduled_at, created_by, updated_by) FROM STDIN"
    sql -c "INSERT INTO article.article_revision (article_id, revision, saved_by, saved_at, action, content)
      SELECT id, 1, updated_by, updated_at, 'created', jsonb_build_object('slug', slug, 'headline', headline,
        'summary', summary, 'body', body, 'section', section, 'tags', tags, 'authors', authors, 'language', language,
        'leadImage', NULL, 'related', related, 'correction', NULL, 'embargoUntil', NULL, 'status', status)
      FROM article.article WHERE slug LIKE 'bench-list-%'"
    sql -c "VACUUM ANALYZE article.article" -c "VACUUM ANALYZE article.article_revision"
    echo "seeded $STORIES stories in $(( $(date +%s) - start )) s"
  fi
  # as autovacuum would have by now: statistics, and the visibility map index-only scans need
  sql -c "VACUUM ANALYZE article.article"
  echo "$(sql -At -c "SELECT count(*) FROM article.article") stories in the table," \
    "$(sql -At -c "SELECT pg_size_pretty(pg_total_relation_size('article.article'))") with indexes and TOAST"

  echo; echo "=== query plans (the SQL ArticleRepository sends, with the page's limit) ==="
  search_sql() { # words: the union ArticleRepository builds for a search, one branch per reading of the query
    sql -At -c "SET search_path = article" -c "SELECT 'SELECT id, count(*) OVER () FROM (' || string_agg(format(
        'SELECT a.id, a.updated_at, ts_rank(a.rank_vector, %L::tsquery) AS rank FROM article a'
        ' WHERE a.search_vector @@ %L::tsquery AND a.search_config IN (%s)', terms, terms, configs), ' UNION ALL ')
        || ') matches ORDER BY rank DESC, updated_at DESC, id DESC LIMIT 20 OFFSET 0'
      FROM (SELECT cast(terms AS text) AS terms, string_agg(quote_literal(config), ', ') AS configs
        FROM (SELECT config, websearch_to_tsquery(cast(config AS regconfig), '$1') AS terms
          FROM unnest(text_search_configs()) AS config) readings WHERE numnode(terms) > 0 GROUP BY 1) grouped"
  }
  for query in \
    "SELECT a.id FROM article a ORDER BY a.updated_at DESC, a.id DESC LIMIT 20 OFFSET 0" \
    "SELECT a.id FROM article a WHERE a.status = 'PUBLISHED' ORDER BY a.updated_at DESC, a.id DESC LIMIT 20 OFFSET 0" \
    "SELECT a.id FROM article a WHERE a.status = 'DRAFT' AND a.section = 'economy' ORDER BY a.updated_at DESC, a.id DESC LIMIT 20 OFFSET 0" \
    "SELECT a.id FROM article a WHERE author_names(a.authors) @> array[lower('Ana Ruiz')] ORDER BY a.updated_at DESC, a.id DESC LIMIT 20 OFFSET 0" \
    "SELECT count(*) FROM article a" \
    "SELECT count(*) FROM article a WHERE a.status = 'PUBLISHED'" \
    "$(search_sql harbour)" "$(search_sql council)"; do
    echo "--- $(tr -s ' \n' ' ' <<<"$query")"
    sql -c "SET search_path = article" -c "EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) $query" | grep -v '^ *QUERY PLAN\|^-*$\|^(.* rows)$'
  done

  echo; echo "=== latency ==="
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  bench_java -Xmx256m -XX:+UseSerialGC dev.newsroom.bench.StoryList --url "$URL" "${MEASURE_ARGS[@]}" \
    --service-pid "$(cat "$DATA/run/article.pid" 2>/dev/null || true)" \
    --db-parent "$(head -n 1 "$DATA/postgres/cluster/postmaster.pid" 2>/dev/null || true)"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee "$out"
