#!/usr/bin/env bash
# One command per scenario:
#   bench/run.sh campaign-page | lookup-api | find-legislators | action-post | all
# Each run builds (or reuses) the production jar, starts it against a fresh database seeded with
# SUPPORTERS (100,000) supporters and ACTIONS (1,000,000) actions, runs wrk with CONNECTIONS (64)
# connections for DURATION (20s) after WARMUP (30s) of the same load, and measures the machine's limits in
# the same run: nginx serving the campaign page's exact HTML as a static file, and pgbench single-row
# inserts on the same PostgreSQL.
# It prints requests/s, p50 and p99 latency, the ratio to the limit, and the app's peak RSS.
source "$(dirname "$0")/lib.sh"

scenario="${1:-all}"
case "$scenario" in
  campaign-page|lookup-api|find-legislators|action-post|all) ;;
  *) echo "usage: $0 campaign-page|lookup-api|find-legislators|action-post|all" >&2; exit 2 ;;
esac

prepare_seeded_database

insert_tps=""
if [ "$scenario" = action-post ] || [ "$scenario" = all ]; then
  # Measured while the app is stopped, so that pgbench's clients and the app's pool do not compete for connections.
  insert_tps="$(pgbench_insert_tps)"
  log "pgbench single-row insert: $insert_tps tps"
fi

start_app "${UNLIMITED[@]}"
base="http://127.0.0.1:$APP_PORT"
curl -fsS "$base/campaigns/tsra" > "$WORK/campaign.html"
curl -fsS "$base/campaigns/tsra/legislators?zip=05401" > /dev/null
curl -fsS "$base/api/v1/lookup?zip=05401" > /dev/null

nginx_static "$WORK/campaign.html"
read -r _ nginx_rps nginx_p50 nginx_p99 _ < <(run_wrk nginx-static "http://127.0.0.1:$NGINX_PORT/")
stop_nginx
log "nginx static: $nginx_rps req/s"

printf '\n%-18s %10s %9s %9s %8s %s\n' scenario "req/s" "p50 ms" "p99 ms" "errors" "ratio to limit"
printf '%-18s %10s %9s %9s %8s %s\n' nginx-static "$nginx_rps" "$nginx_p50" "$nginx_p99" 0 "(limit for pages)"
[ -n "$insert_tps" ] && printf '%-18s %10s %9s %9s %8s %s\n' pgbench-insert "$insert_tps" - - 0 "(limit for the action post)"

report() {
  local name="$1" limit="$2" label="$3"
  shift 3
  read -r n rps p50 p99 errors < <(run_wrk "$name" "$@")
  printf '%-18s %10s %9s %9s %8s %s\n' "$n" "$rps" "$p50" "$p99" "$errors" "$(ratio "$rps" "$limit") of $label"
}

run() {
  case "$1" in
    campaign-page) report campaign-page "$nginx_rps" nginx "$base/campaigns/tsra" ;;
    lookup-api) report lookup-api "$nginx_rps" nginx -s "$BENCH_DIR/lookup-zips.lua" "$base/api/v1/lookup" ;;
    find-legislators) report find-legislators "$nginx_rps" nginx -s "$BENCH_DIR/find-zips.lua" "$base/campaigns/tsra/legislators" ;;
    action-post) "$BENCH_DIR/action-post.sh" "$base" "$WORK" > "$WORK/action-post.lua"
                 report action-post "$insert_tps" pgbench -s "$WORK/action-post.lua" "$base/" ;;
  esac
}

if [ "$scenario" = all ]; then
  for s in campaign-page lookup-api find-legislators action-post; do run "$s"; done
else
  run "$scenario"
fi
printf '\napp peak RSS: %s MB\n' "$(app_peak_rss_mb)"
