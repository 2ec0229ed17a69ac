#!/usr/bin/env bash
# Times the bill-status-sync job from the production jar, through its command-line run, on BILLS tracked bills
# read from file: URLs, and prints bills per second next to the limit measured in the same run: how fast this
# JVM parses the same files with the same parser settings and no database (bench/BillStatusParseRate.java).
#   1. first sync: every bill gets its titles, summary, sponsor, cosponsors, stances and history (all rows written),
#   2. the same files again: nothing changes (zero rows of bill data written),
#   3. an unreadable source: every bill fails alone, the exit code is non-zero and nothing changes.
# The files: the 8 real Bill Status files (batch/src/test/resources/billstatus), copied round-robin with only the
# bill number changed so that each tracked bill has its own file. They exist for timing only.
# Usage: BILLS=500 bench/bill-status-sync.sh   (builds app/target/advocacy.jar first if it is missing)
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth) and JAVA_HOME pointing at JDK 25.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
DB="${BENCH_DB:-advocacy_bench_bills}"
BILLS="${BILLS:-500}"
JAR=app/target/advocacy.jar
[ -f "$JAR" ] || ./mvnw -B -q -Pproduction -DskipTests package
WORK="$(mktemp -d /tmp/advocacy-bench-bills.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB with (force)"
psql -h 127.0.0.1 -U postgres -q -c "create database $DB"

echo "== preparing $BILLS files and bills"
python3 - "$WORK" "$BILLS" <<'PY'
import re, sys, pathlib
work, count = pathlib.Path(sys.argv[1]), int(sys.argv[2])
sources = sorted(pathlib.Path("batch/src/test/resources/billstatus").glob("*.xml"))
rows = []
for i in range(count):
    src = sources[i % len(sources)]
    text = src.read_text(encoding="utf-8")
    m = re.search(r"BILLSTATUS-(\d+)([a-z]+)(\d+)\.xml$", src.name)
    congress, kind, number = m.group(1), m.group(2), 50000 + i
    tag = "billNumber" if "<billNumber>" in text else "number"
    # Only the bill's own number changes: the first <number> (or legacy <billNumber>) inside <bill>.
    found = re.compile(r"<%s>(\d+)</%s>" % (tag, tag)).search(text, text.index("<bill>"))
    assert found.group(1) == m.group(3), src.name
    text = text[:found.start()] + "<%s>%d</%s>" % (tag, number, tag) + text[found.end():]
    (work / "files").mkdir(exist_ok=True)
    (work / "files" / f"BILLSTATUS-{congress}{kind}{number}.xml").write_text(text, encoding="utf-8")
    rows.append(f"{congress},{kind.upper()},{number},Tracked")
(work / "bills.csv").write_text("\n".join(rows) + "\n")
PY

run() {
  "$JAVA_HOME/bin/java" -jar "$JAR" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
    --advocacy.demo-data=false --logging.level.root=warn --advocacy.run-job=bill-status-sync "$@"
}
now_ms() { date +%s%3N; }
job_ms() {
  psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select round(extract(epoch from (e.end_time - e.start_time)) * 1000)
    from batch_job_execution e join batch_job_instance i using (job_instance_id)
    where i.job_name = 'bill-status-sync' order by e.job_execution_id desc limit 1"
}
rate() { awk -v n="$BILLS" -v ms="$1" 'BEGIN { printf "%.1f", n / (ms / 1000) }'; }
URL="file:$WORK/files/BILLSTATUS-{congress}{type}{number}.xml"

echo "== empty run (creates the schema, loads the bundled roster, no bill tracked yet)"
run --advocacy.bills.status-url="$URL" > "$WORK/empty.log" 2>&1 || { cat "$WORK/empty.log"; exit 1; }
psql -h 127.0.0.1 -U postgres -d "$DB" -q -c "\copy bill (congress, bill_type, number, short_title) from '$WORK/bills.csv' with (format csv)"
echo "tracked bills: $(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc 'select count(*) from bill')"

echo "== limit: parsing the same files in this JVM, no database"
"$JAVA_HOME/bin/java" bench/BillStatusParseRate.java "$WORK/files" 3

echo "== first sync ($BILLS bills, everything written)"
start=$(now_ms); set +e; run --advocacy.bills.status-url="$URL"; code=$?; set -e; end=$(now_ms)
ms=$(job_ms)
echo "exit code $code; job $ms ms = $(rate "$ms") bills/s; process $((end - start)) ms wall (JVM start included)"

echo "== the same files again (nothing changes)"
before=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select count(*) from audit_event")
start=$(now_ms); set +e; run --advocacy.bills.status-url="$URL"; code=$?; set -e; end=$(now_ms)
ms=$(job_ms)
echo "exit code $code; job $ms ms = $(rate "$ms") bills/s; process $((end - start)) ms wall; audit rows added: $(( $(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select count(*) from audit_event") - before ))"

echo "== an unreadable source (every bill fails alone, non-zero exit, nothing changes)"
stages=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select md5(string_agg(stage || coalesce(public_law, ''), ',' order by id)) from bill")
set +e; run --advocacy.bills.status-url="file:$WORK/missing/BILLSTATUS-{congress}{type}{number}.xml" > "$WORK/fail.log" 2>&1; code=$?; set -e
echo "exit code $code: $(grep -o 'bill-status-sync failed.*' "$WORK/fail.log" | cut -c1-160)"
[ "$code" -ne 0 ] || { echo "expected a non-zero exit code" >&2; exit 1; }
[ "$stages" = "$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "select md5(string_agg(stage || coalesce(public_law, ''), ',' order by id)) from bill")" ] \
  && echo "stages and public laws unchanged" || { echo "a failed run changed bills" >&2; exit 1; }
