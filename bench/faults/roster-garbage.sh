#!/usr/bin/env bash
# Fault: the roster source fails or returns garbage. The previous roster must be kept.
#
#   bench/faults/roster-garbage.sh
#
# Runs the production jar's command-line job (java -jar advocacy.jar --advocacy.run-job=roster-sync ...) against a
# private PostgreSQL cluster (FAULTS_PG_PORT, default 5433): first a good sync from the bundled snapshot, then one run
# per kind of bad source. After each run it prints the exit code, the job's one-line reason, and the sitting-member
# count and a checksum of every roster row (legislator, district_office, legislator_party_affiliation).
# Exits non-zero if a bad run exits 0 or changes any roster row.
source "$(dirname "$0")/lib.sh"

BUNDLED=classpath:roster
GOOD_SOURCE="$ROOT/batch/src/main/resources/roster/legislators-current.yaml"

prepare_jar
pg_init

sync() { # sync LEGISLATORS_URL: runs the job once; prints "exit-code<TAB>last line of its output"
  local out="$WORK/sync-$RANDOM.log" code
  set +e
  "$JAVA" -Xmx512m -jar "$WORK/advocacy.jar" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" \
    --advocacy.demo-data=false --logging.level.root=warn \
    --advocacy.run-job=roster-sync \
    --advocacy.roster.legislators-url="$1" \
    --advocacy.roster.offices-url="$BUNDLED/legislators-district-offices.yaml" \
    --advocacy.roster.social-url="$BUNDLED/legislators-social-media.yaml" > "$out" 2>&1
  code=$?
  set -e
  printf '%s\t%s\n' "$code" "$(grep -E 'roster-sync (succeeded|failed|could not start)' "$out" | tail -1 | cut -c1-150)"
}

roster_state() { # sitting members and a checksum of every roster row
  psql_private -d "$DB" -At -F' ' -c "select
      (select count(*) from legislator where in_office),
      md5((select string_agg(l::text, '|' order by bioguide_id) from legislator l)
        || (select coalesce(string_agg(o::text, '|' order by id), '') from district_office o)
        || (select coalesce(string_agg(p::text, '|' order by bioguide_id, starts_on), '') from legislator_party_affiliation p))"
}

log "good sync from the bundled snapshot (first start of the schema included)"
IFS=$'\t' read -r code message < <(sync "$BUNDLED/legislators-current.yaml")
[ "$code" = 0 ] || die "the good sync failed: $message"
read -r GOOD_COUNT GOOD_SUM < <(roster_state)
log "roster: $GOOD_COUNT sitting members, checksum $GOOD_SUM"

G="$WORK/garbage"
mkdir -p "$G"
head -c 20000 /dev/urandom > "$G/random-bytes.yaml"
printf -- '- id: {bioguide: A000055\n  name: [\n' > "$G/malformed.yaml"
: > "$G/empty.yaml"
cat > "$G/html-error-page.yaml" <<'HTML'
<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>
HTML
cat > "$G/missing-fields.yaml" <<'YAML'
- id:
    bioguide: C000127
  name:
    first: Maria
  terms: []
YAML
# A roster cut off after 300 of its 537 members (a truncated download): over the 20% removal safety limit.
awk '/^- id:/ { n++ } n <= 300' "$GOOD_SOURCE" > "$G/truncated-300-of-537.yaml"

CASES=(
  "unreachable-url|http://127.0.0.1:9/legislators-current.yaml"
  "no-such-file|file:$G/does-not-exist.yaml"
  "random-bytes|file:$G/random-bytes.yaml"
  "malformed-yaml|file:$G/malformed.yaml"
  "empty-file|file:$G/empty.yaml"
  "html-error-page|file:$G/html-error-page.yaml"
  "missing-fields|file:$G/missing-fields.yaml"
  "truncated-roster|file:$G/truncated-300-of-537.yaml"
)
FAILED=0
RESULTS=()
for case in "${CASES[@]}"; do
  name="${case%%|*}"
  url="${case#*|}"
  log "bad source: $name"
  IFS=$'\t' read -r code message < <(sync "$url")
  read -r count sum < <(roster_state)
  kept=$([ "$count" = "$GOOD_COUNT" ] && [ "$sum" = "$GOOD_SUM" ] && echo yes || echo NO)
  RESULTS+=("$(printf '%-18s %4s %8s %6s  %s' "$name" "$code" "$count" "$kept" "$message")")
  if [ "$code" = 0 ] || [ "$kept" != yes ]; then FAILED=$((FAILED + 1)); fi
done

echo
echo "== roster source failing or returning garbage (good roster: $GOOD_COUNT sitting members, checksum $GOOD_SUM)"
printf '%-18s %4s %8s %6s  %s\n' source exit sitting kept "job output"
printf '%s\n' "${RESULTS[@]}"
echo "roster_sync_run rows: $(psql_private -d "$DB" -At -c "select string_agg(status || '=' || n, ' ') from (select status, count(*) n from roster_sync_run group by status) s")"
[ "$FAILED" -eq 0 ] || die "$FAILED bad sources were accepted or changed the roster"
echo "RESULT ok: every bad source failed with a non-zero exit code and left every roster row as it was"
