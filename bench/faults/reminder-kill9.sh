#!/usr/bin/env bash
# Fault: kill -9 during a reminder run.
#
#   bench/faults/reminder-kill9.sh        # N=2000 supporters, killed after KILL_AFTER=500 emails
#
# Starts the production jar against a private PostgreSQL cluster (FAULTS_PG_PORT, default 5433) and a local SMTP
# sink (bench/faults/RecipientSink.java on FAULTS_SMTP_PORT, default 8188) that logs every accepted message with
# its recipient. Adds N confirmed supporters, schedules one reminder to all confirmed subscribers for now (SQL,
# as the console's "Send now" leaves it: SCHEDULED, due), and lets the app's own poller start the reminder-send
# job. When the sink has received KILL_AFTER emails the JVM is killed with SIGKILL. The app is started again; its
# poller finds the reminder SENDING with a stale heartbeat and resumes it. When the reminder is SENT the script
# counts the emails each recipient received and prints how many got 0, 1 and more than 1, and the delivery rows
# by status. Sending is paced at RATE emails/s (default 100; 0 for none) so the kill lands mid-run, with WORKERS
# sending workers (default 4), each reusing one SMTP connection for all its emails.
# Exits non-zero on any duplicate, any recipient left unsent, or any missing email not recorded as IN_DOUBT.
source "$(dirname "$0")/lib.sh"

N="${N:-2000}"
KILL_AFTER="${KILL_AFTER:-500}"
RATE="${RATE:-100}"
WORKERS="${WORKERS:-4}"
STALE_AFTER="${STALE_AFTER:-PT10S}"
SINK_LOG="$WORK/sink.log"
APP_ARGS=(--advocacy.reminders.max-per-second="$RATE" --advocacy.reminders.send.workers="$WORKERS"
          --advocacy.reminders.poll-interval=PT1S
          --advocacy.reminders.stale-after="$STALE_AFTER" --advocacy.lookup.rate-limit-per-minute=1000000)

received() { [ -f "$SINK_LOG" ] && wc -l < "$SINK_LOG" || echo 0; }

prepare_jar
pg_init
port_free "$SMTP_PORT" || die "port $SMTP_PORT is in use; set FAULTS_SMTP_PORT"
: > "$SINK_LOG"
"$JAVA" "$FAULTS_DIR/RecipientSink.java" "$SMTP_PORT" "$SINK_LOG" > "$WORK/sink.out" 2>&1 &
EXTRA_PIDS+=($!)
for _ in $(seq 1 100); do grep -q listening "$WORK/sink.out" 2>/dev/null && break; sleep 0.2; done
grep -q listening "$WORK/sink.out" || die "the SMTP sink did not start"

log "first start: schema, roster, demo content"
start_app "$WORK/app-1.log" "${APP_ARGS[@]}"

log "adding $N confirmed supporters (Vermont and Maine, real seats)"
psql_private -d "$DB" -q <<SQL
insert into supporter (email, name, state, district, email_consent, consent_requested_at, consent_confirmed_at, unsubscribe_token)
select 'supporter' || g || '@faults.example', 'Supporter ' || g,
       case when g % 3 = 0 then 'VT' else 'ME' end,
       case when g % 3 = 0 then 0 else 1 + g % 2 end,
       true, now() - interval '31 days', now() - interval '30 days', md5('faults' || g) || md5((g * 7919)::text)
from generate_series(1, $N) g;
SQL
REMINDER=$(psql_private -d "$DB" -At -c "insert into reminder (subject, body_html, body_text, audience, status, scheduled_at, created_by)
  values ('{{supporter.firstName}}, call {{representative.name}}',
          '<p>Hello {{supporter.name}}, please call {{representative.name}} at {{representative.phone}}.</p>',
          'Hello {{supporter.name}}, please call {{representative.name}} at {{representative.phone}}.',
          'ALL', 'SCHEDULED', now(), 'faults@advocacy.test') returning id" | head -1)
log "reminder $REMINDER scheduled for now; waiting for $KILL_AFTER emails"

deadline=$(( $(date +%s) + 300 ))
while [ "$(received)" -lt "$KILL_AFTER" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || die "fewer than $KILL_AFTER emails after 300 s"
  sleep 0.05
done
kill -9 "$APP_PID"
wait "$APP_PID" 2>/dev/null || true
APP_PID=""
KILLED_MS=$(now_ms)
sleep 1
AT_KILL=$(received)
log "killed with SIGKILL after $AT_KILL emails"
STATES_AT_KILL=$(psql_private -d "$DB" -At -c "select string_agg(status || '=' || n, ' ' order by status) from
  (select status, count(*) n from reminder_delivery where reminder_id = $REMINDER group by status) s")
REMINDER_AT_KILL=$(psql_private -d "$DB" -At -c "select status from reminder where id = $REMINDER")

log "restarting the app"
RESTART_MS=$(now_ms)
start_app "$WORK/app-2.log" "${APP_ARGS[@]}"
READY_MS=$(now_ms)
while [ "$(received)" -le "$AT_KILL" ]; do
  [ "$(( $(now_ms) - RESTART_MS ))" -lt 300000 ] || die "sending did not resume within 300 s of the restart"
  sleep 0.1
done
RESUMED_MS=$(now_ms)
log "sending resumed"
while [ "$(psql_private -d "$DB" -At -c "select status from reminder where id = $REMINDER")" != SENT ]; do
  [ "$(( $(now_ms) - RESTART_MS ))" -lt 600000 ] || die "the reminder was not SENT within 600 s of the restart"
  sleep 0.5
done
DONE_MS=$(now_ms)
sleep 1

# Every delivery row (one per recipient) against what the sink received.
psql_private -d "$DB" -At -F' ' -c "select lower(s.email), d.status, coalesce(d.message_id, '-') from reminder_delivery d
  join supporter s on s.id = d.supporter_id where d.reminder_id = $REMINDER order by 1" > "$WORK/deliveries.txt"
awk '{ print $1 }' "$SINK_LOG" | sort | uniq -c | awk '{ print $2, $1 }' > "$WORK/received-per-address.txt"
join -a1 -e 0 -o '1.1,1.2,2.2' <(sort -k1,1 "$WORK/deliveries.txt") <(sort -k1,1 "$WORK/received-per-address.txt") \
  > "$WORK/per-recipient.txt"
RECIPIENTS=$(wc -l < "$WORK/deliveries.txt")
ZERO=$(awk '$3 == 0' "$WORK/per-recipient.txt" | wc -l)
ONE=$(awk '$3 == 1' "$WORK/per-recipient.txt" | wc -l)
MORE=$(awk '$3 > 1' "$WORK/per-recipient.txt" | wc -l)
ZERO_NOT_IN_DOUBT=$(awk '$3 == 0 && $2 != "IN_DOUBT" && $2 != "SKIPPED"' "$WORK/per-recipient.txt" | wc -l)
IN_DOUBT_RECEIVED=$(awk '$2 == "IN_DOUBT" && $3 == 1' "$WORK/per-recipient.txt" | wc -l)
UNKNOWN=$(join -v2 <(awk '{ print $1 }' "$WORK/deliveries.txt" | sort) <(awk '{ print $1 }' "$WORK/received-per-address.txt" | sort) | wc -l)
STATES=$(psql_private -d "$DB" -At -c "select string_agg(status || '=' || n, ' ' order by status) from
  (select status, count(*) n from reminder_delivery where reminder_id = $REMINDER group by status) s")
EXECUTIONS=$(psql_private -d "$DB" -At -c "select string_agg(e.job_execution_id || ':' || e.status, ' ' order by e.job_execution_id)
  from batch_job_execution e join batch_job_instance i using (job_instance_id) where i.job_name = 'reminder-send'")

echo
echo "== kill -9 during a reminder run ($N supporters added, $RATE emails/s, $WORKERS sending workers)"
echo "recipients (delivery rows):          $RECIPIENTS"
echo "emails received when killed:         $AT_KILL (reminder $REMINDER_AT_KILL; deliveries $STATES_AT_KILL)"
echo "emails received in all:              $(received)"
echo "recipients with 0 emails:            $ZERO (of which not recorded IN_DOUBT: $ZERO_NOT_IN_DOUBT)"
echo "recipients with exactly 1 email:     $ONE (of which IN_DOUBT rows whose email did arrive: $IN_DOUBT_RECEIVED)"
echo "recipients with more than 1 email:   $MORE"
echo "emails to addresses not in the list: $UNKNOWN"
echo "SMTP connections opened:             $(grep -c '^connection' "$WORK/sink.out") (both runs)"
echo "delivery rows at the end:            $STATES"
echo "reminder-send executions:            $EXECUTIONS"
echo "restart to app healthy:              $((READY_MS - RESTART_MS)) ms"
echo "restart to first new email:          $((RESUMED_MS - RESTART_MS)) ms (stale-after $STALE_AFTER, poll every 1 s)"
echo "restart to reminder SENT:            $((DONE_MS - RESTART_MS)) ms"
[ "$MORE" -eq 0 ] || die "$MORE recipients received the reminder more than once"
[ "$UNKNOWN" -eq 0 ] || die "$UNKNOWN emails went to addresses that are not recipients"
[ "$ZERO_NOT_IN_DOUBT" -eq 0 ] || die "$ZERO_NOT_IN_DOUBT recipients got nothing and are not recorded as IN_DOUBT"
[ "$(awk '$2 == "PENDING" || $2 == "SENDING"' "$WORK/per-recipient.txt" | wc -l)" -eq 0 ] || die "deliveries left unsent"
echo "RESULT ok: no duplicate; every recipient received the reminder exactly once except $ZERO in doubt (at most once)"
