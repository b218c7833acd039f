#!/usr/bin/env bash
# The speed benchmark: Mitdenken (release build, SQLite) beside an nginx that serves the very
# same rendered bytes from files, measured with wrk in one run; then support POSTs from 16
# logged-in people with the count check; then memory and start-up time. Prints one Markdown
# table. A benchmark, not a test: CI does not run it.
#
#   bash bench/run.sh                  # 100,000 ideas (seeded once, about 20 s), 10 s per row
#   BENCH_IDEAS=10000 BENCH_SECONDS=5 bash bench/run.sh
#
# Settings: BENCH_IDEAS (100000), BENCH_SECONDS per measurement (10), BENCH_CONNECTIONS (16),
# BENCH_DB (reused between runs; default /tmp/mitdenken-bench-<ideas>.db), BENCH_PORT (18080;
# nginx gets the next port), BENCH_ONLY (pages or supports: only that part), BENCH_PERF (a file:
# `perf record -g` of the server while the supports run, for `perf report -i FILE`), BENCH_BIN
# (a binary to measure instead of building this checkout's, e.g. an older build to compare).
set -euo pipefail
cd "$(dirname "$0")/.."

IDEAS="${BENCH_IDEAS:-100000}"
SECONDS_EACH="${BENCH_SECONDS:-10}"
CONNS="${BENCH_CONNECTIONS:-16}"
DB="${BENCH_DB:-/tmp/mitdenken-bench-$IDEAS.db}"
PORT="${BENCH_PORT:-18080}"
ONLY="${BENCH_ONLY:-}"
NGINX_PORT=$((PORT + 1))
WORK="$(mktemp -d /tmp/mitdenken-bench.XXXXXX)"
BIN="${BENCH_BIN:-$PWD/target/release/mitdenken}"
export DATABASE_URL="sqlite://$DB"

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v sqlite3 >/dev/null || need+=(sqlite3)
command -v curl >/dev/null || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} from Debian's packages ..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

if [ -z "${BENCH_BIN:-}" ]; then
  echo "Building the release binary ..." >&2
  cargo build --release -q
fi

# A wrk duration ("850.00us", "1.20ms", "2.00s") in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n = n * 1000
    printf "%.2f", n
  }'
}

SERVER_PID=""
NGINX_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# Start the server; STARTUP_MS: the milliseconds until /healthz answers. (Not called in a
# subshell: SERVER_PID must reach the cleanup.)
start_server() {
  local t0 t1
  if curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; then
    echo "port $PORT is taken by another server; set BENCH_PORT" >&2
    exit 1
  fi
  t0=$(date +%s%N)
  MITDENKEN_BIND="127.0.0.1:$PORT" MITDENKEN_AUTH_RATE_LIMIT=100000 RUST_LOG=warn \
    "$BIN" serve >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  until curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; do
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.005
  done
  t1=$(date +%s%N)
  STARTUP_MS=$(((t1 - t0) / 1000000))
}

stop_server() {
  kill "$SERVER_PID" && wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

if [ ! -f "$DB" ]; then
  echo "Seeding $IDEAS ideas into $DB ..." >&2
  start_server
  stop_server
  s0=$(date +%s)
  "$BIN" seed-demo --ideas "$IDEAS" >/dev/null
  echo "  seeded in $(($(date +%s) - s0)) s" >&2
fi

# Migrations of a reused database run here, so the start-up below is the everyday one.
m0=$(date +%s%N)
"$BIN" migrate >/dev/null
MIGRATE_MS=$((($(date +%s%N) - m0) / 1000000))
start_server
URL="http://127.0.0.1:$PORT"
THEME="$(sqlite3 "$DB" "SELECT t.slug FROM themes t ORDER BY t.idea_count DESC LIMIT 1")"
IDEA="$(sqlite3 "$DB" "SELECT id FROM ideas WHERE listed = 1 ORDER BY id LIMIT 1 OFFSET $((IDEAS / 2))")"
FIRST_MS=$(curl -s -o /dev/null -w '%{time_total}' "$URL/themes/$THEME?sort=trend" | awk '{printf "%.1f", $1 * 1000}')

# The pages, and the very same bytes as files for nginx.
if [ "$ONLY" != supports ]; then
PAGES=(
  "/"
  "/themes/$THEME"
  "/themes/$THEME?sort=unterstuetzung"
  "/themes/$THEME?sort=diskutiert"
  "/themes/$THEME?sort=trend"
  "/themes/$THEME?status=submitted"
  "/themes/$THEME?page=500"
  "/ideas/$IDEA"
)
mkdir -p "$WORK/www"
# nginx's workers run as an unprivileged user: they must be able to read the files.
chmod 755 "$WORK" "$WORK/www"
for i in "${!PAGES[@]}"; do
  curl -fs "$URL${PAGES[$i]}" -o "$WORK/www/p$i.html"
done
cat >"$WORK/nginx.conf" <<EOF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
  }
}
EOF
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" &
NGINX_PID=$!
sleep 0.3

# wrk's figures: requests per second, p50 and p99 latency (in ms).
measure() {
  local out rps p50 p99
  out=$(wrk -t2 -c"$CONNS" -d"${SECONDS_EACH}s" --latency "$1")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  if grep -q "Non-2xx" <<<"$out"; then
    echo "non-2xx answers for $1: $(grep Non-2xx <<<"$out")" >&2
    tail -n 3 "$WORK/nginx-error.log" >&2 2>/dev/null || true
  fi
  echo "$rps $(to_ms "$p50") $(to_ms "$p99")"
}


echo
echo "| Seite | Mitdenken req/s | p50 ms | p99 ms | nginx req/s | p50 ms | p99 ms | Anteil |"
echo "|---|---|---|---|---|---|---|---|"
for i in "${!PAGES[@]}"; do
  read -r m_rps m_p50 m_p99 <<<"$(measure "$URL${PAGES[$i]}")"
  read -r n_rps n_p50 n_p99 <<<"$(measure "http://127.0.0.1:$NGINX_PORT/p$i.html")"
  ratio=$(awk -v a="$m_rps" -v b="$n_rps" 'BEGIN { printf "%.0f %%", 100 * a / b }')
  printf '| `%s` (%s KB) | %.0f | %s | %s | %.0f | %s | %s | %s |\n' "${PAGES[$i]}" \
    "$(awk -v s="$(stat -c %s "$WORK/www/p$i.html")" 'BEGIN { printf "%.1f", s / 1024 }')" \
    "$m_rps" "$m_p50" "$m_p99" "$n_rps" "$n_p50" "$n_p99" "$ratio"
done
fi
if [ "$ONLY" = pages ]; then exit 0; fi

# Support POSTs: 16 fresh people, each on ideas of its own, through wrk's Lua hooks.
RUN_ID=$(date +%s)
: >"$WORK/people.txt"
for n in $(seq 1 "$CONNS"); do
  email="bench-$RUN_ID-$n@example.org"
  MITDENKEN_PASSWORD="Bench-Passwort-2026" "$BIN" create-user --email "$email" \
    --name "Bench $RUN_ID $n" --role participant >/dev/null
  jar="$WORK/jar$n"
  token=$(curl -s -c "$jar" -b "$jar" "$URL/login" | grep -o 'name="csrf" value="[^"]*"' | sed -n 1p | cut -d'"' -f4)
  curl -s -c "$jar" -b "$jar" -o /dev/null -d "csrf=$token" --data-urlencode "email=$email" \
    --data-urlencode "password=Bench-Passwort-2026" "$URL/login"
  token=$(curl -s -c "$jar" -b "$jar" "$URL/ideas/$IDEA" | grep -o 'name="csrf" value="[^"]*"' | sed -n 1p | cut -d'"' -f4)
  cookie=$(awk '$6 == "mitdenken_sitzung" {print $7}' "$jar")
  echo "$cookie $token" >>"$WORK/people.txt"
done
LISTED_FROM=$(sqlite3 "$DB" "SELECT MIN(id) FROM ideas")
# wrk runs 2 threads (as for the pages); each thread takes turns among its people, and every
# person supports ideas of its own, one after the other. Then the same people withdraw those
# supports again (each person's ideas from counts.txt, from the first on, round and round).
THREADS=2
cat >"$WORK/support.lua" <<EOF
local action = os.getenv("BENCH_ACTION")
local people = {}
for line in io.lines("$WORK/people.txt") do
  local cookie, token = line:match("(%S+) (%S+)")
  table.insert(people, {cookie = cookie, token = token})
end
local counts = {}
if action == "unsupport" then
  for line in io.lines("$WORK/counts.txt") do table.insert(counts, tonumber(line)) end
end
local counter = 1
function setup(thread)
  thread:set("n", counter)
  counter = counter + 1
end
function init(args)
  mine = {}
  for i = n, #people, $THREADS do
    local first = $LISTED_FROM + (i - 1) * math.floor($IDEAS / $CONNS)
    table.insert(mine, {cookie = people[i].cookie, token = people[i].token,
      first = first, next_idea = first, count = counts[i] or 0})
  end
  turn = 0
end
function request()
  turn = turn % #mine + 1
  local me = mine[turn]
  local path = "/ideas/" .. me.next_idea .. "/" .. action
  me.next_idea = me.next_idea + 1
  if action == "unsupport" and me.next_idea >= me.first + me.count then
    me.next_idea = me.first
  end
  return wrk.format("POST", path, {
    ["Cookie"] = "mitdenken_sitzung=" .. me.cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, "csrf=" .. me.token)
end
EOF
PERF_PID=""
if [ -n "${BENCH_PERF:-}" ]; then
  perf record -g -o "$BENCH_PERF" -p "$SERVER_PID" 2>/dev/null &
  PERF_PID=$!
fi
post_out=$(BENCH_ACTION=support wrk -t"$THREADS" -c"$CONNS" -d"${SECONDS_EACH}s" --latency -s "$WORK/support.lua" "$URL")
if [ -n "$PERF_PID" ]; then kill -INT "$PERF_PID"; wait "$PERF_PID" || true; fi
# wrk's figures for a POST run: req/s, p99 and max latency in ms, and the non-2xx/3xx answers.
post_figures() {
  echo "$(awk '/Requests\/sec/ {print $2}' <<<"$1")" \
    "$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$1")")" \
    "$(to_ms "$(awk '$1 == "Latency" {print $4}' <<<"$1")")" \
    "$(awk '/Non-2xx/ {print $5}' <<<"$1")"
}
read -r post_rps post_p99 post_max post_bad <<<"$(post_figures "$post_out")"
BENCH_PEOPLE="SELECT u.id FROM users u WHERE u.email LIKE 'bench-$RUN_ID-%'"
made=$(sqlite3 "$DB" "SELECT COUNT(*) FROM supports WHERE user_id IN ($BENCH_PEOPLE)")
for n in $(seq 1 "$CONNS"); do
  sqlite3 "$DB" "SELECT COUNT(*) FROM supports s JOIN users u ON u.id = s.user_id WHERE u.email = 'bench-$RUN_ID-$n@example.org'"
done >"$WORK/counts.txt"
wrong_after_supports=$(sqlite3 "$DB" "SELECT COUNT(*) FROM ideas i WHERE i.support_count <> (SELECT COUNT(*) FROM supports s WHERE s.idea_id = i.id)")
out=$(BENCH_ACTION=unsupport wrk -t"$THREADS" -c"$CONNS" -d"${SECONDS_EACH}s" --latency -s "$WORK/support.lua" "$URL")
read -r un_rps un_p99 un_max un_bad <<<"$(post_figures "$out")"
left=$(sqlite3 "$DB" "SELECT COUNT(*) FROM supports WHERE user_id IN ($BENCH_PEOPLE)")
wrong=$(sqlite3 "$DB" "SELECT COUNT(*) FROM ideas i WHERE i.support_count <> (SELECT COUNT(*) FROM supports s WHERE s.idea_id = i.id)")
wrong_trend=$(sqlite3 "$DB" "SELECT COUNT(*) FROM ideas i WHERE i.trend_count <> (SELECT COUNT(*) FROM supports s WHERE s.idea_id = i.id AND s.created_at >= (SELECT cutoff FROM trend_state))")
RSS_NOW=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status")
RSS_PEAK=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status")

echo
echo "| Schreiben | Wert |"
echo "|---|---|"
printf '| Unterstützen (POST, %s Personen, je eigene Ideen) | %.0f/s, p99 %s ms, max %s ms |\n' "$CONNS" "$post_rps" "$post_p99" "$post_max"
echo "| davon Antworten außer 2xx/3xx | ${post_bad:-0} |"
echo "| gespeicherte Unterstützungen dieser Personen | $made |"
echo "| Ideen, deren Zähler nicht ihren Unterstützungen entspricht | $wrong_after_supports |"
printf '| Zurückziehen (POST, dieselben Personen und Ideen) | %.0f/s, p99 %s ms, max %s ms |\n' "$un_rps" "$un_p99" "$un_max"
echo "| davon Antworten außer 2xx/3xx | ${un_bad:-0} |"
echo "| davon Unterstützungen zurückgezogen / übrig | $((made - left)) / $left |"
echo "| Ideen, deren Zähler (Unterstützung / Trend) nicht stimmt | $wrong / $wrong_trend |"
echo
echo "| Betrieb | Wert |"
echo "|---|---|"
echo "| Start bis /healthz antwortet | $STARTUP_MS ms (Migrationen vorher: $MIGRATE_MS ms) |"
echo "| erster Abruf „Im Trend“ nach dem Start | $FIRST_MS ms |"
echo "| Speicher (RSS) jetzt / Spitze | $RSS_NOW MB / $RSS_PEAK MB |"
echo "| Daten | $IDEAS Ideen, $(sqlite3 "$DB" "SELECT COUNT(*) FROM supports") Unterstützungen, $(sqlite3 "$DB" "SELECT COUNT(*) FROM comments") Kommentare |"
echo "| Maschine | $(nproc) Kerne, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo), $(uname -r) |"
