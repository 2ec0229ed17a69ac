#!/usr/bin/env bash
# Side by side: the action post of two (or more) builds of the jar, alternated ROUNDS times on the same seeded
# database, so that a change is measured against its "before" under the same load of the machine.
#   bench/compare-action-post.sh before.jar after.jar
# The database BENCH_DB must have been seeded already (by bench/run.sh, which leaves it in place). Each round
# starts each jar in turn, prepares a supporter session (bench/action-post.sh), warms it up for WARMUP (30s)
# and measures DURATION (20s) with wrk, as bench/run.sh does. PROFILE=1 records JFR during each measured run
# and keeps the recordings (profile-<jar>-<round>.jfr) in RESULTS (default bench/results/compare-<time>/).
# Besides posts/s it prints the CPU time per post of the JVM and of the PostgreSQL backends serving it (user +
# system time from /proc over the measured run, divided by the posts): unlike wall figures, it hardly moves when
# other work shares the machine.
source "$(dirname "$0")/lib.sh"

ROUNDS="${ROUNDS:-2}"
[ $# -ge 2 ] || { echo "usage: $0 a.jar b.jar [c.jar ...]" >&2; exit 2; }
RESULTS="${RESULTS:-$BENCH_DIR/results/compare-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$RESULTS"
base="http://127.0.0.1:$APP_PORT"

# start_jar JAR: as start_app, with another jar.
start_jar() {
  local jar="$1"
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:5432/$BENCH_DB" SERVER_PORT="$APP_PORT" \
    ADVOCACY_ADMIN_EMAIL=bench@advocacy.test ADVOCACY_ADMIN_PASSWORD=load-test-secret-9876 \
    "$JAVA" ${JAVA_OPTS:-$DEFAULT_JAVA_OPTS} -jar "$jar" "${UNLIMITED[@]}" > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 600); do
    curl -fsS "$base/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 50 "$WORK/app.log" >&2; echo "$jar did not start" >&2; return 1; }
    sleep 0.5
  done
  return 1
}

# cpu_ticks PID...: user + system clock ticks of the processes so far (fields 14 and 15 of /proc/PID/stat).
cpu_ticks() {
  local total=0 pid
  for pid in "$@"; do
    total=$((total + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
backend_pids() {
  psql -tAq -d postgres -c "select pid from pg_stat_activity where datname = '$BENCH_DB'
    and backend_type = 'client backend' and pid <> pg_backend_pid()"
}
TICK_MS=$((1000 / $(getconf CLK_TCK)))

printf '%-6s %-28s %10s %9s %9s %8s %9s %9s %9s %6s\n' round jar "posts/s" "p50 ms" "p99 ms" errors "RSS MB" \
  "JVM us" "PG us" load | tee "$RESULTS/summary.txt"
for round in $(seq 1 "$ROUNDS"); do
  for jar in "$@"; do
    name="$(basename "$jar" .jar)"
    start_jar "$jar"
    TOKENS="${TOKENS:-200000}" "$BENCH_DIR/action-post.sh" "$base" "$WORK" > "$WORK/action-post.lua"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$WORK/action-post.lua" "$base/" > /dev/null 2>&1
    if [ "${PROFILE:-0}" = 1 ]; then
      "$JAVA_HOME/bin/jcmd" "$APP_PID" JFR.start name=post settings=profile \
        filename="$RESULTS/profile-$name-$round.jfr" > /dev/null
    fi
    mapfile -t backends < <(backend_pids)
    jvm_before="$(cpu_ticks "$APP_PID")"
    pg_before="$(cpu_ticks "${backends[@]}")"
    read -r _ rps p50 p99 errors < <(WARMUP=0s run_wrk "$name" -s "$WORK/action-post.lua" "$base/")
    jvm_after="$(cpu_ticks "$APP_PID")"
    # backends opened during the run count from zero
    mapfile -t backends_after < <(backend_pids)
    pg_after="$(cpu_ticks "${backends_after[@]}")"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    if [ "${PROFILE:-0}" = 1 ]; then
      "$JAVA_HOME/bin/jcmd" "$APP_PID" JFR.stop name=post > /dev/null
    fi
    posts="$(awk '/requests in/ { print $1 }' "$WORK/wrk-$name.txt")"
    jvm_us=$(( (jvm_after - jvm_before) * TICK_MS * 1000 / (posts > 0 ? posts : 1) ))
    pg_us=$(( (pg_after - pg_before) * TICK_MS * 1000 / (posts > 0 ? posts : 1) ))
    printf '%-6s %-28s %10s %9s %9s %8s %9s %9s %9s %6s\n' "$round" "$name" "$rps" "$p50" "$p99" "$errors" \
      "$(app_peak_rss_mb)" "$jvm_us" "$pg_us" "$load" | tee -a "$RESULTS/summary.txt"
    cp "$WORK/app.log" "$RESULTS/app-$name-$round.log"
    stop_app
  done
done
