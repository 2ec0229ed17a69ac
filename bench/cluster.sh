#!/usr/bin/env bash
# Two instances of the production jar on one database behind a local nginx, without Docker (docs/scaling.md).
#   APP_PORT=.. NGINX_PORT=.. BENCH_DB=.. bench/cluster.sh
# Instances listen on APP_PORT+1 and APP_PORT+2 (APP_PORT itself only seeds the database); nginx listens on
# NGINX_PORT (both instances) and NGINX_PORT-1 (the first instance only, for the one-instance figure).
# Mixed load through nginx: wrk reads the campaign page, the lookup API and the find-your-legislators page;
# bench/cluster-posts.py posts call outcomes (each with its own form token, which is the action's idempotency key)
# and writes down every answer. Three phases of DURATION each: one instance, two instances, and two instances with
# the second killed with SIGKILL half-way. Then it checks: every post that got a success answer is in the database
# exactly once; the surviving instance serves pages, lookups and posts; a supporter who gave their details on the
# killed instance carries on on the survivor without giving them again; no reminder delivery or CWC delivery is
# recorded twice.
# A fifth of bench/run.sh's action volume by default (ACTIONS): what is checked here is what survives a kill;
# bench/run.sh measures each scenario at full volume.
ACTIONS="${ACTIONS:-200000}"
source "$(dirname "$0")/lib.sh"

FIRST_PORT=$((APP_PORT + 1))
SECOND_PORT=$((APP_PORT + 2))
ONE_PORT=$((NGINX_PORT - 1))
FIRST_PID=""
SECOND_PID=""
POSTERS="${POSTERS:-8}"

cluster_cleanup() {
  for pid in "$FIRST_PID" "$SECOND_PID"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  cleanup
}
trap cluster_cleanup EXIT

# start_instance PORT NAME: starts the jar in the background; prints its pid.
start_instance() {
  local port="$1" name="$2"
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:5432/$BENCH_DB" SERVER_PORT="$port" \
    ADVOCACY_ADMIN_EMAIL=bench@advocacy.test ADVOCACY_ADMIN_PASSWORD=load-test-secret-9876 \
    "$JAVA" ${JAVA_OPTS:-$DEFAULT_JAVA_OPTS} -jar "$ROOT/app/target/advocacy.jar" "${UNLIMITED[@]}" \
    > "$WORK/$name.log" 2>&1 &
  echo $!
}

wait_healthy() {
  local port="$1" pid="$2"
  for _ in $(seq 1 240); do
    curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { echo "instance on $port failed to start" >&2; return 1; }
    sleep 1
  done
  echo "instance on $port did not become ready" >&2
  return 1
}

# nginx: round robin for the public site (its sessions are in the database), sticky by client address for the
# console (a Vaadin UI lives in one instance's memory), passive health checks: an instance that refuses
# connections or answers 502/503 is skipped for fail_timeout, and idempotent requests are retried on the other.
start_cluster_nginx() {
  mkdir -p "$WORK/lb/logs"
  cat > "$WORK/lb/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/lb/nginx.pid;
error_log $WORK/lb/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  upstream site { server 127.0.0.1:$FIRST_PORT max_fails=1 fail_timeout=10s; server 127.0.0.1:$SECOND_PORT max_fails=1 fail_timeout=10s; keepalive 64; }
  upstream console { ip_hash; server 127.0.0.1:$FIRST_PORT max_fails=1 fail_timeout=10s; server 127.0.0.1:$SECOND_PORT max_fails=1 fail_timeout=10s; }
  upstream one { server 127.0.0.1:$FIRST_PORT; keepalive 64; }
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host \$host;
  proxy_set_header X-Forwarded-For \$remote_addr;
  proxy_next_upstream error timeout http_502 http_503;
  proxy_connect_timeout 2s;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { proxy_pass http://site; }
    location /admin { proxy_pass http://console; }
  }
  server {
    listen 127.0.0.1:$ONE_PORT;
    location / { proxy_pass http://one; }
  }
}
CONF
  nginx -c "$WORK/lb/nginx.conf" -p "$WORK/lb" -g 'daemon off;' &
  NGINX_PID=$!
  for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$NGINX_PORT/actuator/health" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "nginx did not start" >&2
  return 1
}

cat > "$WORK/reads.lua" <<'LUA'
-- The read side of the mixed load: campaign page, lookup API and find-your-legislators, in turn.
local paths = { "/campaigns/tsra", "/api/v1/lookup?zip=05401", "/campaigns/tsra/legislators?zip=05401" }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[i % #paths + 1])
end
LUA

# mixed_load URL SECONDS NAME: reads (wrk) and posts (python) at once; prints "reads/s posts/s read_errors post_errors"
mixed_load() {
  local url="$1" seconds="$2" name="$3"
  python3 "$BENCH_DIR/cluster-posts.py" "$url" "$WORK" "$seconds" "$WORK/posts-$name.txt" "$POSTERS" > "$WORK/posts-$name.sum" &
  local posts_pid=$!
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" -s "$WORK/reads.lua" "$url" > "$WORK/wrk-$name.txt" 2>&1
  wait "$posts_pid"
  local rps non2xx socket posts ok failed
  rps="$(awk '/Requests\/sec/ { print $2 }' "$WORK/wrk-$name.txt")"
  non2xx="$(awk '/Non-2xx or 3xx responses/ { print $NF }' "$WORK/wrk-$name.txt")"
  socket="$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$WORK/wrk-$name.txt")"
  read -r posts ok failed < "$WORK/posts-$name.sum"
  echo "$rps $(awk -v n="$ok" -v s="$seconds" 'BEGIN { printf "%.1f", n / s }') $(( ${non2xx:-0} + ${socket:-0} )) $failed"
}

seconds="${DURATION%s}"
prepare_seeded_database
log "starting two instances on $FIRST_PORT and $SECOND_PORT"
FIRST_PID="$(start_instance "$FIRST_PORT" first)"
wait_healthy "$FIRST_PORT" "$FIRST_PID"
SECOND_PID="$(start_instance "$SECOND_PORT" second)"
wait_healthy "$SECOND_PORT" "$SECOND_PID"
start_cluster_nginx
log "both instances up (pids $FIRST_PID, $SECOND_PID); nginx on $NGINX_PORT and $ONE_PORT"

# The posting supporter's session, made through the load balancer, and the form tokens.
"$BENCH_DIR/action-post.sh" "http://127.0.0.1:$NGINX_PORT" "$WORK" > /dev/null

log "warm-up ($WARMUP)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$WORK/reads.lua" "http://127.0.0.1:$NGINX_PORT" > /dev/null 2>&1
log "one instance"
read -r one_reads one_posts one_read_errors one_post_errors < <(mixed_load "http://127.0.0.1:$ONE_PORT" "$seconds" one)
log "two instances"
read -r two_reads two_posts two_read_errors two_post_errors < <(mixed_load "http://127.0.0.1:$NGINX_PORT" "$seconds" two)

# A supporter mid-journey on the instance about to die: details given there, the action not taken yet.
journey="$WORK/journey-cookies.txt"
curl -fsS -c "$journey" -b "$journey" "http://127.0.0.1:$SECOND_PORT/supporter?next=/campaigns/tsra/call?zip%3D05401%26district%3DVT-0" > "$WORK/journey.html"
jcsrf="$(sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' "$WORK/journey.html" | head -n1)"
jtoken="$(sed -n 's/.*name="formToken"[^>]*value="\([^"]*\)".*/\1/p' "$WORK/journey.html" | head -n1)"
sleep 2.2 # the form guard wants a person's fill time
curl -fsS -c "$journey" -b "$journey" -o /dev/null --data-urlencode "_csrf=$jcsrf" --data-urlencode "formToken=$jtoken" \
  --data-urlencode "name=Journey Across" --data-urlencode "email=journey-across@example.org" --data-urlencode "zip=05401" \
  --data-urlencode "next=/campaigns/tsra/call?zip=05401&district=VT-0" --data-urlencode "website=" \
  "http://127.0.0.1:$SECOND_PORT/supporter"

log "two instances, the second killed with SIGKILL after $((seconds / 2)) s"
( sleep $((seconds / 2)); kill -9 "$SECOND_PID"; date +%s.%N > "$WORK/killed-at" ) &
killer=$!
read -r kill_reads kill_posts kill_read_errors kill_post_errors < <(mixed_load "http://127.0.0.1:$NGINX_PORT" "$seconds" kill)
wait "$killer"
wait "$SECOND_PID" 2>/dev/null || true
SECOND_PID=""

# Every post answered with success is in the database exactly once.
awk '$2 == 302 { print $1 }' "$WORK"/posts-*.txt | sort -u > "$WORK/succeeded.txt"
bioguide="$(sed -n 's/.*name="bioguideId"[^>]*value="\([^"]*\)".*/\1/p' "$WORK/call.html" | head -n1)"
psql -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" -c "create table if not exists bench_succeeded (token text primary key)" \
  -c "truncate bench_succeeded" -c "\\copy bench_succeeded from '$WORK/succeeded.txt'"
read -r succeeded missing duplicated < <(psql -tAq -F ' ' -d "$BENCH_DB" -c "
  select count(*), count(*) filter (where n = 0), count(*) filter (where n > 1) from (
    select s.token, count(a.id) as n from bench_succeeded s
    left join supporter_action a on a.idempotency_key = 'call:' || s.token || ':$bioguide' group by s.token) t")
read -r twice_reminders twice_cwc < <(psql -tAq -F ' ' -d "$BENCH_DB" -c "
  select (select count(*) from (select 1 from reminder_delivery group by reminder_id, supporter_id having count(*) > 1) r),
         (select count(*) from (select 1 from cwc_delivery group by idempotency_key having count(*) > 1) c)")

# The survivor serves everything through the load balancer.
survivor_ok=yes
for path in /campaigns/tsra "/api/v1/lookup?zip=05401" "/campaigns/tsra/legislators?zip=05401"; do
  code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NGINX_PORT$path")"
  [ "$code" = 200 ] || { survivor_ok="no ($path: $code)"; }
done
python3 "$BENCH_DIR/cluster-posts.py" "http://127.0.0.1:$NGINX_PORT" "$WORK" 2 "$WORK/after.txt" 1 > "$WORK/after.sum"
read -r _ after_ok _ < "$WORK/after.sum"
[ "${after_ok:-0}" -gt 0 ] || survivor_ok="no (action posts failed)"

# The supporter from the dead instance carries on: the call page, not the details form.
code="$(curl -s -o "$WORK/journey-after.html" -w '%{http_code}' -c "$journey" -b "$journey" \
  "http://127.0.0.1:$NGINX_PORT/campaigns/tsra/call?zip=05401&district=VT-0")"
if [ "$code" = 200 ] && grep -q 'name="outcome"' "$WORK/journey-after.html"; then journey_ok=yes; else journey_ok="no ($code)"; fi

printf '\n%-34s %12s %10s %12s %12s\n' phase "reads/s" "posts/s" "read errors" "post errors"
printf '%-34s %12s %10s %12s %12s\n' "one instance (behind nginx)" "$one_reads" "$one_posts" "$one_read_errors" "$one_post_errors"
printf '%-34s %12s %10s %12s %12s\n' "two instances" "$two_reads" "$two_posts" "$two_read_errors" "$two_post_errors"
printf '%-34s %12s %10s %12s %12s\n' "two, one killed (SIGKILL) mid-run" "$kill_reads" "$kill_posts" "$kill_read_errors" "$kill_post_errors"
printf '\nposts answered with success: %s; missing from the database: %s; recorded more than once: %s\n' \
  "$succeeded" "$missing" "$duplicated"
printf 'reminder deliveries recorded twice: %s; CWC deliveries recorded twice: %s\n' "$twice_reminders" "$twice_cwc"
printf 'surviving instance serves pages, lookups and posts: %s\n' "$survivor_ok"
printf 'supporter mid-journey on the killed instance carries on without re-entering details: %s\n' "$journey_ok"
printf 'cores: %s (both instances, nginx, PostgreSQL and the load generators share them)\n' "$(nproc)"
[ "$missing" = 0 ] && [ "$duplicated" = 0 ] && [ "$survivor_ok" = yes ] && [ "$journey_ok" = yes ]
