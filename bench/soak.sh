#!/usr/bin/env bash
# Soak test: 10 minutes of mixed load. It reports errors and the memory trend, and ends by itself.
#   bench/soak.sh
#   SOAK_DURATION=60s SAMPLE_INTERVAL=5s bench/soak.sh      # a short check of the harness itself
# Takes (or builds) the production jar, starts it against a fresh database seeded with SUPPORTERS (100,000)
# supporters and ACTIONS (1,000,000) actions, restarts it, and for SOAK_DURATION (10m) runs all four scenarios
# of run.sh at once, each with its own wrk process, CONNECTIONS (64) split 3:2:1:2 between the campaign page,
# the lookup API, the find-your-legislators page and the action post. Every SAMPLE_INTERVAL (10s) it records the
# app's RSS, Java heap in use, threads and open database connections in a CSV.
# It prints, per scenario, requests, req/s, p50/p99, non-2xx/3xx and socket errors; RSS and heap at the start,
# middle and end, and the least-squares slope of RSS over the second half ("stable" below SOAK_RSS_SLOPE_MAX,
# 5 MB/min, else "growing"); and the ERROR lines in the app's log. It exits non-zero if any scenario's errors
# exceed SOAK_MAX_ERROR_PCT (0.1%) of its requests or the app died. A request slower than WRK_TIMEOUT (10s) counts
# as an error. The CSV, the app's logs, wrk's outputs and the summary are kept in bench/results/soak-<timestamp>/.
source "$(dirname "$0")/lib.sh"

SOAK_DURATION="${SOAK_DURATION:-10m}"
SAMPLE_INTERVAL="${SAMPLE_INTERVAL:-10s}"
SOAK_MAX_ERROR_PCT="${SOAK_MAX_ERROR_PCT:-0.1}"
SOAK_RSS_SLOPE_MAX="${SOAK_RSS_SLOPE_MAX:-5}"
WRK_TIMEOUT="${WRK_TIMEOUT:-10s}"
RESULTS="$BENCH_DIR/results/soak-$(date +%Y%m%d-%H%M%S)"
CSV="$RESULTS/samples.csv"
SCENARIOS=(campaign-page lookup-api find-legislators action-post)
WRK_PIDS=()

# seconds 90 | 90s | 10m | 1h -> seconds
seconds() {
  case "$1" in
    *h) echo $(( ${1%h} * 3600 )) ;;
    *m) echo $(( ${1%m} * 60 )) ;;
    *s) echo "${1%s}" ;;
    *) echo "$1" ;;
  esac
}
duration_s="$(seconds "$SOAK_DURATION")"
interval_s="$(seconds "$SAMPLE_INTERVAL")"
if [ "$CONNECTIONS" -lt 8 ] || [ "$interval_s" -lt 1 ] || [ "$duration_s" -lt "$interval_s" ]; then
  echo "need CONNECTIONS >= 8 and SOAK_DURATION >= SAMPLE_INTERVAL >= 1s" >&2
  exit 2
fi

# Whatever happens (failure, Ctrl-C), stop the load and the app and keep what was recorded.
finish() {
  local status=$?
  set +e
  for pid in "${WRK_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  stop_app
  [ -f "$WORK/app.log" ] && cp "$WORK/app.log" "$RESULTS/app.log"
  cp "$WORK"/wrk-*.txt "$RESULTS/" 2>/dev/null
  cleanup
  log "results kept in $RESULTS"
  exit "$status"
}
mkdir -p "$RESULTS"
trap finish EXIT
trap 'exit 130' INT TERM

prepare_seeded_database
cp "$WORK/app.log" "$RESULTS/app-seed.log"
start_app "${UNLIMITED[@]}"

base="http://127.0.0.1:$APP_PORT"
curl -fsS "$base/campaigns/tsra" > /dev/null
curl -fsS "$base/campaigns/tsra/legislators?zip=05401" > /dev/null
curl -fsS "$base/api/v1/lookup?zip=05401" > /dev/null
"$BENCH_DIR/action-post.sh" "$base" "$WORK" > "$WORK/action-post.lua"

# CONNECTIONS split 3:2:1:2, the action post taking what rounding leaves.
declare -A conns=([campaign-page]=$(( CONNECTIONS * 3 / 8 )) [lookup-api]=$(( CONNECTIONS / 4 ))
                  [find-legislators]=$(( CONNECTIONS / 8 )))
conns[action-post]=$(( CONNECTIONS - ${conns[campaign-page]} - ${conns[lookup-api]} - ${conns[find-legislators]} ))
declare -A target=([campaign-page]="$base/campaigns/tsra"
                   [lookup-api]="-s $BENCH_DIR/lookup-zips.lua $base/api/v1/lookup"
                   [find-legislators]="-s $BENCH_DIR/find-zips.lua $base/campaigns/tsra/legislators"
                   [action-post]="-s $WORK/action-post.lua $base/")

wrk_running() {
  local pid
  for pid in "${WRK_PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && return 0; done
  return 1
}

# One CSV row (at most one per second); returns non-zero, writing nothing, if the app is gone.
last_sample=-1
sample() {
  local t rss heap threads db
  t=$(( $(date +%s) - load_start ))
  [ "$t" -gt "$last_sample" ] || return 0
  rss="$(app_rss_mb 2>/dev/null)" && threads="$(app_threads 2>/dev/null)" || return 1
  heap="$(app_heap_used_mb 2>/dev/null)" || heap=""
  db="$(app_db_connections 2>/dev/null)" || db=""
  echo "$t,$rss,$heap,$threads,$db" >> "$CSV"
  last_sample="$t"
}

log "soak: $SOAK_DURATION, $CONNECTIONS connections, a sample every $SAMPLE_INTERVAL into $CSV"
echo "elapsed_s,rss_mb,heap_used_mb,threads,db_connections" > "$CSV"
load_start="$(date +%s)"
for s in "${SCENARIOS[@]}"; do
  c="${conns[$s]}"
  # shellcheck disable=SC2086 # target holds wrk's arguments
  wrk -t"$(( c < THREADS ? c : THREADS ))" -c"$c" -d"$SOAK_DURATION" --timeout "$WRK_TIMEOUT" --latency \
    ${target[$s]} > "$WORK/wrk-$s.txt" 2>&1 &
  WRK_PIDS+=($!)
done

app_died=0
tick=0
while wrk_running; do
  if ! kill -0 "$APP_PID" 2>/dev/null || ! sample; then
    app_died=1
    log "the app died after $(( $(date +%s) - load_start )) s: stopping the load"
    break
  fi
  tick=$(( tick + 1 ))
  next=$(( load_start + tick * interval_s ))
  while wrk_running && [ "$(date +%s)" -lt "$next" ]; do
    sleep 1
    # wrk ends by itself; this is only a guard against a wedged client.
    if [ "$(( $(date +%s) - load_start ))" -gt "$(( duration_s + 60 ))" ]; then
      log "wrk still running 60 s after the end: stopping it"
      for pid in "${WRK_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    fi
  done
done
for pid in "${WRK_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" || true; done
WRK_PIDS=()
if [ "$app_died" = 0 ]; then
  sample || app_died=1
  curl -fsS -o /dev/null --max-time 10 "$base/actuator/health" || app_died=1
fi
log "load finished"

summary() {
  local s out failed=0
  printf '\n%-17s %5s %9s %8s %8s %8s %11s %10s %8s\n' \
    scenario conns requests "req/s" "p50 ms" "p99 ms" "non-2xx/3xx" "socket err" "error %"
  for s in "${SCENARIOS[@]}"; do
    out="$WORK/wrk-$s.txt"
    local requests rps p50 p99 non2xx socket pct
    requests="$(awk '/ requests in / { print $1 }' "$out")"
    if [ -z "$requests" ]; then
      printf '%-17s %5s %s\n' "$s" "${conns[$s]}" "no report: wrk was stopped before the end"
      echo "FAIL $s: no report from wrk" >> "$WORK/verdict.txt"
      failed=1
      continue
    fi
    rps="$(awk '/Requests\/sec/ { print $2 }' "$out")"
    p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")"
    p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")"
    non2xx="$(awk '/Non-2xx or 3xx responses/ { print $NF }' "$out")"
    socket="$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$out")"
    pct="$(awk -v r="$requests" -v e="$(( ${non2xx:-0} + ${socket:-0} ))" \
      'BEGIN { if (r > 0) printf "%.3f", 100 * e / r; else print 100 }')"
    printf '%-17s %5s %9s %8s %8s %8s %11s %10s %8s\n' "$s" "${conns[$s]}" "$requests" "${rps:--}" \
      "${p50:--}" "${p99:--}" "${non2xx:-0}" "${socket:-0}" "$pct"
    if awk -v p="$pct" -v max="$SOAK_MAX_ERROR_PCT" 'BEGIN { exit !(p > max) }'; then
      echo "FAIL $s: errors $pct% > $SOAK_MAX_ERROR_PCT%" >> "$WORK/verdict.txt"
      failed=1
    fi
  done

  # Memory: start / middle / end of the samples, and RSS's least-squares slope (MB/min) over the second half.
  awk -F, -v max="$SOAK_RSS_SLOPE_MAX" '
    function abs(v) { return v < 0 ? -v : v }
    function cell(v) { return v == "" ? "-" : v }
    NR > 1 { n++; t[n] = $1; rss[n] = $2; heap[n] = $3; thr[n] = $4; db[n] = $5 }
    END {
      if (n == 0) { print "\nno samples"; exit }
      last = t[n]; mid = 1
      for (i = 1; i <= n; i++) if (abs(t[i] - last / 2) < abs(t[mid] - last / 2)) mid = i
      printf "\n%-17s %8s %8s %8s\n", "sample", "start", "middle", "end"
      printf "%-17s %8s %8s %8s\n", "elapsed s", t[1], t[mid], t[n]
      printf "%-17s %8s %8s %8s\n", "RSS MB", rss[1], rss[mid], rss[n]
      printf "%-17s %8s %8s %8s\n", "heap used MB", cell(heap[1]), cell(heap[mid]), cell(heap[n])
      printf "%-17s %8s %8s %8s\n", "threads", thr[1], thr[mid], thr[n]
      printf "%-17s %8s %8s %8s\n", "DB connections", cell(db[1]), cell(db[mid]), cell(db[n])
      k = 0; sx = sy = sxy = sxx = 0
      for (i = 1; i <= n; i++) if (t[i] >= last / 2) {
        x = t[i] / 60; y = rss[i]; k++; sx += x; sy += y; sxy += x * y; sxx += x * x
      }
      d = k * sxx - sx * sx
      if (k < 2 || d == 0) { print "RSS slope over the second half: n/a (fewer than 2 samples)"; exit }
      slope = (k * sxy - sx * sy) / d
      printf "RSS slope over the second half: %.2f MB/min over %d samples: %s (threshold %s MB/min)\n",
        slope, k, (slope < max ? "stable" : "growing"), max
    }' "$CSV"

  local errors
  errors="$(grep -cE ' ERROR [0-9]+ --- ' "$RESULTS/app.log" || true)"
  printf '\napp log: %s ERROR lines\n' "$errors"
  if [ "$errors" -gt 0 ]; then
    # The most frequent kinds: the logger, then the exception just below (else the message), numbers blanked out.
    awk '
      function flush() { if (logger != "") { text = logger ": " (cause != "" ? cause : message); gsub(/[0-9]+/, "N", text); print substr(text, 1, 200) }; logger = "" }
      / ERROR [0-9]+ --- / {
        flush(); m = $0; sub(/^.* --- \[[^]]*\] \[[^]]*\] +/, "", m)
        logger = m; sub(/ +: .*$/, "", logger); message = m; sub(/^[^:]* +: /, "", message); cause = ""; look = 3; next }
      look > 0 { look--; if ($0 ~ /^[A-Za-z_$][A-Za-z0-9_$.]*(Exception|Error)(:|$)/) { cause = $0; look = 0 } }
      END { flush() }' "$RESULTS/app.log" | sort | uniq -c | sort -rn | head -n 5
  fi
  if [ "$app_died" = 1 ]; then
    echo "FAIL the app died or stopped answering during the soak" >> "$WORK/verdict.txt"
    failed=1
  fi
  printf '\n'
  if [ "$failed" = 1 ]; then cat "$WORK/verdict.txt"; else echo "PASS: errors at most $SOAK_MAX_ERROR_PCT% per scenario, app alive"; fi
}

# The app's log is complete once it has stopped (graceful shutdown included).
stop_app
cp "$WORK/app.log" "$RESULTS/app.log"
cp "$WORK"/wrk-*.txt "$RESULTS/"
: > "$WORK/verdict.txt"
summary | tee "$RESULTS/summary.txt"
[ ! -s "$WORK/verdict.txt" ]
