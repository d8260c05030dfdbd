#!/usr/bin/env bash
# Submits the massbt uber jar (jobs/target/massbt-jobs-*-all.jar) with spark-submit to the
# cluster start.sh started (or to --master, e.g. 'local[2]'), the driver on 127.0.0.1,
# spark.authenticate's secret from $MASSBT_SPARK_SECRET (massbt
# reads it from the environment itself, so it is on no command line). Exits with massbt's exit code.
#
#   cluster/submit.sh [--run-dir DIR] [spark-submit options] -- <massbt command> [options]
#   cluster/submit.sh backtest --strategies-run gen7 --symbols SYN7_001 --warehouse /shared/wh
#
# Without '--' every argument is massbt's. MASSBT_DRIVER_MEMORY (default 2g) sizes the driver.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

run_dir="$run_dir_default"
submit_opts=()
master=""
if [[ " $* " == *" -- "* ]]; then
  while [[ $# -gt 0 && "$1" != "--" ]]; do
    case "$1" in
      --run-dir) run_dir="$2"; shift 2 ;;
      --master) master="$2"; shift 2 ;;
      *) submit_opts+=("$1"); shift ;;
    esac
  done
  shift # the --
fi
[[ $# -gt 0 ]] || die "no massbt command given (see cluster/submit.sh --help... or ./massbt --help)"
require_secret

if [[ -z "$master" ]]; then
  load_state "$run_dir"
  master="$MASTER_URL"
  spark_home="$SPARK_HOME"
else
  spark_home="$("$cluster_dir/install-spark.sh")"
fi
jar="$(massbt_jar)"

export SPARK_HOME="$spark_home"
export SPARK_CONF_DIR="$cluster_dir/conf"
export SPARK_LOCAL_IP=127.0.0.1
mkdir -p "$run_dir/local"
export SPARK_LOCAL_DIRS="$run_dir/local"

exec "$spark_home/bin/spark-submit" --master "$master" --class dev.massbt.jobs.Main \
  --driver-memory "${MASSBT_DRIVER_MEMORY:-2g}" \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
  --conf spark.ui.enabled=false \
  "${submit_opts[@]+"${submit_opts[@]}"}" \
  "$jar" "$@"
