#!/usr/bin/env bash
# CPU time per request of one bench endpoint: runs `npm run bench -- --only "<name>"` against a
# running API and reads the CPU time of the API process and of every PostgreSQL process from /proc
# before and after. Compares builds fairly on one machine, where p95 alone moves with the machine.
#
#   bench/cpu-per-request.sh "young people, name search"      # API_PID defaults to the running build
set -euo pipefail
only="$1"
api_pid="${API_PID:-$(pgrep -f '^node .*dist/apps/api/main.js' | head -1)}"
tick=$(getconf CLK_TCK)

cpu_of() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
snapshot() {
  local pg=0
  for pid in $(pgrep -u postgres); do pg=$((pg + $(cpu_of "$pid"))); done
  echo "$(cpu_of "$api_pid") $pg"
}

# Warm up, so connection set-up and first plans are not counted.
npm run --silent bench -- --duration 3 --only "$only" >/dev/null
read -r node0 pg0 < <(snapshot)
row=$(npm run --silent bench -- --duration 10 --only "$only" | grep -F "| $only" | head -1)
read -r node1 pg1 < <(snapshot)
requests=$(awk -F'|' '{print $4 + 0}' <<<"$row")
echo "$row"
awk -v n=$((node1 - node0)) -v p=$((pg1 - pg0)) -v r="$requests" -v t="$tick" 'BEGIN {
  printf "CPU per request: Node %.2f ms, PostgreSQL %.2f ms\n", n * 1000 / t / r, p * 1000 / t / r }'
