#!/usr/bin/env bash
# Shared helpers for the fault scripts in bench/faults/. Each script runs the production jar (a copy, so that a
# build running meanwhile cannot swap it underneath) against a PRIVATE PostgreSQL cluster that the script creates
# in a temporary directory and removes at the end. The machine's shared PostgreSQL (5432) is never touched.
# Everything listens on 127.0.0.1 only. Ports: FAULTS_APP_PORT (8186), FAULTS_PG_PORT (5433), FAULTS_SMTP_PORT (8188).
set -euo pipefail

FAULTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$FAULTS_DIR/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
APP_PORT="${FAULTS_APP_PORT:-8186}"
PG_PORT="${FAULTS_PG_PORT:-5433}"
SMTP_PORT="${FAULTS_SMTP_PORT:-8188}"
DB=advocacy
BASE="http://127.0.0.1:$APP_PORT"
WORK="$(mktemp -d /tmp/advocacy-faults.XXXXXX)"
PGDATA_DIR="$WORK/pgdata"
APP_PID=""
EXTRA_PIDS=()

log() { printf '%s  %s\n' "$(date -u +%H:%M:%S.%3N)" "$*" >&2; }
now_ms() { date +%s%3N; }
die() { log "FAILED: $*"; exit 1; }

# PostgreSQL refuses to run as root: run its binaries as the postgres user when we are root.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
  set +e
  [ -n "$APP_PID" ] && kill -9 "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  for pid in "${EXTRA_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  [ -f "$PGDATA_DIR/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m immediate -w stop >/dev/null 2>&1
  if [ "${KEEP_WORK:-0}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The production jar, copied into the work directory. Builds it when it is missing.
prepare_jar() {
  if [ ! -f "$ROOT/app/target/advocacy.jar" ]; then
    log "building the production jar"
    (cd "$ROOT" && ./mvnw -B -q -Pproduction -DskipTests package)
  fi
  cp "$ROOT/app/target/advocacy.jar" "$WORK/advocacy.jar"
}

# A fresh private cluster on PG_PORT, trust authentication, listening on 127.0.0.1 and a socket in WORK.
pg_init() {
  port_free "$PG_PORT" || die "port $PG_PORT is in use; set FAULTS_PG_PORT"
  [ "$(id -u)" = 0 ] && chown postgres "$WORK"
  chmod 755 "$WORK"
  as_pg "$PG_BIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
    || { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
  pg_start
  psql_private -d postgres -q -c "create database $DB"
}

pg_start() {
  as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$WORK/postgres.log" -w -t 60 \
    -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
}

# pg_stop [mode]: fast (default) terminates sessions and shuts down cleanly; immediate is a crash.
pg_stop() {
  as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m "${1:-fast}" -w -t 60 stop >/dev/null
}

psql_private() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -X -v ON_ERROR_STOP=1 "$@"; }

# start_app LOGFILE [args...]: starts the jar in the background; does not wait.
start_app_bg() {
  local logfile="$1"
  shift
  port_free "$APP_PORT" || die "port $APP_PORT is in use; set FAULTS_APP_PORT"
  "$JAVA" ${JAVA_OPTS:--Xmx512m} -jar "$WORK/advocacy.jar" \
    --server.port="$APP_PORT" --server.address=127.0.0.1 \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" \
    --spring.mail.host=127.0.0.1 --spring.mail.port="$SMTP_PORT" \
    --advocacy.base-url="http://127.0.0.1:$APP_PORT" \
    "$@" >>"$logfile" 2>&1 &
  APP_PID=$!
}

# start_app LOGFILE [args...]: starts the jar and waits (up to 300 s: the first start loads the roster and the
# ZIP table) until /actuator/health answers 200.
start_app() {
  local logfile="$1"
  start_app_bg "$@"
  local started
  started=$(now_ms)
  for _ in $(seq 1 600); do
    if curl -fsS -o /dev/null --max-time 2 "$BASE/actuator/health" 2>/dev/null; then
      log "app up (pid $APP_PID) after $(( $(now_ms) - started )) ms"
      return 0
    fi
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$logfile" >&2; die "the app exited during start-up"; }
    sleep 0.5
  done
  die "the app did not become healthy in 300 s"
}

stop_app() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}
