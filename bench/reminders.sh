#!/usr/bin/env bash
# Reminder benchmark: sends one reminder to N (default 100,000) generated supporters through a local SMTP sink,
# prints emails per second, then kills the sender with SIGKILL mid-run, restarts it and prints the time until
# sending resumes, and checks that nobody received the reminder twice.
#
#   bench/reminders.sh                 # N=100000, crash run on the Vermont tenth of them
#   N=20000 bench/reminders.sh         # smaller
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres) and JDK 25. Uses its own database (advocacy_bench_reminders).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
N=${N:-100000}
DB=${BENCH_DB:-advocacy_bench_reminders}
SMTP_PORT=${SMTP_PORT:-2525}
KILL_AFTER=${KILL_AFTER:-5000}
WORK=bench/reminders/target
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -X)
mkdir -p "$WORK"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
now_ms() { date +%s%3N; }
sink_total() { cut -d' ' -f1 "$1" 2>/dev/null || echo 0; }

log "Building core and batch (package only, nothing installed)"
./mvnw -B -q -pl batch -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$PWD/$WORK/classpath.txt" -Dmdep.includeScope=runtime
CP="$PWD/batch/target/batch-0.1.0-SNAPSHOT.jar:$(cat "$WORK/classpath.txt")"
"$JAVA_HOME/bin/javac" -q -cp "$CP" -d "$WORK/classes" bench/reminders/ReminderBenchApplication.java 2>/dev/null \
    || "$JAVA_HOME/bin/javac" -cp "$CP" -d "$WORK/classes" bench/reminders/ReminderBenchApplication.java
CP="$PWD/$WORK/classes:$CP"

SINK_PID=""
APP_PID=""
cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
    [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null || true
}
trap cleanup EXIT

start_sink() {
    rm -f "$1"
    "$JAVA" bench/reminders/SmtpSink.java "$SMTP_PORT" "$1" > "$WORK/sink.log" 2>&1 &
    SINK_PID=$!
    while [ ! -s "$1" ]; do sleep 0.2; done
}

start_app() {
    SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SPRING_MAIL_PORT="$SMTP_PORT" \
    ADVOCACY_REMINDERS_MAX_PER_SECOND="${RATE:-0}" \
        "$JAVA" -Xmx512m -cp "$CP" org.advocacy.ReminderBenchApplication \
        --spring.config.additional-location=file:bench/reminders/bench.yaml >> "$1" 2>&1 &
    APP_PID=$!
}

log "Fresh database $DB, schema by Flyway (first start of the sender)"
"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
start_app "$WORK/app-migrate.log"; wait "$APP_PID"; APP_PID=""

log "Generating $N supporters with generate_series (a tenth in VT at large, the rest in ME-1 and ME-2)"
"${PSQL[@]}" -d "$DB" <<SQL
insert into legislator (bioguide_id, first_name, last_name, official_name, chamber, state, district, senate_class,
                        state_rank, party, phone, term_start, term_end) values
 ('S000033','Bernard','Sanders','Bernard Sanders','SENATE','VT',null,1,'senior','Independent','202-224-5141','2025-01-03','2031-01-03'),
 ('W000800','Peter','Welch','Peter Welch','SENATE','VT',null,3,'junior','Democrat','202-224-4242','2023-01-03','2029-01-03'),
 ('B001318','Becca','Balint','Becca Balint','HOUSE','VT',0,null,null,'Democrat','202-225-4115','2025-01-03','2027-01-03'),
 ('C001035','Susan','Collins','Susan M. Collins','SENATE','ME',null,2,'senior','Republican','202-224-2523','2021-01-03','2027-01-03'),
 ('K000383','Angus','King','Angus S. King, Jr.','SENATE','ME',null,1,'junior','Independent','202-224-5344','2025-01-03','2031-01-03'),
 ('P000597','Chellie','Pingree','Chellie Pingree','HOUSE','ME',1,null,null,'Democrat','202-225-6116','2025-01-03','2027-01-03'),
 ('G000592','Jared','Golden','Jared F. Golden','HOUSE','ME',2,null,null,'Democrat','202-225-6306','2025-01-03','2027-01-03');
insert into supporter (email, name, state, district, email_consent, consent_requested_at, consent_confirmed_at, unsubscribe_token)
select 'supporter' || g || '@bench.example', 'Supporter ' || g,
       case when g % 10 = 0 then 'VT' else 'ME' end,
       case when g % 10 = 0 then 0 else 1 + g % 2 end,
       true, now() - interval '31 days', now() - interval '30 days', md5(g::text) || md5((g * 7919)::text)
from generate_series(1, $N) g;
analyze supporter;
SQL

new_reminder() { # audience state-or-empty
    local state=$1 audience=ALL
    [ -n "$state" ] && audience=STATE
    "${PSQL[@]}" -d "$DB" -At -c "insert into reminder (subject, body_html, body_text, audience, audience_state, status, scheduled_at, created_by)
        values ('{{supporter.firstName}}, call {{representative.name}} this week',
                '<p>Hello {{supporter.name}},</p><p>Please call {{representative.name}} at {{representative.phone}} and your senators: {{senators}}.</p>',
                'Hello {{supporter.name}},

Please call {{representative.name}} at {{representative.phone}} and your senators: {{senators}}.',
                '$audience', nullif('$state', ''), 'SCHEDULED', now(), 'bench') returning id" | head -1
}

log "Run 1: one reminder to all $N supporters, unthrottled (max-per-second=0)"
start_sink "$WORK/sink-run1.txt"
R1=$(new_reminder "")
start_app "$WORK/app-run1.log"; wait "$APP_PID"; APP_PID=""
sleep 0.5
read -r T1 D1 DUP1 F1 L1 < "$WORK/sink-run1.txt"
kill "$SINK_PID"; SINK_PID=""
read -r SENT1 SECS1 < <("${PSQL[@]}" -d "$DB" -At -F' ' -c "select sent_count, extract(epoch from finished_at - started_at) from reminder where id = $R1")
RATE1=$(awk -v n="$SENT1" -v s="$SECS1" 'BEGIN { printf "%.0f", n / s }')
SINKRATE1=$(awk -v n="$T1" -v f="$F1" -v l="$L1" 'BEGIN { printf "%.0f", n / ((l - f) / 1000) }')
log "Run 1: $SENT1 sent in ${SECS1}s (job start to finish, audience written included): $RATE1 emails/s; sink first-to-last: $SINKRATE1 emails/s; sink received $T1, duplicates $DUP1"

VT=$("${PSQL[@]}" -d "$DB" -At -c "select count(*) from supporter where state = 'VT'")
log "Run 2: a reminder to the $VT Vermont supporters; kill -9 after $KILL_AFTER emails, then restart"
start_sink "$WORK/sink-run2.txt"
R2=$(new_reminder VT)
start_app "$WORK/app-run2a.log"
while [ "$(sink_total "$WORK/sink-run2.txt")" -lt "$KILL_AFTER" ]; do sleep 0.05; done
kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
sleep 1
AT_KILL=$(sink_total "$WORK/sink-run2.txt")
log "Killed with $AT_KILL emails received; deliveries by state: $("${PSQL[@]}" -d "$DB" -At -c "select string_agg(status || '=' || n, ' ') from (select status, count(*) n from reminder_delivery where reminder_id = $R2 group by status) s")"
RESTART_AT=$(now_ms)
start_app "$WORK/app-run2b.log"
while [ "$(sink_total "$WORK/sink-run2.txt")" -le "$AT_KILL" ]; do sleep 0.05; done
RESUMED_AT=$(now_ms)
READY_AT=$(grep -ao 'BENCH-READY [0-9]*' "$WORK/app-run2b.log" | tail -1 | cut -d' ' -f2)
wait "$APP_PID"; APP_PID=""
sleep 0.5
read -r T2 D2 DUP2 F2 L2 < "$WORK/sink-run2.txt"
read -r SENT2 INDOUBT2 PENDING2 < <("${PSQL[@]}" -d "$DB" -At -F' ' -c "select count(*) filter (where status = 'SENT'), count(*) filter (where status = 'IN_DOUBT'), count(*) filter (where status in ('PENDING', 'SENDING')) from reminder_delivery where reminder_id = $R2")
log "Run 2: restart to first new email: $(( RESUMED_AT - RESTART_AT )) ms (process start to ready: $(( READY_AT - RESTART_AT )) ms; ready to first new email: $(( RESUMED_AT - READY_AT )) ms)"
log "Run 2: $VT recipients; sink received $T2 messages, $D2 distinct, duplicates $DUP2; deliveries SENT $SENT2, IN_DOUBT $INDOUBT2, left pending $PENDING2"

echo
echo "RESULT emails_per_second=$RATE1 sink_emails_per_second=$SINKRATE1 recipients=$N resume_after_crash_ms=$(( RESUMED_AT - RESTART_AT )) startup_ms=$(( READY_AT - RESTART_AT )) duplicates=$(( DUP1 + DUP2 )) in_doubt=$INDOUBT2"
[ "$DUP1" -eq 0 ] && [ "$DUP2" -eq 0 ] && [ "$PENDING2" -eq 0 ]
