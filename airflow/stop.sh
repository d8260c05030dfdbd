#!/usr/bin/env bash
# Stops what start.sh started for a run dir (API server, scheduler, DAG processor, and the task
# processes they started): SIGTERM to each process group, SIGKILL after 20 s. Idempotent.
#
#   airflow/stop.sh [--run-dir DIR]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

run_dir="$run_dir_default"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --run-dir) run_dir="$2"; shift 2 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[[ -f "$run_dir/airflow.env" ]] || { say "nothing to stop in $run_dir"; exit 0; }
# shellcheck disable=SC1091
source "$run_dir/airflow.env"
pids=("$API_PID" "$SCHEDULER_PID" "$PROCESSOR_PID")
for pid in "${pids[@]}"; do
  kill -TERM -- "-$pid" 2>/dev/null || true
done
for _ in $(seq 1 20); do
  alive=0
  for pid in "${pids[@]}"; do
    kill -0 -- "-$pid" 2>/dev/null && alive=1
  done
  [[ $alive == 0 ]] && break
  sleep 1
done
for pid in "${pids[@]}"; do
  kill -KILL -- "-$pid" 2>/dev/null || true
done
rm -f "$run_dir/airflow.env"
say "stopped Airflow of $run_dir"
