#!/usr/bin/env bash
# Times the roster-sync job from the production jar, through its command-line run:
#   1. a full sync into an empty database (537 members, 1,312 district offices),
#   2. a sync of the same files again (nothing changes, zero rows written),
# and checks the exit codes: 0 for both, and non-zero for an unreachable URL (nothing written).
# Usage: bench/roster-sync.sh   (builds app/target/advocacy.jar first if it is missing)
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth) and JAVA_HOME pointing at JDK 25.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
DB="${BENCH_DB:-advocacy_bench_roster}"
JAR=app/target/advocacy.jar
[ -f "$JAR" ] || ./mvnw -B -q -Pproduction -DskipTests package

psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB with (force)"
psql -h 127.0.0.1 -U postgres -q -c "create database $DB"

BUNDLED=classpath:roster
run() {
  "$JAVA_HOME/bin/java" -jar "$JAR" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
    --advocacy.demo-data=false --logging.level.root=warn "$@"
}
now_ms() { date +%s%3N; }
sync() {
  local legislators="${1:-$BUNDLED/legislators-current.yaml}"
  run --advocacy.run-job=roster-sync \
    --advocacy.roster.legislators-url="$legislators" \
    --advocacy.roster.offices-url=$BUNDLED/legislators-district-offices.yaml \
    --advocacy.roster.social-url=$BUNDLED/legislators-social-media.yaml
}
job_ms() {
  # The job's own timing, from the batch tables: the latest roster-sync run.
  psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select round(extract(epoch from (e.end_time - e.start_time)) * 1000)
    from batch_job_execution e join batch_job_instance i using (job_instance_id)
    where i.job_name = 'roster-sync' order by e.job_execution_id desc limit 1"
}
steps_ms() {
  psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select string_agg(s.step_name || ' ' || round(extract(epoch from (s.end_time - s.start_time)) * 1000) || ' ms', ', ' order by s.step_execution_id)
    from batch_step_execution s where s.job_execution_id = (select max(e.job_execution_id) from batch_job_execution e
    join batch_job_instance i using (job_instance_id) where i.job_name = 'roster-sync')"
}

echo "== full sync into an empty database"
start=$(now_ms); sync; code=$?; end=$(now_ms)
echo "exit code $code; process $((end - start)) ms wall (JVM start included), job $(job_ms) ms ($(steps_ms))"

echo "== the same files again (no change)"
start=$(now_ms); sync; code=$?; end=$(now_ms)
echo "exit code $code; process $((end - start)) ms wall (JVM start included), job $(job_ms) ms ($(steps_ms))"
psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select 'last run: rows written ' || rows_written || ', unchanged ' || members_unchanged from roster_sync_run order by id desc limit 1"

echo "== an unreachable URL (must fail with a non-zero exit code)"
set +e
sync http://127.0.0.1:9/legislators-current.yaml
code=$?
set -e
echo "exit code $code"
[ "$code" -ne 0 ] || { echo "expected a non-zero exit code" >&2; exit 1; }
psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select 'sitting members after the failed run: ' || count(*) from legislator where in_office"
