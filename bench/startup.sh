#!/usr/bin/env bash
# Start-up: how long the production build takes from `java` to a healthy /actuator/health on an existing
# database, and how fast its first requests are next to warm ones.
#   bench/startup.sh            # RUNS=3 starts of each VARIANTS (default: "jar aot")
# Variants:
#   jar  java -jar app/target/advocacy.jar (the fat jar, no AOT cache)
#   aot  the extracted jar with the JDK's AOT cache, as the Dockerfile runs it (app/target/aot/, made by
#        ./mvnw -Pproduction package)
#   NAME=DIR  the same from another build's extracted directory, e.g. main=/tmp/main-aot (a copy of main's
#        app/target/aot), for A/B runs of two builds back to back
# The database (BENCH_DB) is made once: created, migrated and filled by a first start that is not measured
# (roster and ZIP table loaded, demo campaign), so the measured starts find an existing database, as after a
# deploy. Each measured start: the time from launching the JVM to the first 200 from /actuator/health (polled
# every 50 ms) and the CPU seconds the JVM used until then (user + system from /proc, compiler and GC threads
# included: less sensitive than wall time to other load on the machine), then the first requests, each timed
# once (the campaign page, the lookup API, the supporter details form, the details post, the call page, the first
# call outcome post and an uncached lookup) and the CPU seconds the JVM used meanwhile, then every second until
# 10 s after healthy the same call outcome post and an uncached lookup; then WARM_LOAD (30s) of wrk on the action
# post and the same requests again, one at a time (median of 20). It prints each figure beside its target.
source "$(dirname "$0")/lib.sh"

RUNS="${RUNS:-3}"
VARIANTS="${VARIANTS:-jar aot}"
WARM_LOAD="${WARM_LOAD:-30s}"

ensure_jar
# EXISTING_DB=1: measure on BENCH_DB as it is (e.g. the seeded database bench/run.sh leaves behind).
if [ "${EXISTING_DB:-0}" != 1 ]; then
  fresh_database
  AOT=0 start_app "${UNLIMITED[@]}"
  stop_app
fi

base="http://127.0.0.1:$APP_PORT"
now() { date +%s.%N; }
ms_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.0f", (b - a) * 1000 }'; }
# time_ms CURL_ARGS...: one request with the session's cookie jar, its total time in ms.
time_to() { local out="$1"; shift; curl -sS -o "$out" -c "$WORK/cookies.txt" -b "$WORK/cookies.txt" -w '%{time_total}' "$@" | awk '{ printf "%.1f", $1 * 1000 }'; }
time_ms() { time_to /dev/null "$@"; }
form_field() { sed -n "s/.*name=\"$1\"[^>]*value=\"\([^\"]*\)\".*/\1/p" "$2" | head -n1; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
key_hex() { psql -tAq -d "$BENCH_DB" -c "select encode(secret, 'hex') from server_secret where name = 'form-token-key'"; }
# A form token signed with the site's key, dated a minute ago (as bench/action-post.sh makes them).
token() {
  python3 - "$(key_hex)" <<'PY'
import base64, hmac, hashlib, os, sys, time
key = bytes.fromhex(sys.argv[1])
b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
head = f"{int(time.time() * 1000) - 60000}.{b64(os.urandom(16))}"
print(f"{head}.{b64(hmac.new(key, head.encode(), hashlib.sha256).digest()[:16])}")
PY
}
post_call() {
  time_ms -X POST --data "_csrf=$csrf&formToken=$(token)&zip=05401&district=VT-0&step=$step&bioguideId=$bioguide&outcome=VOICEMAIL&website=" \
    "$base/campaigns/tsra/call"
}
ZIPS=(10001 60614 78701 02861 30165 82001 20001 00901 94110 91711 94541 33101 98101 80202 97201 55401 63101 48201
      15201 44101 27601 29201 37201 35201 39201 70112 72201 73102 67202 68102 57501 58501 59601 83702 84101 87501)
zip_index=0
uncached_lookup() { zip_index=$((zip_index + 1)); time_ms "$base/api/v1/lookup?zip=${ZIPS[$((zip_index % ${#ZIPS[@]}))]}&n=$zip_index"; }

# launch VARIANT: starts the JVM as the variant runs in production; sets APP_PID.
launch() {
  local cmd
  case "$1" in
    jar) cmd=(-jar "$ROOT/app/target/advocacy.jar") ;;
    aot) cmd=(-XX:AOTCache="$AOT_DIR/advocacy.aot" -jar "$AOT_DIR/advocacy.jar") ;;
    *=*) cmd=(-XX:AOTCache="${1#*=}/advocacy.aot" -jar "${1#*=}/advocacy.jar") ;;
  esac
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:5432/$BENCH_DB" SERVER_PORT="$APP_PORT" \
    ADVOCACY_ADMIN_EMAIL=bench@advocacy.test ADVOCACY_ADMIN_PASSWORD=load-test-secret-9876 \
    "$JAVA" ${JAVA_OPTS:-$DEFAULT_JAVA_OPTS} "${cmd[@]}" "${UNLIMITED[@]}" > "$WORK/app.log" 2>&1 &
  APP_PID=$!
}

results="$WORK/results.txt"
: > "$results"
for variant in $VARIANTS; do
  if [ "$variant" = aot ] && [ ! -f "$AOT_DIR/advocacy.aot" ]; then
    log "no AOT cache in $AOT_DIR (./mvnw -Pproduction package makes it); skipping the aot variant"
    continue
  fi
  label="${variant%%=*}"
  for run in $(seq 1 "$RUNS"); do
    sync
    start="$(now)"
    launch "$variant"
    healthy=""
    for _ in $(seq 1 6000); do
      if curl -fsS -o /dev/null "$base/actuator/health" 2>/dev/null; then healthy="$(ms_since "$start")"; cpu="$(app_cpu_s)"; break; fi
      kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$WORK/app.log" >&2; echo "the app failed to start" >&2; exit 1; }
      sleep 0.05
    done
    [ -n "$healthy" ] || { echo "not healthy in 300 s" >&2; exit 1; }
    up="$(now)"
    started="$(sed -n 's/.*Started AdvocacyApplication in \([0-9.]*\) seconds.*/\1/p' "$WORK/app.log")"
    rm -f "$WORK/cookies.txt"
    first_page="$(time_ms "$base/campaigns/tsra")"
    first_lookup="$(time_ms "$base/api/v1/lookup?zip=05401")"
    details_url="$base/supporter?next=/campaigns/tsra/call?zip%3D05401%26district%3DVT-0"
    first_details="$(time_to "$WORK/details.html" "$details_url")"
    csrf="$(form_field _csrf "$WORK/details.html")"
    sleep 2.5 # the form guard wants a person's fill time
    first_details_post="$(time_ms --data-urlencode "_csrf=$csrf" --data-urlencode "formToken=$(form_field formToken "$WORK/details.html")" \
      --data-urlencode "name=Startup Bench" --data-urlencode "email=startup-bench@example.org" --data-urlencode "zip=05401" \
      --data-urlencode "next=/campaigns/tsra/call?zip=05401&district=VT-0" --data-urlencode "website=" "$base/supporter")"
    first_call_page="$(time_to "$WORK/call.html" "$base/campaigns/tsra/call?zip=05401&district=VT-0")"
    csrf="$(form_field _csrf "$WORK/call.html")"
    bioguide="$(form_field bioguideId "$WORK/call.html")"
    step="$(form_field step "$WORK/call.html")"
    if [ -z "$csrf" ] || [ -z "$bioguide" ]; then
      echo "could not prepare a supporter session (no call form after the details post); the posts are not measured" >&2
    fi
    first_post="$(post_call)"
    first_uncached="$(uncached_lookup)"
    cpu_first="$(awk -v a="$cpu" -v b="$(app_cpu_s)" 'BEGIN { printf "%.2f", b - a }')"
    # Until 10 s after healthy: one post and one uncached lookup a second; the last five count as "at 10 s".
    : > "$WORK/post-10s.txt"
    : > "$WORK/lookup-10s.txt"
    while [ "$(ms_since "$up")" -lt 10000 ]; do
      post_call >> "$WORK/post-10s.txt"; echo >> "$WORK/post-10s.txt"
      uncached_lookup >> "$WORK/lookup-10s.txt"; echo >> "$WORK/lookup-10s.txt"
      sleep 0.2
    done
    post_10s="$(tail -n 5 "$WORK/post-10s.txt" | median)"
    lookup_10s="$(tail -n 5 "$WORK/lookup-10s.txt" | median)"
    rss_up="$(app_rss_mb)"
    warm_post="-"; warm_lookup="-"
    if [ "$run" = 1 ]; then
      # Warm: load on the action post (the same script as bench/run.sh), then the same requests one at a time.
      "$BENCH_DIR/action-post.sh" "$base" "$WORK" > "$WORK/action-post.lua" 2>/dev/null
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARM_LOAD" -s "$WORK/action-post.lua" "$base/" > /dev/null 2>&1
      : > "$WORK/post-warm.txt"; : > "$WORK/lookup-warm.txt"
      for _ in $(seq 1 20); do
        post_call >> "$WORK/post-warm.txt"; echo >> "$WORK/post-warm.txt"
        uncached_lookup >> "$WORK/lookup-warm.txt"; echo >> "$WORK/lookup-warm.txt"
      done
      warm_post="$(median < "$WORK/post-warm.txt")"
      warm_lookup="$(median < "$WORK/lookup-warm.txt")"
    fi
    echo "$label $run $healthy ${started:--} $first_page $first_lookup $first_details $first_details_post $first_call_page $first_post $first_uncached $post_10s $lookup_10s $warm_post $warm_lookup $rss_up $cpu $cpu_first" >> "$results"
    log "$label run $run: healthy after $healthy ms, $cpu CPU s"
    stop_app
  done
done

printf '\nStart to healthy (target < 5,000 ms), existing database, %s starts per variant\n' "$RUNS"
printf '%-8s %4s %12s %12s %14s %10s\n' variant run "healthy ms" "CPU s" "Spring says s" "RSS MB"
awk '{ printf "%-8s %4s %12s %12s %14s %10s\n", $1, $2, $3, $17, $4, $16 }' "$results"
printf '\nFirst requests after healthy, ms (one each, in this order)\n'
printf '%-8s %4s %9s %9s %9s %9s %9s %9s %9s %9s\n' variant run campaign lookup details "det.post" "call pg" "1st post" "uncached" "CPU s"
awk '{ printf "%-8s %4s %9s %9s %9s %9s %9s %9s %9s %9s\n", $1, $2, $5, $6, $7, $8, $9, $10, $11, $18 }' "$results"
printf '\nAt 10 s after healthy vs warm (median ms; target: as fast as warm within 10 s, i.e. ratio <= 1.25)\n'
printf '%-8s %4s %10s %10s %10s %12s %12s %12s\n' variant run "post@10s" "post warm" ratio "lookup@10s" "lookup warm" ratio
for variant in $VARIANTS; do
  variant="${variant%%=*}"
  read -r wp wl < <(awk -v v="$variant" '$1 == v && $2 == 1 { print $14, $15 }' "$results")
  awk -v v="$variant" -v wp="$wp" -v wl="$wl" '$1 == v {
    printf "%-8s %4s %10s %10s %10s %12s %12s %12s\n", $1, $2, $12, wp, (wp > 0 && $12 != "-" ? sprintf("%.2f", $12 / wp) : "-"),
      $13, wl, (wl > 0 && $13 != "-" ? sprintf("%.2f", $13 / wl) : "-") }' "$results"
done
cp "$results" "${STARTUP_RESULTS:-/dev/null}" 2>/dev/null || true
