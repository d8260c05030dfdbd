#!/usr/bin/env bash
# Stops what start.sh started for a run dir: executors, workers, master. Idempotent: a run dir
# with nothing running is fine. Logs stay in the run dir.
#
#   cluster/stop.sh [--run-dir DIR]
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
[[ -d "$run_dir" ]] || { say "nothing to stop: no $run_dir"; exit 0; }
run_dir="$(cd "$run_dir" && pwd)"

pids=()
if [[ -f "$run_dir/cluster.env" ]]; then
  # shellcheck disable=SC1091
  source "$run_dir/cluster.env"
  for i in $(seq 1 "${WORKERS:-0}"); do
    port_var="WORKER_${i}_PORT"
    # Executors carry their worker's URL on their command line.
    while read -r pid; do [[ -n "$pid" ]] && pids+=("$pid"); done \
      < <(pgrep -f "CoarseGrainedExecutorBackend.*spark://Worker@127.0.0.1:${!port_var}( |$)" || true)
    pid_var="WORKER_${i}_PID"
    [[ -n "${!pid_var:-}" ]] && pids+=("${!pid_var}")
  done
  [[ -n "${MASTER_PID:-}" ]] && pids+=("$MASTER_PID")
fi
# Daemons of this run whose pid was not recorded (the marker start.sh puts on them).
while read -r pid; do [[ -n "$pid" ]] && pids+=("$pid"); done \
  < <(pgrep -f -- "-Dmassbt.cluster.run=$run_dir( |$)" || true)

alive() { kill -0 "$1" 2>/dev/null; }
live=()
# (a pid can be found both ways: count each once)
for pid in $(printf '%s\n' "${pids[@]+"${pids[@]}"}" | sort -un); do alive "$pid" && live+=("$pid"); done
if [[ ${#live[@]} -gt 0 ]]; then
  kill -TERM "${live[@]}" 2>/dev/null || true
  for _ in $(seq 1 100); do
    still=()
    for pid in "${live[@]}"; do alive "$pid" && still+=("$pid"); done
    [[ ${#still[@]} -eq 0 ]] && break
    sleep 0.1
  done
  for pid in "${live[@]}"; do alive "$pid" && kill -KILL "$pid" 2>/dev/null || true; done
  say "stopped ${#live[@]} process(es) of $run_dir"
else
  say "nothing running in $run_dir"
fi
rm -f "$run_dir/cluster.env"
