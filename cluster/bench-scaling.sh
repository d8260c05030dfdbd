#!/usr/bin/env bash
# Scaling: the same backtest (massbt bench: N random strategies over M synthetic one-minute
# bars, a fixed chunk size so both runs have the same tasks) on a standalone cluster of 1
# worker and then of 2 workers, 1 core each. Prints one line of JSON per run and then the
# speed-up ratios. Not a test: timings depend on the machine (see README, Run on a cluster).
#
#   cluster/bench-scaling.sh [--strategies 20000] [--bars 1000000] [--chunk-size 250] [--memory 3g] [--warehouse DIR]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

strategies=20000 bars=1000000 chunk=250 memory=3g warehouse="$cluster_dir/target/bench-warehouse"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --strategies) strategies="$2"; shift 2 ;;
    --bars) bars="$2"; shift 2 ;;
    --chunk-size) chunk="$2"; shift 2 ;;
    --memory) memory="$2"; shift 2 ;;
    --warehouse) warehouse="$2"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
massbt_jar >/dev/null
# A secret for these throwaway clusters, unless one is given; it lives only in this process's environment.
export MASSBT_SPARK_SECRET="${MASSBT_SPARK_SECRET:-$(python3 -c 'import secrets; print(secrets.token_hex(32))')}"
mkdir -p "$warehouse"

declare -A json
for workers in 1 2; do
  run_dir="$cluster_dir/target/bench-run-$workers"
  "$cluster_dir/stop.sh" --run-dir "$run_dir" >/dev/null 2>&1 || true
  trap '"$cluster_dir/stop.sh" --run-dir "$run_dir" >/dev/null 2>&1 || true' EXIT
  "$cluster_dir/start.sh" --workers "$workers" --cores 1 --memory "$memory" --run-dir "$run_dir" >/dev/null
  line=$("$cluster_dir/submit.sh" --run-dir "$run_dir" --conf "spark.executor.memory=$memory" -- \
    bench --strategies "$strategies" --bars "$bars" --chunk-size "$chunk" --seed 7 \
    --warehouse "$warehouse" --run-id "scaling-$workers-worker" 2>"$run_dir/bench.log" | grep '^{' | tail -n 1) \
    || die "bench on $workers worker(s) failed: see $run_dir/bench.log"
  "$cluster_dir/stop.sh" --run-dir "$run_dir" >/dev/null
  json[$workers]="$line"
  echo "{\"workers\":$workers,\"cores_per_worker\":1,\"bench\":$line}"
done

python3 - "${json[1]}" "${json[2]}" <<'PY'
import json, sys
one, two = json.loads(sys.argv[1]), json.loads(sys.argv[2])
ratio = lambda k: round(one[k] / two[k], 2)
print(json.dumps({"speedup_task_seconds": ratio("task_seconds"), "speedup_backtest_seconds": ratio("backtest_seconds"),
                  "speedup_seconds": ratio("seconds"), "tasks": two["tasks"]}))
PY
