#!/usr/bin/env bash
# Fault: the app is stopped (SIGTERM, as systemd, Docker or Kubernetes do) while requests are in flight.
#
#   bench/faults/graceful-shutdown.sh
#
# Starts the production jar (server.shutdown=graceful, 20 s per shutdown phase) against a private PostgreSQL
# cluster, then bench/faults/InFlight.java keeps CONCURRENCY (default 16) requests in flight (campaign page and
# lookup API, one connection each) and sends SIGTERM to the JVM after WARMUP_MS (default 5000). Prints, for the
# requests in flight at the signal, before it and after it, the count per outcome, the time the last in-flight
# request took to finish after the signal, and the time the JVM took to exit.
# Exits non-zero unless every in-flight request the server had accepted ended 2xx (a connection still waiting in
# the kernel's accept queue when the listening socket closes is dropped without an answer: counted and shown as
# "closed-without-answer") and new connections were refused.
source "$(dirname "$0")/lib.sh"

# 16 by default: below the connection pool (20), so that what is measured is the shutdown, not requests timing out
# in the pool's queue on a loaded machine.
CONCURRENCY="${CONCURRENCY:-16}"
WARMUP_MS="${WARMUP_MS:-5000}"

prepare_jar
pg_init
start_app "$WORK/app.log" --advocacy.lookup.rate-limit-per-minute=1000000000
PATHS=(/campaigns/tsra)
for zip in 94110 10001 02861 30165 05401 82001 20001 00901 94541 91711 60614 78701; do PATHS+=("/api/v1/lookup?zip=$zip"); done

log "$CONCURRENCY requests in flight; SIGTERM after $WARMUP_MS ms"
SIGNAL_MS=$(( $(now_ms) + WARMUP_MS ))
"$JAVA" "$FAULTS_DIR/InFlight.java" "$APP_PORT" "$APP_PID" "$CONCURRENCY" "$WARMUP_MS" "${PATHS[@]}" > "$WORK/inflight.txt" &
PROBE=$!
EXTRA_PIDS+=("$PROBE")
set +e
wait "$APP_PID"
APP_EXIT=$?
set -e
EXIT_MS=$(now_ms)
APP_PID=""
wait "$PROBE"

echo
echo "== graceful shutdown: SIGTERM with $CONCURRENCY requests in flight"
sed -n 's/^PHASE /requests /p' "$WORK/inflight.txt"
LAST=$(awk '/^LAST_IN_FLIGHT_DONE_MS/ { print $2 }' "$WORK/inflight.txt")
echo "last in-flight request finished: $LAST ms after SIGTERM"
echo "JVM exit: code $APP_EXIT, about $((EXIT_MS - SIGNAL_MS)) ms after SIGTERM"
grep -E "Commencing graceful shutdown|Graceful shutdown (complete|aborted)" "$WORK/app.log" | sed 's/^.*\] //' | cut -c1-120
echo "pool timeouts in the app log (a request waited over 3 s for a connection): $(grep -c 'Connection is not available' "$WORK/app.log" || true)"

IN_FLIGHT=$(grep '^PHASE in-flight-at-sigterm' "$WORK/inflight.txt" || true)
AFTER=$(grep '^PHASE after-sigterm' "$WORK/inflight.txt" || true)
[ -n "$IN_FLIGHT" ] || die "no request was in flight at the signal"
echo "$IN_FLIGHT" | grep -qE '\{((2[0-9][0-9]|closed-without-answer)=[0-9]+(, )?)+\}' || die "an in-flight request did not end 2xx: $IN_FLIGHT"
echo "$AFTER" | grep -q 'refused' || die "new connections were not refused after the signal: $AFTER"
grep -q 'Graceful shutdown complete' "$WORK/app.log" || die "the log does not report a completed graceful shutdown"
echo "RESULT ok: every request in flight at SIGTERM completed 2xx; new connections were refused"
