#!/usr/bin/env bash
# Reminder benchmark against Postfix's smtp-sink, with the machine's limit measured in the same run.
#
#   bench/reminders.sh                          # N=100000, WORKERS=4, crash run on the Vermont tenth
#   N=20000 WORKERS=1 bench/reminders.sh        # smaller, one sending worker (one SMTP session)
#   PROFILE=1 bench/reminders.sh                # also records run 1 with JFR (bench/reminders/target/run1.jfr)
#
# 1. Throughput: one reminder to N generated supporters, unthrottled, WORKERS sending workers (one SMTP session
#    each) into smtp-sink. Emails per second = sent / (job start to finish, writing the recipient rows included).
# 2. Limit: Postfix's smtp-source puts N messages of the same average size into the same sink (same options)
#    through WORKERS sessions, each reusing its connection (-d). Printed beside figure 1 with the ratio.
# 3. Crash and resume: a reminder to the Vermont supporters; kill -9 after KILL_AFTER emails, restart, and check
#    by Message-ID in the sink's dump that nobody received it twice and that nobody is left unsent.
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres) and JDK 25; installs the postfix package (smtp-sink,
# smtp-source) when missing. Uses its own database (BENCH_DB, default advocacy_bench_reminders).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
N=${N:-100000}
WORKERS=${WORKERS:-4}
DB=${BENCH_DB:-advocacy_bench_reminders}
SMTP_PORT=${SMTP_PORT:-2525}
KILL_AFTER=${KILL_AFTER:-3000}
WORK=bench/reminders/target
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -X)
mkdir -p "$WORK"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
now_ms() { date +%s%3N; }

if [ ! -x /usr/sbin/smtp-sink ] || [ ! -x /usr/sbin/smtp-source ]; then
    log "Installing Postfix (smtp-sink, smtp-source), no mail configuration"
    echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postfix > "$WORK/apt.log"
fi
# smtp-sink refuses to keep root privileges; its dump goes to memory (tmpfs), so disk speed plays no part.
SINK_USER=${SINK_USER:-nobody}
DUMPS=$(mktemp -d /dev/shm/reminders-bench.XXXXXX)
chmod 777 "$DUMPS"

source bench/batch/lib.sh
build_bench_app

SINK_PID=""
APP_PID=""
cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
    [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null || true
    rm -rf "$DUMPS"
}
trap cleanup EXIT

# start_sink NAME: smtp-sink on SMTP_PORT, counting messages (-c) and appending each one to a dump file (-D).
start_sink() {
    rm -f "$DUMPS/$1" "$WORK/$1.count"
    /usr/sbin/smtp-sink -u "$SINK_USER" -c -D "$DUMPS/$1" "127.0.0.1:$SMTP_PORT" 1024 > "$WORK/$1.count" 2> "$WORK/$1.err" &
    SINK_PID=$!
    for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null && return 0; sleep 0.1; done
    cat "$WORK/$1.err"; exit 1
}
stop_sink() { kill "$SINK_PID"; wait "$SINK_PID" 2>/dev/null || true; SINK_PID=""; }
# Messages the sink has taken: its running counter ("sess=.. quit=.. mesg=N", one per completed DATA).
sink_total() { tail -c 200 "$WORK/$1.count" 2>/dev/null | tr '\r' '\n' | grep -o 'mesg=[0-9]*' | tail -1 | cut -d= -f2 || true; }
sink_count() { local n; n=$(sink_total "$1"); echo "${n:-0}"; }
# "messages distinct duplicates" by Message-Id in the dump.
dump_ids() {
    local ids="$WORK/$1.ids"
    grep -ai '^Message-Id:' "$DUMPS/$1" | sort > "$ids" || true
    echo "$(wc -l < "$ids") $(uniq "$ids" | wc -l) $(uniq -d "$ids" | wc -l)"
}

start_app() { # log-file [extra JVM options]
    SPRING_MAIL_PORT="$SMTP_PORT" ADVOCACY_REMINDERS_MAX_PER_SECOND="${RATE:-0}" ADVOCACY_REMINDERS_SEND_WORKERS="$WORKERS" \
        JVM_OPTS="${2:-}" start_bench_app bench/reminders/bench.yaml "$1"
}

# CPU time (clock ticks, utime + stime from /proc/PID/stat) of the sender's JVM, of the PostgreSQL backends
# serving BENCH_DB and of the sink, sampled with the sink's count while the sender runs: CPU per email holds up
# under other load on the machine, wall time does not.
ticks() { [ $# -gt 0 ] && cat $(printf '/proc/%s/stat ' "$@") 2>/dev/null | awk '{ s += $14 + $15 } END { print s + 0 }' || echo 0; }
sample_cpu() { # sink-name
    while kill -0 "$APP_PID" 2>/dev/null; do
        echo "$(sink_count "$1") $(ticks "$APP_PID") $(ticks $(pgrep -f "^postgres: (.*: )?[a-z_]+ $DB ")) $(ticks "$SINK_PID")"
        sleep 0.5
    done
}
# "JVM PostgreSQL sink" CPU seconds per 1,000 emails, from the first sample with an email at the sink to the last
# one taken before the sender's process and connections went away.
cpu_per_1000() {
    awk -v hz="$(getconf CLK_TCK)" '$1 > 0 && !f { f = 1; n = $1; j = $2; p = $3; s = $4 }
        f && $1 > n && $2 >= J && $3 >= P { e = $1; J = $2; P = $3; S = $4 }
        END { m = (e - n) / 1000; if (m <= 0) { print "0 0 0"; exit }
              printf "%.3f %.3f %.3f\n", (J - j) / hz / m, (P - p) / hz / m, (S - s) / hz / m }' "$1"
}

fresh_bench_database sender

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

log "Run 1: one reminder to all $N supporters, unthrottled, $WORKERS sending workers"
start_sink run1
R1=$(new_reminder "")
JFR_OPTS=""
[ "${PROFILE:-0}" = 1 ] && JFR_OPTS="-XX:StartFlightRecording=filename=$WORK/run1.jfr,settings=profile,dumponexit=true"
start_app "$WORK/app-run1.log" "$JFR_OPTS"
sample_cpu run1 > "$WORK/run1.cpu" &
SAMPLER_PID=$!
wait "$APP_PID"; APP_PID=""; wait "$SAMPLER_PID" || true
read -r CPU_JVM CPU_PG CPU_SINK < <(cpu_per_1000 "$WORK/run1.cpu")
sleep 0.5
stop_sink
read -r T1 D1 DUP1 < <(dump_ids run1)
BYTES1=$(stat -c %s "$DUMPS/run1")
# The sink adds about 300 bytes of X- and Received: headers to each message in its dump.
SIZE=$(( BYTES1 / (T1 > 0 ? T1 : 1) - 300 ))
rm -f "$DUMPS/run1"
read -r SENT1 SECS1 < <("${PSQL[@]}" -d "$DB" -At -F' ' -c "select sent_count, extract(epoch from finished_at - started_at) from reminder where id = $R1")
RATE1=$(awk -v n="$SENT1" -v s="$SECS1" 'BEGIN { printf "%.0f", n / s }')
log "Run 1: $SENT1 sent in ${SECS1}s (job start to finish, recipient rows written included): $RATE1 emails/s; sink: $T1 messages, $D1 distinct Message-Ids, $DUP1 duplicates; about $SIZE bytes each"
log "Run 1: CPU seconds per 1,000 emails: sender JVM $CPU_JVM, PostgreSQL backends $CPU_PG, smtp-sink $CPU_SINK (load average $(cut -d' ' -f1-3 /proc/loadavg))"

log "Limit: smtp-source, $N messages of $SIZE bytes through $WORKERS sessions (-d: each session reuses its connection)"
start_sink limit
LIMIT_START=$(now_ms)
SINK_TICKS=$(ticks "$SINK_PID")
/usr/sbin/smtp-source -d -s "$WORKERS" -m "$N" -l "$SIZE" -f sender@bench.example -t supporter@bench.example \
    "127.0.0.1:$SMTP_PORT"
LIMIT_MS=$(( $(now_ms) - LIMIT_START ))
SINK_TICKS=$(( $(ticks "$SINK_PID") - SINK_TICKS ))
sleep 0.2
stop_sink
LIMIT_TAKEN=$(sink_count limit)
rm -f "$DUMPS/limit"
LIMIT=$(awk -v n="$LIMIT_TAKEN" -v ms="$LIMIT_MS" 'BEGIN { printf "%.0f", n / (ms / 1000) }')
RATIO=$(awk -v a="$RATE1" -v b="$LIMIT" 'BEGIN { printf "%.0f", 100 * a / b }')
log "Limit: $LIMIT_TAKEN messages in $LIMIT_MS ms: $LIMIT messages/s; smtp-sink CPU seconds per 1,000: $(awk -v t="$SINK_TICKS" -v hz="$(getconf CLK_TCK)" -v n="$LIMIT_TAKEN" 'BEGIN { printf "%.3f", t / hz / (n / 1000) }')"

VT=$("${PSQL[@]}" -d "$DB" -At -c "select count(*) from supporter where state = 'VT'")
log "Run 2: a reminder to the $VT Vermont supporters; kill -9 after $KILL_AFTER emails, then restart"
start_sink run2
R2=$(new_reminder VT)
start_app "$WORK/app-run2a.log"
while [ "$(sink_count run2)" -lt "$KILL_AFTER" ]; do
    kill -0 "$APP_PID" 2>/dev/null || { log "the sender finished before $KILL_AFTER emails"; break; }
    sleep 0.02
done
kill -9 "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
sleep 1
AT_KILL=$(sink_count run2)
log "Killed with $AT_KILL emails received; deliveries by state: $("${PSQL[@]}" -d "$DB" -At -c "select string_agg(status || '=' || n, ' ') from (select status, count(*) n from reminder_delivery where reminder_id = $R2 group by status) s")"
RESTART_AT=$(now_ms)
start_app "$WORK/app-run2b.log"
while [ "$(sink_count run2)" -le "$AT_KILL" ] && kill -0 "$APP_PID" 2>/dev/null; do sleep 0.05; done
RESUMED_AT=$(now_ms)
READY_AT=$(grep -ao 'BENCH-READY [0-9]*' "$WORK/app-run2b.log" | tail -1 | cut -d' ' -f2)
wait "$APP_PID"; APP_PID=""
sleep 0.5
stop_sink
read -r T2 D2 DUP2 < <(dump_ids run2)
read -r SENT2 INDOUBT2 PENDING2 < <("${PSQL[@]}" -d "$DB" -At -F' ' -c "select count(*) filter (where status = 'SENT'), count(*) filter (where status = 'IN_DOUBT'), count(*) filter (where status in ('PENDING', 'SENDING')) from reminder_delivery where reminder_id = $R2")
log "Run 2: restart to first new email: $(( RESUMED_AT - RESTART_AT )) ms (process start to ready: $(( ${READY_AT:-$RESUMED_AT} - RESTART_AT )) ms)"
log "Run 2: $VT recipients; sink received $T2 messages, $D2 distinct Message-Ids, duplicates $DUP2; deliveries SENT $SENT2, IN_DOUBT $INDOUBT2, left pending $PENDING2"

echo
printf '%-58s %8s   %-44s %8s   %s\n' "Figure" "value" "limit" "value" "ratio"
printf '%-58s %8s   %-44s %8s   %s\n' "Reminder emails/s, $N recipients, $WORKERS workers, unthrottled" "$RATE1" \
    "smtp-source, $WORKERS sessions, $SIZE-byte messages" "$LIMIT" "$RATIO%"
echo
echo "RESULT emails_per_second=$RATE1 limit_per_second=$LIMIT ratio_pct=$RATIO workers=$WORKERS recipients=$N message_bytes=$SIZE duplicates=$(( DUP1 + DUP2 )) in_doubt_after_kill=$INDOUBT2 resume_after_crash_ms=$(( RESUMED_AT - RESTART_AT )) cpu_s_per_1000_jvm=$CPU_JVM cpu_s_per_1000_postgres=$CPU_PG cpu_s_per_1000_sink=$CPU_SINK"
[ "$DUP1" -eq 0 ] && [ "$DUP2" -eq 0 ] && [ "$PENDING2" -eq 0 ] && [ "$T1" -eq "$SENT1" ]
