#!/usr/bin/env bash
# Starts Airflow on 127.0.0.1 for a run dir: the API server (REST API, UI, task execution API), the
# scheduler (LocalExecutor) and the DAG processor, with the project's DAGs and the massbt_spark
# connection (--master, default local[2]; the uber jar of jobs/target). The admin user is
# $MASSBT_AIRFLOW_USER with password $MASSBT_AIRFLOW_PASSWORD (Simple auth manager; both required,
# never on a command line); the JWT signing secret is random per start. Prints the API URL; writes
# airflow.env (URL, port, pids) in the run dir for stop.sh. Stop with airflow/stop.sh.
#
#   airflow/start.sh [--run-dir DIR] [--master local[2]] [--port P]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

run_dir="$run_dir_default"
master="local[2]"
port=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --run-dir) run_dir="$2"; shift 2 ;;
    --master) master="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[[ -n "${MASSBT_AIRFLOW_USER:-}" && -n "${MASSBT_AIRFLOW_PASSWORD:-}" ]] \
  || die "set MASSBT_AIRFLOW_USER and MASSBT_AIRFLOW_PASSWORD: the admin user start.sh creates"
[[ "$MASSBT_AIRFLOW_USER" =~ ^[A-Za-z0-9_.-]+$ ]] || die "MASSBT_AIRFLOW_USER: letters, digits, '_', '.', '-' only"
require_airflow
mkdir -p "$run_dir"
run_dir="$(cd "$run_dir" && pwd)"
[[ ! -f "$run_dir/airflow.env" ]] || die "Airflow already started for $run_dir: run airflow/stop.sh --run-dir $run_dir first"
airflow_env "$run_dir"
export_spark_connection "$master" "$(massbt_jar)"
port="${port:-$(free_port)}"
url="http://127.0.0.1:$port"
export AIRFLOW__API__HOST=127.0.0.1
export AIRFLOW__API__PORT="$port"
export AIRFLOW__API__BASE_URL="$url"
export AIRFLOW__CORE__EXECUTION_API_SERVER_URL="$url/execution/"
export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS="$MASSBT_AIRFLOW_USER:admin"
AIRFLOW__API_AUTH__JWT_SECRET="$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
export AIRFLOW__API_AUTH__JWT_SECRET
# The Simple auth manager reads passwords from this file (plain text: it is for tests and one-user
# setups; production uses the FAB or Keycloak auth manager). Only this user can read it.
(umask 077 && python3 -c 'import json, os, sys; print(json.dumps({os.environ["MASSBT_AIRFLOW_USER"]: os.environ["MASSBT_AIRFLOW_PASSWORD"]}))' \
  > "$AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE")

airflow db migrate > "$run_dir/logs/db-migrate.log" 2>&1 \
  || die "airflow db migrate failed: see $run_dir/logs/db-migrate.log"
# Parse the DAGs into the database now, so they can be triggered as soon as the API answers.
airflow dags reserialize > "$run_dir/logs/reserialize.log" 2>&1 \
  || die "airflow dags reserialize failed: see $run_dir/logs/reserialize.log"

# Each in its own session (setsid), so stop.sh ends it with everything it started.
start_one() {
  local name="$1"; shift
  setsid "$@" > "$run_dir/logs/$name.log" 2>&1 < /dev/null &
  echo $!
}
api_pid=$(start_one api-server airflow api-server --host 127.0.0.1 --port "$port" --workers 1)
scheduler_pid=$(start_one scheduler airflow scheduler)
processor_pid=$(start_one dag-processor airflow dag-processor)
cat > "$run_dir/airflow.env" <<STATE
AIRFLOW_URL=$url
AIRFLOW_PORT=$port
API_PID=$api_pid
SCHEDULER_PID=$scheduler_pid
PROCESSOR_PID=$processor_pid
STATE

for _ in $(seq 1 180); do
  if python3 - "$url" <<'PY' 2>/dev/null; then
import json, sys, urllib.request
h = json.load(urllib.request.urlopen(sys.argv[1] + "/api/v2/monitor/health", timeout=5))
sys.exit(0 if h["metadatabase"]["status"] == "healthy" and h["scheduler"]["status"] == "healthy" else 1)
PY
    say "up at $url (logs in $run_dir/logs)"
    echo "$url"
    exit 0
  fi
  for pid in $api_pid $scheduler_pid $processor_pid; do
    kill -0 "$pid" 2>/dev/null || { "$airflow_dir/stop.sh" --run-dir "$run_dir" >&2; die "an Airflow process exited while starting: see $run_dir/logs/"; }
  done
  sleep 1
done
"$airflow_dir/stop.sh" --run-dir "$run_dir" >&2
die "Airflow did not become healthy at $url in 180 s: see $run_dir/logs/"
