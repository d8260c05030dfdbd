#!/usr/bin/env bash
# Starts a Spark standalone master and N workers on 127.0.0.1 from the Spark distribution of
# the build's version (installed by install-spark.sh on first use), with spark.authenticate and
# RPC encryption on. Free ports are chosen; logs, work and scratch dirs go under the run dir.
# Returns once every worker has registered with the master. Stop with stop.sh.
#
#   MASSBT_SPARK_SECRET=$(openssl rand -hex 32) cluster/start.sh [--workers 2] [--cores 1] [--memory 1g] [--run-dir DIR]
#
# The run dir (default cluster/target/run) then holds cluster.env (master URL, ports, pids),
# master.log, worker-<i>.log and worker-<i>/ (each executor's stdout/stderr).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

workers=2 cores=1 memory=1g run_dir="$run_dir_default" timeout=120
while [[ $# -gt 0 ]]; do
  case "$1" in
    --workers) workers="$2"; shift 2 ;;
    --cores) cores="$2"; shift 2 ;;
    --memory) memory="$2"; shift 2 ;;
    --run-dir) run_dir="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[[ "$workers" =~ ^[1-9][0-9]*$ ]] || die "--workers must be a whole number >= 1, got '$workers'"
[[ "$cores" =~ ^[1-9][0-9]*$ ]] || die "--cores must be a whole number >= 1, got '$cores'"
require_secret

mkdir -p "$run_dir"
run_dir="$(cd "$run_dir" && pwd)"
if [[ -f "$run_dir/cluster.env" ]]; then
  die "a cluster was started in $run_dir and not stopped: run cluster/stop.sh --run-dir $run_dir first"
fi
spark_home="$("$cluster_dir/install-spark.sh")"

export SPARK_HOME="$spark_home"
export SPARK_CONF_DIR="$cluster_dir/conf"
export SPARK_LOCAL_IP=127.0.0.1
export SPARK_LOCAL_DIRS="$run_dir/local"
export SPARK_LOG_DIR="$run_dir"
export SPARK_DAEMON_MEMORY="${SPARK_DAEMON_MEMORY:-512m}"
# The marker lets stop.sh find every daemon of this run even without its pid file.
marker="-Dmassbt.cluster.run=$run_dir"
export SPARK_DAEMON_JAVA_OPTS="$marker"
mkdir -p "$SPARK_LOCAL_DIRS"

master_port=$(free_port)
master_ui=$(free_port)
state="$run_dir/cluster.env"
{
  echo "SPARK_HOME='$spark_home'"
  echo "RUN_DIR='$run_dir'"
  echo "MASTER_URL='spark://127.0.0.1:$master_port'"
  echo "MASTER_WEBUI='http://127.0.0.1:$master_ui'"
  echo "WORKERS=$workers"
  echo "WORKER_CORES=$cores"
} > "$state"

# The daemons read the secret from _SPARK_AUTH_SECRET, the variable Spark itself uses to hand
# it to executors: it stays off every command line (ps) and is never written to a file.
export _SPARK_AUTH_SECRET="$MASSBT_SPARK_SECRET"
SPARK_MASTER_OPTS="-Dspark.master.rest.enabled=false" \
  nohup "$spark_home/bin/spark-class" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$master_port" --webui-port "$master_ui" > "$run_dir/master.log" 2>&1 < /dev/null &
echo "MASTER_PID=$!" >> "$state"

for i in $(seq 1 "$workers"); do
  port=$(free_port)
  ui=$(free_port)
  dir="$run_dir/worker-$i"
  mkdir -p "$dir"
  nohup "$spark_home/bin/spark-class" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --port "$port" --webui-port "$ui" --cores "$cores" --memory "$memory" \
    --work-dir "$dir" "spark://127.0.0.1:$master_port" > "$run_dir/worker-$i.log" 2>&1 < /dev/null &
  {
    echo "WORKER_${i}_PID=$!"
    echo "WORKER_${i}_PORT=$port"
    echo "WORKER_${i}_DIR='$dir'"
  } >> "$state"
done

# Ready when the master's JSON lists every worker ALIVE (polled, never slept on blindly).
say "master spark://127.0.0.1:$master_port, waiting for $workers worker(s) to register..."
if ! python3 - "http://127.0.0.1:$master_ui/json/" "$workers" "$timeout" <<'PY'
import json, sys, time, urllib.request
url, want, timeout = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
deadline = time.monotonic() + timeout
alive = -1
while time.monotonic() < deadline:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            state = json.load(r)
        alive = sum(1 for w in state.get("workers", []) if w.get("state") == "ALIVE")
        if state.get("status") == "ALIVE" and alive >= want:
            sys.exit(0)
    except (OSError, ValueError):
        pass  # not listening yet, or an empty or partial page while it starts
    time.sleep(0.2)
print(f"cluster: {alive} of {want} workers registered after {timeout:.0f} s", file=sys.stderr)
sys.exit(1)
PY
then
  say "the cluster did not come up; master.log and worker-*.log in $run_dir say why. Stopping it."
  "$cluster_dir/stop.sh" --run-dir "$run_dir" || true
  exit 1
fi
say "up: $workers worker(s) x $cores core(s), state in $state"
echo "spark://127.0.0.1:$master_port"
