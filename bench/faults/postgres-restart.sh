#!/usr/bin/env bash
# Fault: PostgreSQL restarted under load.
#
#   bench/faults/postgres-restart.sh [extra app arguments, e.g. --spring.datasource.hikari.connection-timeout=30000]
#
# Starts the production jar against a private PostgreSQL cluster (port FAULTS_PG_PORT, default 5433, created in a
# temporary directory; the shared server on 5432 is never touched), then runs two wrk clients (CONNECTIONS each, default 8: together below the pool size of 20, so that the
# fault is not confused with pool saturation) for LOAD seconds
# (default 60): the campaign page and the lookup API (12 real ZIP codes in turn). FAULT_AT seconds in (default 20)
# PostgreSQL is stopped (pg_ctl -m fast: every session is terminated), kept down OUTAGE seconds (default 10) and
# started again. /actuator/health is polled every 200 ms throughout.
#
# Prints requests and non-2xx responses before, during and after the outage, the outage length, when health
# reported DOWN (503) and UP again, and the time from the database being back to the app serving again.
# Exits non-zero unless: no error before the fault, health 503 during the outage, health 200 and no error after.
source "$(dirname "$0")/lib.sh"

LOAD="${LOAD:-60}"
FAULT_AT="${FAULT_AT:-20}"
OUTAGE="${OUTAGE:-10}"
CONNECTIONS="${CONNECTIONS:-8}"
# A request that started waiting for a connection during the outage can still fail up to Hikari's
# connection-timeout (3 s) later: "during" ends that long after health is UP again.
GRACE_MS="${GRACE_MS:-3000}"
[ $((FAULT_AT + OUTAGE + 15)) -le "$LOAD" ] || die "LOAD must leave at least 15 s after the outage"

prepare_jar
pg_init
log "private PostgreSQL on 127.0.0.1:$PG_PORT ($PGDATA_DIR)"
start_app "$WORK/app.log" --advocacy.lookup.rate-limit-per-minute=1000000000 "$@"

ZIPS=(94110 10001 02861 30165 05401 82001 20001 00901 94541 91711 60614 78701)
LOOKUP_PATHS=()
for zip in "${ZIPS[@]}"; do LOOKUP_PATHS+=("/api/v1/lookup?zip=$zip"); done
curl -fsS -o /dev/null "$BASE/campaigns/tsra" || die "the campaign page does not answer"
for path in "${LOOKUP_PATHS[@]}"; do curl -fsS -o /dev/null "$BASE$path" || die "$path does not answer"; done

# Health poller: "epoch_ms http_code seconds_taken body" every 200 ms.
(
  while true; do
    t=$(now_ms)
    rm -f "$WORK/health-body"; out=$(curl -s --max-time 10 -o "$WORK/health-body" -w '%{http_code} %{time_total}' "$BASE/actuator/health" || true)
    echo "$t $out $(tr -d '\n' < "$WORK/health-body" 2>/dev/null)" >> "$WORK/health.log"
    sleep 0.2
  done
) &
EXTRA_PIDS+=($!)

log "load: wrk -c$CONNECTIONS on the campaign page and -c$CONNECTIONS on the lookup API for $LOAD s"
wrk -t1 -c"$CONNECTIONS" -d"${LOAD}s" --timeout 15s -s "$FAULTS_DIR/phases.lua" "$BASE/campaigns/tsra" \
  > "$WORK/wrk-campaign.txt" 2>&1 &
WRK1=$!
wrk -t1 -c"$CONNECTIONS" -d"${LOAD}s" --timeout 15s -s "$FAULTS_DIR/phases.lua" "$BASE/api/v1/lookup" \
  -- "${LOOKUP_PATHS[@]}" > "$WORK/wrk-lookup.txt" 2>&1 &
WRK2=$!
EXTRA_PIDS+=("$WRK1" "$WRK2")

sleep "$FAULT_AT"
STOP_MS=$(now_ms)
pg_stop fast
STOPPED_MS=$(now_ms)
log "PostgreSQL stopped (took $((STOPPED_MS - STOP_MS)) ms); down for $OUTAGE s"
sleep "$OUTAGE"
pg_start
BACK_MS=$(now_ms)
log "PostgreSQL accepting connections again"
wait "$WRK1" "$WRK2"
sleep 1
kill "${EXTRA_PIDS[0]}" 2>/dev/null || true

# When health was first not 200 after the stop, and first 200 again after the database was back.
read -r DOWN_MS DOWN_CODE < <(awk -v s="$STOP_MS" '$1 >= s && $2 != 200 { print $1, $2; exit }' "$WORK/health.log") || true
read -r UP_MS < <(awk -v b="$BACK_MS" '$1 >= b && $2 == 200 { print $1; exit }' "$WORK/health.log") || true
[ -n "${DOWN_MS:-}" ] || die "health never reported the outage"
[ -n "${UP_MS:-}" ] || die "health did not report UP after the database came back"
DOWN_BODY=$(awk -v s="$STOP_MS" '$1 >= s && $2 != 200 { $1 = $2 = $3 = ""; print; exit }' "$WORK/health.log" | sed 's/^ *//')
HEALTH_SLOWEST=$(awk -v s="$STOP_MS" -v u="$UP_MS" '$1 >= s && $1 <= u && $3 > m { m = $3 } END { printf "%.0f", m * 1000 }' "$WORK/health.log")
HEALTH_DURING=$(awk -v s="$STOP_MS" -v u="$UP_MS" '$1 >= s && $1 < u { n++; if ($2 == 503) d++ } END { printf "%d of %d", d, n }' "$WORK/health.log")

# Responses per phase: before the stop, during (stop .. health UP + GRACE_MS, whole seconds), after.
UP_END_MS=$((UP_MS + GRACE_MS))
phase_table() {
  local name="$1" file="$2"
  awk -v name="$name" -v stop=$((STOP_MS / 1000)) -v up=$((UP_END_MS / 1000)) '
    $1 == "BUCKET" {
      phase = ($2 < stop) ? "before" : ($2 <= up ? "during" : "after")
      total[phase] += $4
      if ($3 < 200 || $3 > 299) { bad[phase] += $4; codes[phase] = codes[phase] " " $3 "x" $4 }
    }
    $1 == "SOCKET" { sock = "connect " $2 ", read " $3 ", write " $4 ", timeout " $5 }
    END {
      split("before during after", order, " ")
      for (i = 1; i <= 3; i++) {
        p = order[i]
        printf "%-14s %-7s %9d %9d   %s\n", name, p, total[p], bad[p], codes[p]
      }
      printf "%-14s socket errors: %s\n", name, sock
    }' "$file"
}

echo
echo "== PostgreSQL restarted under load (campaign page + lookup API, 2 x $CONNECTIONS connections, $LOAD s)"
printf '%-14s %-7s %9s %9s   %s\n' endpoint phase requests non-2xx "status x count"
phase_table campaign-page "$WORK/wrk-campaign.txt"
phase_table lookup-api "$WORK/wrk-lookup.txt"
echo
echo "database down (stop issued .. accepting again): $((BACK_MS - STOP_MS)) ms"
echo "health first not UP: +$((DOWN_MS - STOP_MS)) ms after the stop, HTTP $DOWN_CODE, body: $DOWN_BODY"
echo "health answers during the outage: $HEALTH_DURING were 503; slowest health answer $HEALTH_SLOWEST ms"
echo "health UP again: +$((UP_MS - BACK_MS)) ms after the database accepted connections"
LAST_ERROR=$(cat "$WORK"/wrk-*.txt | awk '$1 == "BUCKET" && ($3 < 200 || $3 > 299) && $2 > m { m = $2 } END { print m + 0 }')
[ "$LAST_ERROR" -gt 0 ] && echo "last error response: in the second starting $((LAST_ERROR - BACK_MS / 1000)) s after the database was back (health UP at +$(( (UP_MS - BACK_MS) / 1000 )) s)"
echo "app process: pid $APP_PID, never restarted (alive: $(kill -0 "$APP_PID" 2>/dev/null && echo yes || echo no))"

BAD_BEFORE=$(cat "$WORK"/wrk-*.txt | awk -v stop=$((STOP_MS / 1000)) '$1 == "BUCKET" && $2 < stop && ($3 < 200 || $3 > 299) { n += $4 } END { print n + 0 }')
BAD_AFTER=$(cat "$WORK"/wrk-*.txt | awk -v up=$((UP_END_MS / 1000)) '$1 == "BUCKET" && $2 > up && ($3 < 200 || $3 > 299) { n += $4 } END { print n + 0 }')
OK_AFTER=$(cat "$WORK"/wrk-*.txt | awk -v up=$((UP_END_MS / 1000)) '$1 == "BUCKET" && $2 > up && $3 >= 200 && $3 <= 299 { n += $4 } END { print n + 0 }')
FIRST_OK_PAGE=$(cat "$WORK"/wrk-lookup.txt | awk -v b=$((BACK_MS / 1000)) '$1 == "BUCKET" && $2 >= b && $3 == 200 { if (m == "" || $2 < m) m = $2 } END { print m }')
[ -n "$FIRST_OK_PAGE" ] && echo "lookup API answering 200 again within the second starting $(( FIRST_OK_PAGE - BACK_MS / 1000 )) s after the database was back"
echo "app log lines naming an exception: $(grep -c 'Exception' "$WORK/app.log" || true)"

[ "$BAD_BEFORE" -eq 0 ] || die "$BAD_BEFORE errors before the fault"
[ "$BAD_AFTER" -eq 0 ] || die "$BAD_AFTER errors after recovery"
[ "$OK_AFTER" -gt 0 ] || die "no successful request after recovery"
[ "$DOWN_CODE" = 503 ] || die "health answered $DOWN_CODE during the outage, not 503"
echo "RESULT ok: errors only during the outage; health reported it; recovered without restarting the app"
