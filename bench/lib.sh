#!/usr/bin/env bash
# Shared helpers for the benchmark scenarios. Every scenario: takes (or builds) the production jar, starts it
# against a fresh database seeded with realistic volume, measures with wrk, and compares with the machine's
# limits measured in the same run (nginx serving a static file, pgbench inserting single rows).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
PGHOST="${PGHOST:-127.0.0.1}"
PGUSER="${PGUSER:-postgres}"
export PGHOST PGUSER
BENCH_DB="${BENCH_DB:-advocacy_bench}"
APP_PORT="${APP_PORT:-8180}"
NGINX_PORT="${NGINX_PORT:-8199}"
CONNECTIONS="${CONNECTIONS:-64}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-30s}"
THREADS="${THREADS:-2}"
SUPPORTERS="${SUPPORTERS:-100000}"
ACTIONS="${ACTIONS:-1000000}"
WORK="$(mktemp -d /tmp/advocacy-bench.XXXXXX)"
chmod 755 "$WORK" # nginx workers (user nobody) read the static page from here
# The app's memory as in the Dockerfile: a 256 MB heap (override with JAVA_OPTS).
DEFAULT_JAVA_OPTS="-Xmx256m -XX:+ExitOnOutOfMemoryError"
APP_PID=""
NGINX_PID=""

log() { printf '%s  %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# The load generator and the static-file limit come from Debian's packages; install them on a fresh machine.
require_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}
require_tools

cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

ensure_jar() {
  if [ ! -f "$ROOT/app/target/advocacy.jar" ] || [ "${REBUILD:-0}" = 1 ]; then
    log "building the production jar and its AOT cache"
    (cd "$ROOT" && ./mvnw -B -q -Pproduction -DskipTests \
      -Daot.training-database-url="jdbc:postgresql://$PGHOST:5432/advocacy_aot_training" package)
  fi
}

# How the app is started, as the Dockerfile does: the extracted jar with the JDK's AOT cache that
# `./mvnw -Pproduction -DskipTests package` makes (app/target/aot/), unless AOT=0 or the cache is older than the
# jar (a later build with tests does not make one); then the fat jar.
AOT_DIR="$ROOT/app/target/aot"
app_command() {
  if [ "${AOT:-1}" != 0 ] && [ -f "$AOT_DIR/advocacy.aot" ] && [ "$AOT_DIR/advocacy.aot" -nt "$ROOT/app/target/advocacy.jar" ]; then
    echo "-XX:AOTCache=$AOT_DIR/advocacy.aot -jar $AOT_DIR/advocacy.jar"
  else
    echo "-jar $ROOT/app/target/advocacy.jar"
  fi
}

fresh_database() {
  log "recreating database $BENCH_DB"
  psql -q -v ON_ERROR_STOP=1 -d postgres -c "drop database if exists $BENCH_DB with (force)" -c "create database $BENCH_DB"
}

# start_app [extra args...]: starts the jar and waits until it is healthy.
start_app() {
  log "starting the app on port $APP_PORT: $(app_command)"
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:5432/$BENCH_DB" SERVER_PORT="$APP_PORT" \
    ADVOCACY_ADMIN_EMAIL=bench@advocacy.test ADVOCACY_ADMIN_PASSWORD=load-test-secret-9876 \
    "$JAVA" ${JAVA_OPTS:-$DEFAULT_JAVA_OPTS} $(app_command) "$@" > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 "${START_TIMEOUT:-180}"); do
    if curl -fsS "http://127.0.0.1:$APP_PORT/actuator/health" >/dev/null 2>&1; then
      log "app is up (pid $APP_PID)"
      return 0
    fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      tail -n 50 "$WORK/app.log" >&2
      echo "the app failed to start" >&2
      return 1
    fi
    sleep 1
  done
  echo "the app did not become healthy in ${START_TIMEOUT:-180} s" >&2
  return 1
}

stop_app() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

# Peak resident set size of the app so far, in MB (the kernel's high-water mark).
app_peak_rss_mb() {
  awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$APP_PID/status"
}

# Current resident set size of the app, in MB.
app_rss_mb() {
  awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$APP_PID/status"
}

# Java heap in use (survivor, eden and old spaces, as jstat reports them for any collector), in MB.
app_heap_used_mb() {
  "$JAVA_HOME/bin/jstat" -J-XX:TieredStopAtLevel=1 -J-XX:+UseSerialGC -gc "$APP_PID" | awk '
    NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
    NR == 2 { kb = 0; for (name in col) if (name ~ /^(S0U|S1U|EU|OU)$/) kb += $col[name]; printf "%d", kb / 1024 }'
}

# Threads of the app's process (Java threads plus the JVM's own: GC, compiler), as the kernel counts them.
app_threads() {
  awk '/^Threads:/ { print $2 }' "/proc/$APP_PID/status"
}

# Connections the app holds open to the benchmark database (client backends only: not autovacuum, not this query).
app_db_connections() {
  psql -tAq -d postgres -c "select count(*) from pg_stat_activity where datname = '$BENCH_DB'
    and backend_type = 'client backend' and pid <> pg_backend_pid()"
}

seed_volume() {
  log "seeding $SUPPORTERS supporters and $ACTIONS actions"
  psql -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" -v supporters="$SUPPORTERS" -v actions="$ACTIONS" -f "$BENCH_DIR/seed.sql"
}

# wrk is one client address: lift the per-address rate limits, which would otherwise answer 429.
UNLIMITED=(--advocacy.lookup.rate-limit-per-minute=1000000000
           --advocacy.site.rate-limit.posts-per-minute=1000000000
           --advocacy.site.rate-limit.posts-per-hour=1000000000)

# The production jar, a fresh database seeded with the volume, and the app stopped again, so that the measured
# process (start_app "${UNLIMITED[@]}") starts from the seeded state, as in production.
prepare_seeded_database() {
  ensure_jar
  fresh_database
  start_app "${UNLIMITED[@]}"
  seed_volume
  stop_app
}

# run_wrk NAME [wrk args...] URL: prints "NAME rps p50_ms p99_ms errors" on stdout.
run_wrk() {
  local name="$1"
  shift
  local out="$WORK/wrk-$name.txt"
  # Warm-up first, not measured: the JIT compiles the request path during the first minute of load, and
  # a production server runs for days. WARMUP=0s measures from cold.
  if [ "${WARMUP%s}" != 0 ]; then
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$@" > /dev/null 2>&1
  fi
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" > "$out" 2>&1
  local rps p50 p99 errors
  rps="$(awk '/Requests\/sec/ { print $2 }' "$out")"
  p50="$(awk '$1 == "50%" { print $2 }' "$out")"
  p99="$(awk '$1 == "99%" { print $2 }' "$out")"
  errors="$(awk '/Non-2xx or 3xx responses/ { print $NF }' "$out")"
  echo "$name $rps $(to_ms "$p50") $(to_ms "$p99") ${errors:-0}"
}

# wrk prints latencies as 1.23ms, 456.00us or 1.02s.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
    else { print v } }'
}

# nginx_static FILE: serves FILE as / from a private nginx; returns when it listens.
nginx_static() {
  local file="$1"
  mkdir -p "$WORK/nginx/html" "$WORK/nginx/logs"
  cp "$file" "$WORK/nginx/html/index.html"
  cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/nginx/html;
    location / { default_type text/html; try_files /index.html =404; }
  }
}
CONF
  nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" -g 'daemon off;' &
  NGINX_PID=$!
  for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$NGINX_PORT/" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "nginx did not start" >&2
  return 1
}

stop_nginx() {
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
  NGINX_PID=""
}

# pgbench_insert_tps: single-row inserts on the same PostgreSQL, CONNECTIONS clients; prints transactions/s.
pgbench_insert_tps() {
  psql -q -d "$BENCH_DB" -c "create table if not exists pgbench_single_insert (id bigint generated always as identity primary key, payload text not null, at timestamptz not null default now())"
  echo "insert into pgbench_single_insert (payload) values ('bench');" > "$WORK/insert.sql"
  pgbench -n -c "$CONNECTIONS" -j "$THREADS" -T "${DURATION%s}" -f "$WORK/insert.sql" "$BENCH_DB" \
    > "$WORK/pgbench.txt" 2>&1 || { cat "$WORK/pgbench.txt" >&2; return 1; }
  awk '/^tps/ { print $3 }' "$WORK/pgbench.txt"
}

ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f%%", 100 * a / b; else print "n/a" }'
}

# CPU seconds (user + system) the app's process has used so far, from /proc (clock ticks of 1/100 s).
app_cpu_s() {
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / hz }' "/proc/$APP_PID/stat"
}
