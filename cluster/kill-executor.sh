#!/usr/bin/env bash
# Kills (SIGKILL, as a crash would) the executor JVM(s) running under worker <i> of the
# cluster in the run dir: the fault a backtest must survive. Prints the pids killed; exit 1 if
# that worker runs no executor.
#
#   cluster/kill-executor.sh [--run-dir DIR] <worker index, 1..N>
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

run_dir="$run_dir_default"
if [[ "${1:-}" == "--run-dir" ]]; then run_dir="$2"; shift 2; fi
worker="${1:-}"
load_state "$run_dir"
[[ "$worker" =~ ^[0-9]+$ && "$worker" -ge 1 && "$worker" -le "$WORKERS" ]] \
  || die "give a worker index 1..$WORKERS, got '$worker'"
port_var="WORKER_${worker}_PORT"
pids=$(pgrep -f "CoarseGrainedExecutorBackend.*spark://Worker@127.0.0.1:${!port_var}( |$)" || true)
[[ -n "$pids" ]] || { say "worker $worker runs no executor"; exit 1; }
# shellcheck disable=SC2086
kill -KILL $pids
echo $pids
