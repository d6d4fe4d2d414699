#!/usr/bin/env bash
# Where one signed-in read's CPU goes (issue 16): starts the built API (npm run build) under
# --cpu-prof on DATABASE_URL, loads one bench read for DURATION seconds, stops the API so the
# profile is written, and summarises it by layer (profile-summary.ts) per request.
#
#   DATABASE_URL=postgres://… bench/floor/profile-read.sh "young person record (audited read)"
set -euo pipefail
only="$1"
port="${PORT:-3301}"
duration="${DURATION:-10}"
dir="${PROF_DIR:-/tmp/prof}"
: "${DATABASE_URL:?Set DATABASE_URL to the benchmark database.}"
mkdir -p "$dir"
rm -f "$dir"/*.cpuprofile

NODE_ENV=production PORT="$port" DATA_DIR="${DATA_DIR:-/tmp/heard-prof-data}" MAIL_FROM='Heard <heard@localhost>' \
  SESSION_IDLE_MINUTES=30 SESSION_ABSOLUTE_MINUTES=720 LOGIN_ATTEMPTS_PER_15_MINUTES=10000 BODY_LIMIT_KB=100 \
  LOG_LEVEL="${LOG_LEVEL:-warn}" MAIL_POLL_MS=0 DEMO_DATA=false \
  node --cpu-prof --cpu-prof-dir="$dir" dist/apps/api/main.js >/tmp/heard-prof.log 2>&1 &
api=$!
trap 'kill "$api" 2>/dev/null || true' EXIT
for _ in $(seq 60); do
  curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break
  sleep 1
done

export BENCH_URL="http://127.0.0.1:$port"
# Warm up, so first plans and lazily compiled code are not what is measured.
npm run --silent bench -- --duration 3 --only "$only" >/dev/null
row=$(npm run --silent bench -- --duration "$duration" --only "$only" | grep -F "| $only" | head -1)
kill -TERM "$api"
wait "$api" || true
trap - EXIT
echo "$row"
requests=$(awk -F'|' '{print $4 + 0}' <<<"$row")
TS_NODE_PROJECT=bench/tsconfig.json node -r ts-node/register/transpile-only bench/floor/profile-summary.ts \
  "$dir" --requests "$requests"
