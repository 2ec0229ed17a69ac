#!/usr/bin/env bash
# Load test of GET /api/v1/lookup with wrk: a mix of single-district, split, two-state, at-large,
# DC, Puerto Rico and vacant-seat ZIP codes. Prints requests per second and the latency
# distribution (p50/p90/p99). Starts the production jar on port 8081 against its own database
# (loaded from the bundled snapshot at first start) unless BASE_URL is given.
# Usage: bench/lookup.sh [duration, default 30s] [connections, default 32]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
DURATION="${1:-30s}"
CONNECTIONS="${2:-32}"
PORT="${PORT:-8081}"
DB="${BENCH_DB:-advocacy_roster}"
BASE_URL="${BASE_URL:-}"
APP_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true; }
trap cleanup EXIT

if [ -z "$BASE_URL" ]; then
  JAR=app/target/advocacy.jar
  [ -f "$JAR" ] || ./mvnw -B -q -Pproduction -DskipTests package
  psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname = '$DB'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -q -c "create database $DB"
  "$JAVA_HOME/bin/java" -Xmx512m -jar "$JAR" --server.port="$PORT" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
    --advocacy.lookup.rate-limit-per-minute=100000000 --logging.level.root=warn > /tmp/lookup-bench-app.log 2>&1 &
  APP_PID=$!
  BASE_URL="http://127.0.0.1:$PORT"
  for _ in $(seq 1 120); do
    curl -fs "$BASE_URL/api/v1/lookup?zip=05401" > /dev/null 2>&1 && break
    sleep 1
  done
fi
curl -fs "$BASE_URL/api/v1/lookup?zip=02861" > /dev/null || { echo "the app does not answer at $BASE_URL" >&2; exit 1; }

SCRIPT=$(mktemp --suffix=.lua)
cat > "$SCRIPT" <<'LUA'
local zips = {"94110", "10001", "02861", "30165", "05401", "82001", "20001", "00901", "94541", "91711", "60614", "78701"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/lookup?zip=" .. zips[(i % #zips) + 1])
end
LUA
echo "wrk -t2 -c$CONNECTIONS -d$DURATION --latency $BASE_URL/api/v1/lookup (12 ZIP codes in turn)"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$SCRIPT" "$BASE_URL/api/v1/lookup"
rm -f "$SCRIPT"
