#!/usr/bin/env bash
# Runs one DAG run in-process with `airflow dags test` (no scheduler, no API server): every task
# for real, the Spark steps with spark-submit on the massbt_spark connection. Exits non-zero when
# the run failed. State (SQLite database, logs) goes under the run dir.
#
#   airflow/dags-test.sh [--run-dir DIR] [--master local[2]] DAG LOGICAL_DATE [--conf JSON]
#   airflow/dags-test.sh massbt_daily 2026-01-10 --conf '{"warehouse": "/tmp/wh", ...}'
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

run_dir="$run_dir_default"
master="local[2]"
while [[ $# -gt 0 && "$1" == --* ]]; do
  case "$1" in
    --run-dir) run_dir="$2"; shift 2 ;;
    --master) master="$2"; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[[ $# -ge 2 ]] || die "usage: dags-test.sh [--run-dir DIR] [--master M] DAG LOGICAL_DATE [--conf JSON]"
dag="$1" date="$2"; shift 2
conf="{}"
if [[ $# -gt 0 ]]; then
  [[ "$1" == --conf && $# -eq 2 ]] || die "after DAG and LOGICAL_DATE only --conf JSON is allowed"
  conf="$2"
fi
require_airflow
mkdir -p "$run_dir"
run_dir="$(cd "$run_dir" && pwd)"
airflow_env "$run_dir"
export_spark_connection "$master" "$(massbt_jar)"
airflow db migrate > "$run_dir/logs/db-migrate.log" 2>&1 \
  || die "airflow db migrate failed: see $run_dir/logs/db-migrate.log"
exec airflow dags test "$dag" "$date" -c "$conf"
