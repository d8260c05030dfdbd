#!/usr/bin/env bash
# Loads airflow/dags into a DagBag with the installed Airflow (as its DAG processor does) and prints
# the import errors and every DAG's task graph as JSON (check_dagbag.py). Exit 1 on an import error.
#
#   airflow/check-dags.sh [--run-dir DIR] [--out FILE]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

run_dir="$run_dir_default"
out=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --run-dir) run_dir="$2"; shift 2 ;;
    --out) out=("$2"); shift 2 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
require_airflow
mkdir -p "$run_dir"
airflow_env "$(cd "$run_dir" && pwd)"
exec "$venv_dir/bin/python" "$airflow_dir/check_dagbag.py" "$airflow_dir/dags" "${out[@]+"${out[@]}"}"
