#!/usr/bin/env bash
# CWC outbox benchmark and kill -9 check.
#
#   bench/cwc.sh                  # MODE=throughput: drains N=10000 queued deliveries into the CWC test server
#   MODE=kill bench/cwc.sh        # N=5000 (default here); SIGKILL the drainer after KILL_AFTER=1500 accepted, restart
#   SERVER_DELAY_MS=20 MODE=kill bench/cwc.sh   # the server holds each message 20 ms, so the kill lands mid-POST
#
# The drainer is the core and batch modules (bench/batch/BatchBenchApplication.java): its own poller, under ShedLock,
# drains the outbox exactly as in production. The CWC test server (core's test code, run from source) validates
# every message against the schema and logs each /v2/message request's DeliveryId and outcome, so duplicates are
# counted on the receiving side. Prints deliveries per second (first to last delivery, from the rows' timestamps)
# and, for the kill run, the rows by state. Exits non-zero on any duplicate, any row left undelivered other than
# at most one IN_DOUBT per crash, or any address left in the table.
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres) and JDK 25. Uses its own database (advocacy_bench_cwc) and
# port CWC_PORT (18510).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
MODE=${MODE:-throughput}
if [ "$MODE" = kill ]; then N=${N:-5000}; else N=${N:-10000}; fi
KILL_AFTER=${KILL_AFTER:-1500}
# Milliseconds the test server holds each message before answering: with it, a kill lands mid-POST.
SERVER_DELAY_MS=${SERVER_DELAY_MS:-0}
DB=${BENCH_DB:-advocacy_bench_cwc}
CWC_PORT=${CWC_PORT:-18510}
WORK=bench/cwc/target
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -X)
mkdir -p "$WORK"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
accepted() { local n; n=$(grep -c ' ACCEPTED$' "$WORK/server.log" 2>/dev/null || true); echo "${n:-0}"; }

source bench/batch/lib.sh
build_bench_app

SERVER_PID=""
APP_PID=""
cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
}
trap cleanup EXIT

start_app() { ADVOCACY_CWC_HOUSE_BASE_URL="http://127.0.0.1:$CWC_PORT" start_bench_app bench/cwc/bench.yaml "$1"; }

fresh_bench_database drainer

log "Queueing $N letters to Rep. Becca Balint (HVT00) with generate_series"
"${PSQL[@]}" -d "$DB" <<SQL
insert into legislator (bioguide_id, first_name, last_name, official_name, chamber, state, district, party, phone,
                        term_start, term_end)
values ('B001318','Becca','Balint','Becca Balint','HOUSE','VT',0,'Democrat','202-225-4115','2025-01-03','2027-01-03');
insert into campaign (slug, title, explainer) values ('bench-cwc', 'Bench campaign', '<p>Bench.</p>');
insert into campaign_cwc_topic (campaign_id, topic) select id, 'Crime and Law Enforcement' from campaign;
insert into cwc_delivery (id, delivery_id, idempotency_key, campaign_id, bioguide_id, member_office, zip, state, district,
                          prefix, first_name, last_name, address1, city, email, subject, message, edited)
select g, upper(substr(md5('bench:' || g), 1, 16)) || lpad(g::text, 16, '0'), 'bench:' || g, c.id, 'B001318', 'HVT00',
       '05401', 'VT', 0, 'Ms.', 'Supporter', 'Number ' || g, g || ' Church Street', 'Burlington',
       'supporter' || g || '@bench.example', 'Fund the new procedure',
       'Dear Rep. Balint, please fund the new procedure. Supporter ' || g || ', Burlington.', g % 2 = 0
from generate_series(1, $N) g, campaign c;
select setval(pg_get_serial_sequence('cwc_delivery', 'id'), $N);
analyze cwc_delivery;
SQL

log "CWC test server on 127.0.0.1:$CWC_PORT"
rm -f "$WORK/server.log"
"$JAVA" core/src/test/java/org/advocacy/testsupport/cwc/CwcTestServer.java --port "$CWC_PORT" --api-key bench-key \
    --chamber H --schema core/src/test/resources/cwc/cwc-2.0.xsd --log "$WORK/server.log" --delay-ms "$SERVER_DELAY_MS" \
    > "$WORK/server.out" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do grep -q listening "$WORK/server.out" 2>/dev/null && break; sleep 0.2; done
grep -q listening "$WORK/server.out" || { echo "the CWC test server did not start"; exit 1; }

if [ "$MODE" = kill ]; then
    start_app "$WORK/app-1.log"
    until [ "$(accepted)" -ge "$KILL_AFTER" ]; do
        kill -0 "$APP_PID" 2>/dev/null || { echo "the drainer ended before the kill"; exit 1; }
        sleep 0.02
    done
    kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
    AT_KILL=$(accepted)
    log "Killed with SIGKILL after $AT_KILL accepted; rows: $("${PSQL[@]}" -d "$DB" -At -c "select string_agg(status || '=' || n, ' ' order by status) from (select status, count(*) n from cwc_delivery group by status) s")"
    RESTART=$(date +%s%3N)
    start_app "$WORK/app-2.log"
    until [ "$(accepted)" -gt "$AT_KILL" ]; do sleep 0.05; done
    log "Restart to first new delivery: $(( $(date +%s%3N) - RESTART )) ms (includes start-up and the ShedLock lock of the killed drainer running out)"
    wait "$APP_PID"; APP_PID=""
else
    start_app "$WORK/app-1.log"; wait "$APP_PID"; APP_PID=""
fi

read -r DELIVERED INDOUBT OTHER SECS ADDRESSES < <("${PSQL[@]}" -d "$DB" -At -F' ' -c "
    select count(*) filter (where status = 'DELIVERED'), count(*) filter (where status = 'IN_DOUBT'),
           count(*) filter (where status not in ('DELIVERED', 'IN_DOUBT')),
           extract(epoch from max(ended_at) filter (where status = 'DELIVERED') - min(ended_at) filter (where status = 'DELIVERED')),
           count(*) filter (where address1 is not null)
    from cwc_delivery")
POSTS=$(wc -l < "$WORK/server.log")
ACCEPTED=$(accepted)
DISTINCT=$(grep ' ACCEPTED$' "$WORK/server.log" | cut -d' ' -f1 | sort -u | wc -l)
DUPLICATES=$(cut -d' ' -f1 "$WORK/server.log" | sort | uniq -d | wc -l)
RATE=$(awk -v n="$DELIVERED" -v s="$SECS" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "n/a" }')
log "Rows: DELIVERED $DELIVERED, IN_DOUBT $INDOUBT, other $OTHER; addresses left $ADDRESSES"
log "Server: $POSTS requests, $ACCEPTED accepted ($DISTINCT distinct DeliveryIds), DeliveryIds posted more than once: $DUPLICATES"
echo
echo "RESULT mode=$MODE deliveries=$N deliveries_per_second=$RATE seconds=$SECS in_doubt=$INDOUBT duplicates=$DUPLICATES"
MAX_IN_DOUBT=0; [ "$MODE" = kill ] && MAX_IN_DOUBT=1
[ "$DUPLICATES" -eq 0 ] && [ "$ACCEPTED" -eq "$DISTINCT" ] && [ "$OTHER" -eq 0 ] && [ "$ADDRESSES" -eq 0 ] \
    && [ "$INDOUBT" -le "$MAX_IN_DOUBT" ] && [ $(( DELIVERED + INDOUBT )) -eq "$N" ]
