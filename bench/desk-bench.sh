#!/usr/bin/env bash
# The desk's figures: the story list's first page and a search with 100,000 stories in article-service's database
# (p95 of the server's answer time, seen from curl on the same machine, so it includes loopback HTTP), a save
# round-trip from a real browser (p95, Playwright driving Debian's chromium against the desk), and the script
# bundle's size gzipped. Prints the figures; nothing is asserted.
#
#   bench/desk-bench.sh [--stories 100000] [--requests 200] [--saves 100]
#
# Needs the platform running (./newsroom up -d; NEWSROOM_PORT_OFFSET is honoured) and psql. The seeded stories are
# drafts in section "bench" with slugs bench-...; remove them with:
#   psql -h 127.0.0.1 -p 5432 -U postgres newsroom -c "DELETE FROM article.article WHERE section = 'bench'"
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OFFSET="${NEWSROOM_PORT_OFFSET:-0}"
ARTICLE="http://127.0.0.1:$((8081 + OFFSET))"
DESK="http://127.0.0.1:$((8084 + OFFSET))"
DB_PORT="${NEWSROOM_DB_PORT:-$((5432 + OFFSET))}"
STORIES=100000 REQUESTS=200 SAVES=100
while [ $# -gt 0 ]; do
  case "$1" in
    --stories) STORIES="$2"; shift 2 ;;
    --requests) REQUESTS="$2"; shift 2 ;;
    --saves) SAVES="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v psql >/dev/null || { echo "psql not found (apt-get install postgresql-client)" >&2; exit 1; }
curl -fsS -o /dev/null "$DESK/q/health/ready" || { echo "the desk is not running on $DESK: ./newsroom up -d" >&2; exit 1; }
PSQL=(psql -q -h 127.0.0.1 -p "$DB_PORT" -U postgres newsroom -v ON_ERROR_STOP=1)

have=$("${PSQL[@]}" -tAc "SELECT count(*) FROM article.article")
if [ "$have" -lt "$STORIES" ]; then
  missing=$((STORIES - have))
  echo "seeding $missing stories (drafts in section bench)..."
  start=$(date +%s)
  "${PSQL[@]}" <<SQL
INSERT INTO article.article (id, version, slug, status, headline, summary, body, section, tags, authors, language,
    related, revision, created_at, updated_at, created_by, updated_by)
SELECT gen_random_uuid(), 1, 'bench-' || n || '-' || md5(random()::text), 'DRAFT',
    'Council ' || (ARRAY['approves','rejects','debates','delays'])[1 + n % 4] || ' plan for '
        || (ARRAY['harbour','tram line','school','bridge','market','library'])[1 + n % 6] || ' ' || n,
    'Story ' || n || ' of the bench: the ' || (ARRAY['mayor','minister','union','port authority'])[1 + n % 4]
        || ' spoke on ' || (ARRAY['Monday','Tuesday','Wednesday','Thursday','Friday'])[1 + n % 5] || '.',
    '<p>' || repeat('The city council met to discuss budgets, transport and housing for the coming year. ', 20)
        || (ARRAY['Fishermen','Teachers','Engineers','Nurses'])[1 + n % 4] || ' were heard.</p>',
    'bench', '["bench"]', '[{"name": "Bench Writer"}]', 'en', '[]', 1,
    now() - (n || ' seconds')::interval, now() - (n || ' seconds')::interval, 'writer', 'writer'
FROM generate_series(1, $missing) AS n;
ANALYZE article.article;
SQL
  echo "seeded in $(( $(date +%s) - start )) s"
fi
total=$("${PSQL[@]}" -tAc "SELECT count(*) FROM article.article")

p95() { # url: REQUESTS timed GETs after 20 warm-ups, prints p50 and p95 in ms
  local url="$1" i
  for i in $(seq 20); do curl -fsS -u editor:editor -o /dev/null "$url"; done
  for i in $(seq "$REQUESTS"); do curl -fsS -u editor:editor -o /dev/null -w '%{time_total}\n' "$url"; done |
    sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d requests)", t[int(NR*0.5)], t[int(NR*0.95)], t[NR], NR }'
}

echo ""
echo "== desk figures, $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $total stories"
echo "story list, first page (20)      $(p95 "$ARTICLE/api/articles?page=0&size=20")"
echo "story list, drafts only          $(p95 "$ARTICLE/api/articles?status=DRAFT&page=0&size=20")"
echo "search 'harbour tram'            $(p95 "$ARTICLE/api/articles?q=harbour%20tram&page=0&size=20")"
echo "search 'nurses' (many hits)      $(p95 "$ARTICLE/api/articles?q=nurses&page=0&size=20")"
bundle="$ROOT/desk-service/target/classes/META-INF/resources/assets/desk.js"
if [ -f "$bundle" ]; then
  echo "script bundle                    $(wc -c <"$bundle") bytes, $(gzip -9 -c "$bundle" | wc -c) bytes gzipped"
fi
echo "save round-trip from the browser ($SAVES saves of a draft, Ctrl+S to 'Saved'):"
(cd "$ROOT" && ./mvnw -B -ntp -o -pl desk-service -am test-compile failsafe:integration-test -Dit.test=DeskSaveBenchmark \
  -Dfailsafe.failIfNoSpecifiedTests=false -Ddesk.url="$DESK" -Darticle.url="$ARTICLE" \
  -Dmedia.url="http://127.0.0.1:$((8082 + OFFSET))" -Dfeed.url="http://127.0.0.1:$((8083 + OFFSET))" \
  -Dbench.saves="$SAVES" 2>&1 | grep -E '^(desk bench|\[ERROR\])' || true)
